import type { Kysely } from 'kysely';

// Frozen in time: never import application code here. Approval steps get a name for the approver
// (a noun phrase that fits inside sentences: "kommunens ansvariga chef") separate from what they
// used to be, a label written as a sentence ("Kommunens ansvarige chef godkänner ansökan") that was
// pasted into other sentences. Programme settings and the steps already copied into applications
// are converted once, here, so that the application reads one shape only:
//   programmes.settings.approvalSteps[*]: { label } → { approverName, description }
//   application_approvals.label: the old sentence → the approver's name; the sentence moves to the
//   new column `description`.
// Labels of the built-in templates get their written names; any other label keeps its text as the
// step's description, and the name says who approves by the kind of step.

interface Text {
  sv: string;
  en: string;
}
interface Converted {
  approverName: Text;
  description: Text | null;
}

const known: Record<string, Converted> = {
  'Din chef känner till och bekräftar mentorskapet': {
    approverName: { sv: 'sökandens närmaste chef', en: "the applicant's line manager" },
    description: {
      sv: 'Chefen känner till och bekräftar mentorskapet.',
      en: 'The manager knows about and confirms the mentorship.',
    },
  },
  'Din chef bekräftar att det finns utrymme för dig att vara mentor': {
    approverName: { sv: 'sökandens närmaste chef', en: "the applicant's line manager" },
    description: {
      sv: 'Chefen bekräftar att det finns utrymme för uppdraget som mentor.',
      en: 'The manager confirms that there is room for the assignment as a mentor.',
    },
  },
  'Myndighetens HR-funktion anmäler behovet till Polisens chefs- och ledarcenter': {
    approverName: { sv: 'myndighetens HR-funktion', en: "the authority's HR function" },
    description: {
      sv: 'HR anmäler behovet till Polisens chefs- och ledarcenter.',
      en: 'HR reports the need to the Police Management and Leadership Centre.',
    },
  },
  'Styrelsen beslutar att utse mentor och adept': {
    approverName: { sv: 'avdelningsstyrelsen', en: 'the branch board' },
    description: {
      sv: 'Styrelsen beslutar att utse mentor och adept.',
      en: 'The board decides to appoint the mentor and the adept.',
    },
  },
  'Kommunens ansvarige chef godkänner ansökan': {
    approverName: { sv: 'kommunens ansvariga chef', en: "the municipality's responsible manager" },
    description: null,
  },
  'Personalchefen godkänner ansökan': {
    approverName: { sv: 'personalchefen', en: 'the HR manager' },
    description: null,
  },
  'Organisationens HR-kontakt i HR-nätverket bekräftar intresseanmälan': {
    approverName: { sv: 'organisationens HR-kontakt', en: "the organisation's HR contact" },
    description: {
      sv: 'HR-kontakten i HR-nätverket bekräftar intresseanmälan.',
      en: 'The HR contact in the HR network confirms the registration of interest.',
    },
  },
};

const byKind: Record<string, Text> = {
  manager: { sv: 'sökandens närmaste chef', en: "the applicant's line manager" },
  hr: { sv: 'HR i sökandens organisation', en: "HR in the applicant's organisation" },
  coordinator: { sv: 'programmets koordinator', en: "the programme's coordinator" },
  board: { sv: 'styrelsen', en: 'the board' },
};

function isText(value: unknown): value is Text {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Text).sv === 'string' &&
    typeof (value as Text).en === 'string'
  );
}

function convert(label: unknown, approver: string): Converted {
  const old = isText(label) ? label : { sv: '', en: '' };
  const found = known[old.sv.trim()];
  if (found) return found;
  return {
    approverName: byKind[approver] ?? byKind.manager!,
    description: old.sv.trim() && old.en.trim() ? { sv: old.sv.trim(), en: old.en.trim() } : null,
  };
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('application_approvals').addColumn('description', 'text').execute();

  const programmes = await db.selectFrom('programmes').select(['id', 'settings']).execute();
  for (const programme of programmes) {
    const settings = JSON.parse(programme.settings as string);
    const steps = settings?.approvalSteps;
    if (!Array.isArray(steps) || steps.every((step) => step && 'approverName' in step)) continue;
    settings.approvalSteps = steps.map((step: Record<string, unknown>) => {
      if ('approverName' in step) return step;
      const { label, ...rest } = step;
      return { ...rest, ...convert(label, String(step.approver)) };
    });
    await db
      .updateTable('programmes')
      .set({ settings: JSON.stringify(settings) })
      .where('id', '=', programme.id)
      .execute();
  }

  const approvals = await db
    .selectFrom('application_approvals')
    .select(['id', 'approver', 'label'])
    .execute();
  for (const approval of approvals) {
    let label: unknown;
    try {
      label = JSON.parse(approval.label as string);
    } catch {
      label = null;
    }
    const converted = convert(label, String(approval.approver));
    await db
      .updateTable('application_approvals')
      .set({
        label: JSON.stringify(converted.approverName),
        description: converted.description ? JSON.stringify(converted.description) : null,
      })
      .where('id', '=', approval.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('application_approvals').dropColumn('description').execute();
}
