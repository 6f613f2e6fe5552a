import type { TFunction } from 'i18next';
import type { ImportField, ImportRow, ImportRowError } from '../../../shared/api.ts';
import { organisationRoles } from '../../../shared/roles.ts';

/**
 * Files the import page offers: a template, and the rows that were not imported with what is wrong
 * with each, to correct in Excel and import again. Both are read back by the import itself: the
 * headings are column names it knows, and it ignores the extra column of problems.
 */

type OrganisationRole = (typeof organisationRoles)[number];

export const isOrganisationRole = (role: string): role is OrganisationRole =>
  (organisationRoles as readonly string[]).includes(role);

/** A role as written in running text and in files: "chef", "organisationskoordinator". */
export const roleInText = (role: OrganisationRole, t: TFunction) => t(`common.roles.${role}`).toLowerCase();

/** Spreadsheet programs run cells that start like a formula; a leading apostrophe keeps them text. */
const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Semicolons and a byte-order mark: what Excel with Swedish settings opens correctly. */
export function toCsv(table: readonly (readonly string[])[]): string {
  const cell = (value: string) => {
    const safe = defuse(value);
    return /[;"\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${table.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}

const fields: ImportField[] = ['name', 'email', 'organisation', 'role'];

const headings = (t: TFunction) => fields.map((field) => t(`people.import.csvColumns.${field}`));

/** The errors of each row, by row number. */
export function errorsByRow(errors: readonly ImportRowError[]): Map<number, ImportRowError[]> {
  const byRow = new Map<number, ImportRowError[]>();
  for (const error of errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  return byRow;
}

/** "E-postadress: Måste vara en giltig e-postadress." */
export const errorText = (error: ImportRowError, t: TFunction) =>
  t('people.import.fieldMessage', {
    field: t(`people.import.fields.${error.field}`),
    message: error.message,
  });

/** The rows with errors as a file to correct: the four columns as read, and what to correct. */
export function rowsToCorrectCsv(
  rows: readonly ImportRow[],
  errors: readonly ImportRowError[],
  t: TFunction,
) {
  const byRow = errorsByRow(errors);
  const table = [[...headings(t), t('people.import.csvColumns.problem')]];
  for (const row of rows) {
    const rowErrors = byRow.get(row.row);
    if (!rowErrors) continue;
    table.push([
      row.name,
      row.email,
      row.organisation,
      isOrganisationRole(row.role) ? roleInText(row.role, t) : row.role,
      rowErrors.map((error) => errorText(error, t)).join(' '),
    ]);
  }
  return toCsv(table);
}

/** A header row and one example row. */
export function templateCsv(example: readonly string[], t: TFunction) {
  return toCsv([headings(t), example]);
}
