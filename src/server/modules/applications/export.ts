import ExcelJS from 'exceljs';
import { approverIn, capitalize } from '../../../shared/approval-texts.ts';
import { todayInSweden } from '../../../shared/calendar.ts';
import type { Application } from '../../../shared/intake.ts';
import type { Locale } from '../../../shared/roles.ts';

/** The intake list as a spreadsheet: one row per application, with eligibility and approvals in words. */

const headers = {
  sv: [
    'Namn',
    'E-post',
    'Organisation',
    'Roll',
    'Status',
    'Behörig',
    'Skäl',
    'Godkännanden',
    'Titel',
    'Chefsnivå',
    'Chef sedan',
    'Inskickad',
  ],
  en: [
    'Name',
    'E-mail',
    'Organisation',
    'Role',
    'Status',
    'Eligible',
    'Reasons',
    'Approvals',
    'Title',
    'Management level',
    'Manager since',
    'Submitted',
  ],
} as const;

const words = {
  sv: {
    roles: { adept: 'adept', mentor: 'mentor' },
    statuses: {
      awaiting_approval: 'väntar på godkännande',
      pending_review: 'under handläggning',
      completion_requested: 'komplettering begärd',
      approved: 'antagen',
      declined: 'inte godkänd',
      rejected: 'inte antagen',
      withdrawn: 'tillbakatagen',
    },
    approvals: {
      waiting: 'väntar',
      pending: 'väntar på svar',
      approved: 'godkänd',
      declined: 'inte godkänd',
      cancelled: 'avbruten',
      superseded: 'ersatt',
    },
    levels: { direct: 'direkt', indirect: 'indirekt', strategic: 'strategisk' },
    yes: 'ja',
    no: 'nej',
  },
  en: {
    roles: { adept: 'adept', mentor: 'mentor' },
    statuses: {
      awaiting_approval: 'awaiting approval',
      pending_review: 'under review',
      completion_requested: 'completion requested',
      approved: 'accepted',
      declined: 'not approved',
      rejected: 'not accepted',
      withdrawn: 'withdrawn',
    },
    approvals: {
      waiting: 'waiting',
      pending: 'awaiting answer',
      approved: 'approved',
      declined: 'not approved',
      cancelled: 'cancelled',
      superseded: 'replaced',
    },
    levels: { direct: 'direct', indirect: 'indirect', strategic: 'strategic' },
    yes: 'yes',
    no: 'no',
  },
} as const;

function rowsOf(applications: Application[], locale: Locale): string[][] {
  const w = words[locale];
  return applications.map((a) => [
    a.applicant.name,
    a.applicant.email,
    a.organisation.name,
    w.roles[a.role],
    w.statuses[a.status],
    a.eligibility.eligible ? w.yes : w.no,
    a.eligibility.checks.map((c) => c.text).join(' '),
    a.approvals
      .filter((ap) => ap.status !== 'superseded')
      .map((ap) => `${capitalize(approverIn(ap.step.approverName, locale))}: ${w.approvals[ap.status]}`)
      .join('; '),
    a.basics.title,
    w.levels[a.basics.managementLevel],
    a.basics.managingStaffSince ?? '',
    todayInSweden(new Date(a.submittedAt)),
  ]);
}

/** Spreadsheet programs run cells that start like a formula; a leading apostrophe keeps them text. */
const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function toCsv(table: string[][]): string {
  const cell = (value: string) => {
    const safe = defuse(value);
    return /[;"\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  // Semicolons and a byte-order mark: what Excel with Swedish settings opens correctly.
  return `\uFEFF${table.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}

export async function exportApplications(
  applications: Application[],
  format: 'csv' | 'xlsx',
  locale: Locale,
  /** When it is exported: the file is named by its day. */
  now: Date,
) {
  const table = [[...headers[locale]], ...rowsOf(applications, locale)];
  const stamp = todayInSweden(now);
  if (format === 'csv') {
    return {
      contentType: 'text/csv; charset=utf-8',
      filename: `applications-${stamp}.csv`,
      body: toCsv(table),
    };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  workbook.modified = now;
  const sheet = workbook.addWorksheet(locale === 'sv' ? 'Ansökningar' : 'Applications');
  for (const row of table) sheet.addRow(row.map(defuse));
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column) => {
    column.width = 20;
  });
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `applications-${stamp}.xlsx`,
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
