import {
  emailSchema,
  type ImportField,
  ImportLimits,
  type ImportPreview,
  type ImportResult,
  type ImportRow,
  type ImportRowError,
  Limits,
  personNameSchema,
} from '../../../shared/api.ts';
import { type Locale, localeSchema, organisationRoles } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize, can, coordinatesOrganisation } from '../../authz/policy.ts';
import type { Clock } from '../../clock.ts';
import type { Db, Queryable } from '../../db/connection.ts';
import { AppError, notFound } from '../../errors.ts';
import { fieldMessage } from '../../i18n/messages.ts';
import type { Mailer } from '../mail/mail.service.ts';
import { findNetwork } from '../network/network.repository.ts';
import { listOrganisations } from '../organisations/organisations.repository.ts';
import * as invitationsRepo from '../people/invitations.repository.ts';
import { draftInvitation, type InvitationDraft } from '../people/invitations.service.ts';
import { normaliseHeading, parseImportFile, type RawRow } from './imports.parser.ts';
import * as repo from './imports.repository.ts';

/**
 * Bulk import of invited participants. Preview and commit read the same file through the same
 * checks; commit writes every invitation, token and mail in one transaction, or nothing. Asked to
 * (`validRowsOnly`), commit writes the rows that pass every check, still in one transaction, and
 * answers with the rows it left out and why.
 */

type OrganisationRole = (typeof organisationRoles)[number];

/** What the route read from the multipart form. */
export interface ImportUpload {
  file: Buffer | null;
  locale: string | undefined;
  validRowsOnly?: string | undefined;
}

/** Role names accepted in the file, in either language, lower-cased. */
const roleAliases: Record<string, OrganisationRole> = {
  adept: 'adept',
  mentor: 'mentor',
  manager: 'manager',
  chef: 'manager',
  org_coordinator: 'org_coordinator',
  koordinator: 'org_coordinator',
  coordinator: 'org_coordinator',
  organisationskoordinator: 'org_coordinator',
  'organisation coordinator': 'org_coordinator',
  'organization coordinator': 'org_coordinator',
};

/** A row error before translation: a message key under `errors.fields` and its parameters. */
export type RowErrorKey = Omit<ImportRowError, 'message'> & {
  message: string;
  params?: Record<string, string | number>;
};

/**
 * A refused commit: a validation problem naming each row's field as `rows.<row>.<field>`, and the
 * row errors themselves, which the route adds to the problem as `rowErrors`.
 */
export class ImportRejected extends AppError {
  constructor(readonly rowErrors: RowErrorKey[]) {
    super(
      'validation_failed',
      rowErrors.map((e) => ({
        field: `rows.${e.row}.${e.field}`,
        message: e.message,
        ...(e.params ? { params: e.params } : {}),
      })),
    );
  }
}

export const translateRowError = (locale: Locale, e: RowErrorKey): ImportRowError => ({
  row: e.row,
  field: e.field,
  message: fieldMessage(locale, e.message, e.params),
});

interface CheckedRow extends RawRow {
  /** Set when the row names a known organisation and role; the email is then normalised. */
  organisationId: string | null;
  roleKey: OrganisationRole | null;
  valid: boolean;
}

interface Analysis {
  rows: CheckedRow[];
  /** Message keys, translated when answered. */
  errors: RowErrorKey[];
  network: { id: string; name: string };
  organisations: Map<string, { id: string; name: string }>;
}

const fieldOrder: ImportField[] = ['name', 'email', 'organisation', 'role'];

async function readUpload(
  db: Db,
  actor: Actor | null,
  networkId: string,
  read: () => Promise<ImportUpload>,
): Promise<{
  network: { id: string; name: string };
  rows: RawRow[];
  locale: Locale;
  validRowsOnly: boolean;
}> {
  const network = await findNetwork(db, networkId);
  if (!network) throw notFound();
  // Before the upload is read: a caller who may not import does not get to send us 5 MB.
  authorize(actor, 'importParticipants', { type: 'network', networkId });
  const upload = await read();
  const locale = localeSchema.safeParse(upload.locale ?? 'sv');
  if (!locale.success) throw AppError.validation('locale', 'invalid_value', { options: 'sv, en' });
  const validRowsOnly = upload.validRowsOnly ?? 'false';
  if (validRowsOnly !== 'true' && validRowsOnly !== 'false')
    throw AppError.validation('validRowsOnly', 'invalid_value', { options: 'true, false' });
  if (!upload.file) throw AppError.validation('file', 'file_required');
  return {
    network,
    rows: await parseImportFile(upload.file),
    locale: locale.data,
    validRowsOnly: validRowsOnly === 'true',
  };
}

/** Every check of every row, with the database's view of pending invitations (at `now`) and held roles. */
async function analyse(
  db: Queryable,
  actor: Actor,
  network: { id: string; name: string },
  rawRows: RawRow[],
  now: string,
): Promise<Analysis> {
  const organisations = new Map(
    (await listOrganisations(db, network.id)).map((o) => [
      normaliseHeading(o.name),
      { id: o.id, name: o.name },
    ]),
  );
  const errors: Analysis['errors'] = [];
  const firstSeen = new Map<string, number>();
  const rows: CheckedRow[] = rawRows.map((raw) => {
    const rowErrors: Analysis['errors'] = [];
    const fail = (field: ImportField, message: string, params?: Record<string, string | number>) =>
      rowErrors.push({ row: raw.row, field, message, ...(params ? { params } : {}) });

    const name = personNameSchema.safeParse(raw.name);
    if (!name.success)
      raw.name === '' ? fail('name', 'required') : fail('name', 'too_big_string', { max: Limits.nameMax });

    let email = raw.email;
    if (raw.email === '') fail('email', 'required');
    else if (raw.email.length > Limits.emailMax) fail('email', 'too_big_string', { max: Limits.emailMax });
    else {
      const parsed = emailSchema.safeParse(raw.email);
      if (parsed.success) email = parsed.data;
      else fail('email', 'invalid_email');
    }

    const organisation = raw.organisation ? organisations.get(normaliseHeading(raw.organisation)) : undefined;
    if (raw.organisation === '') fail('organisation', 'required');
    else if (!organisation) fail('organisation', 'unknown_organisation');

    const roleKey = raw.role ? roleAliases[normaliseHeading(raw.role)] : undefined;
    if (raw.role === '') fail('role', 'required');
    else if (!roleKey) fail('role', 'unknown_role');

    if (organisation && roleKey) {
      const subject = {
        type: 'invitation' as const,
        networkId: network.id,
        organisationId: organisation.id,
        role: roleKey,
      };
      if (!can(actor, 'create', subject)) {
        // A coordinator: either not their organisation, or a role they may not hand out.
        coordinatesOrganisation(actor, organisation.id)
          ? fail('role', 'role_not_allowed')
          : fail('organisation', 'not_coordinated_organisation');
      }
    }

    if (rowErrors.length === 0 && organisation && roleKey) {
      const key = `${email}\u0000${organisation.id}\u0000${roleKey}`;
      const first = firstSeen.get(key);
      if (first !== undefined) fail('email', 'duplicate_in_file', { row: first });
      else firstSeen.set(key, raw.row);
    }
    errors.push(...rowErrors);
    return {
      ...raw,
      email,
      organisation: organisation?.name ?? raw.organisation,
      role: roleKey ?? raw.role,
      organisationId: organisation?.id ?? null,
      roleKey: roleKey ?? null,
      valid: rowErrors.length === 0,
    };
  });

  // The database's side, for the rows otherwise valid: the same refusals as a single invitation.
  const candidates = rows.filter((r) => r.valid);
  const emails = candidates.map((r) => r.email);
  const key = (email: string, organisationId: string | null, role: string) =>
    `${email}\u0000${organisationId}\u0000${role}`;
  const held = new Set(
    (await repo.listRolesHeldBy(db, network.id, emails)).map((r) => key(r.email, r.organisation_id, r.role)),
  );
  const pending = new Set(
    (await invitationsRepo.listPendingInvitationsTo(db, network.id, emails, now)).map((r) =>
      key(r.email, r.organisation_id, r.role),
    ),
  );
  for (const row of candidates) {
    const k = key(row.email, row.organisationId, row.roleKey!);
    if (held.has(k)) errors.push({ row: row.row, field: 'email', message: 'already_member' });
    else if (pending.has(k)) errors.push({ row: row.row, field: 'email', message: 'already_invited' });
    else continue;
    row.valid = false;
  }
  errors.sort((a, b) => a.row - b.row || fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field));
  return { rows, errors, network, organisations };
}

function totals(rows: CheckedRow[]): ImportPreview['totals'] {
  const byRole = Object.fromEntries(organisationRoles.map((r) => [r, 0])) as Record<OrganisationRole, number>;
  let valid = 0;
  for (const row of rows) {
    if (!row.valid || !row.roleKey) continue;
    valid++;
    byRole[row.roleKey]++;
  }
  return { rows: rows.length, valid, byRole };
}

/** A row as the answers show it: the network's spelling of the organisation, the role's key. */
const present = ({ row, name, email, organisation, role }: CheckedRow): ImportRow => ({
  row,
  name,
  email,
  organisation,
  role,
});

/** What a file would import, and what is wrong with it, row by row. Writes nothing. */
export async function previewImport(
  db: Db,
  actor: Actor | null,
  networkId: string,
  read: () => Promise<ImportUpload>,
  callerLocale: Locale,
  now: string,
): Promise<ImportPreview> {
  const { network, rows } = await readUpload(db, actor, networkId, read);
  const analysis = await analyse(db, actor!, network, rows, now);
  return {
    // The first rows, to show what the file holds; and every row with an error, to mark them.
    rows: analysis.rows.filter((row, index) => index < ImportLimits.previewRows || !row.valid).map(present),
    errors: analysis.errors.map((e) => translateRowError(callerLocale, e)),
    valid: analysis.errors.length === 0,
    totals: totals(analysis.rows),
  };
}

/**
 * Checks the file again and creates the invitations with their tokens and mails in one
 * transaction. By default any row error refuses the whole file, naming each row and field; with
 * `validRowsOnly` the rows that pass every check are written and the others are answered with
 * their errors (a file without one valid row is still refused).
 */
export async function commitImport(
  deps: { db: Db; mailer: Mailer; publicUrl: string; clock: Clock },
  actor: Actor | null,
  networkId: string,
  read: () => Promise<ImportUpload>,
  callerLocale: Locale,
): Promise<ImportResult> {
  const { db, mailer } = deps;
  const { network, rows, locale, validRowsOnly } = await readUpload(db, actor, networkId, read);
  return db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    // Checked inside the transaction, so the database's state is the one the rows are written to.
    const analysis = await analyse(trx, actor!, network, rows, now);
    const valid = analysis.rows.filter((row) => row.valid);
    if (valid.length === 0 || (!validRowsOnly && analysis.errors.length > 0))
      throw new ImportRejected(analysis.errors);
    const drafts: InvitationDraft[] = valid.map((row) =>
      draftInvitation({
        networkId: network.id,
        networkName: network.name,
        organisation: { id: row.organisationId!, name: row.organisation },
        email: row.email,
        name: personNameSchema.parse(row.name),
        role: row.roleKey!,
        locale,
        inviter: actor!,
        publicUrl: deps.publicUrl,
        now,
      }),
    );
    await invitationsRepo.insertInvitations(
      trx,
      drafts.map((d) => d.invitation),
    );
    await repo.insertOneTimeTokens(
      trx,
      drafts.map((d) => d.token),
    );
    await mailer.enqueueMany(
      trx,
      drafts.map((d) => d.mail),
    );
    return {
      created: drafts.length,
      imported: valid.map((row) => row.row),
      rejected: analysis.rows.filter((row) => !row.valid).map(present),
      errors: analysis.errors.map((e) => translateRowError(callerLocale, e)),
      expiresAt: drafts[0]!.invitation.expires_at,
    };
  });
}
