import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { type ImportField, ImportLimits } from '../../../shared/api.ts';
import { AppError, type FieldError } from '../../errors.ts';

/**
 * Turns an uploaded CSV or XLSX into rows of text, numbered as a spreadsheet shows them (the
 * header is row 1). Knows nothing of the database: checking the values is the service's job.
 * Problems with the file as a whole are AppErrors on the field `file`.
 */

export interface RawRow {
  /** The spreadsheet row number: the header is row 1. */
  row: number;
  name: string;
  email: string;
  organisation: string;
  role: string;
}

/** Column names we recognise, Swedish and English, compared lower-cased with spaces collapsed. */
const columnAliases: Record<ImportField, string[]> = {
  name: ['name', 'namn', 'full name', 'fullständigt namn'],
  email: [
    'email',
    'e-mail',
    'e-post',
    'epost',
    'e-postadress',
    'epostadress',
    'email address',
    'e-mail address',
  ],
  organisation: [
    'organisation',
    'organization',
    'organisationsnamn',
    'organisation name',
    'organization name',
  ],
  role: ['role', 'roll'],
};

const fields = Object.keys(columnAliases) as ImportField[];

export const normaliseHeading = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('sv');

const fileError = (message: string, params?: Record<string, string | number>) =>
  AppError.validation('file', message, params);

type Cells = { row: number; cells: string[] };

export async function parseImportFile(file: Buffer): Promise<RawRow[]> {
  if (file.length === 0) throw fileError('file_empty');
  const records = isZip(file) ? await readXlsx(file) : readCsv(decodeText(file));
  return toRows(records);
}

// --- Format detection ---------------------------------------------------------------------------

/** XLSX is a zip archive: "PK\x03\x04". */
const isZip = (file: Buffer) =>
  file.length >= 4 && file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04;

/**
 * Text in UTF-8 (with or without BOM). Binary files (old .xls, PDF, images) contain NUL bytes and
 * are refused. Text that is not valid UTF-8 is read as Windows-1252, which is what Excel's plain
 * "CSV (semikolonavgränsad)" writes on Swedish Windows, so å, ä and ö survive either export.
 */
function decodeText(file: Buffer): string {
  if (file.includes(0)) throw fileError('file_type');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    return new TextDecoder('windows-1252').decode(file);
  }
}

// --- CSV ------------------------------------------------------------------------------------------

/** The separator of the first non-empty line: ";" (Swedish Excel), "," or a tab, outside quotes. */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  let seenContent = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (seenContent) break;
    } else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
    if (char.trim() !== '' && char !== '\uFEFF') seenContent = true;
  }
  let best = ',';
  for (const [separator, count] of counts) if (count > (counts.get(best) ?? 0)) best = separator;
  return best;
}

class TooManyRows extends Error {}

function readCsv(text: string): Cells[] {
  const records: Cells[] = [];
  let nonEmpty = 0;
  try {
    parseCsv(text, {
      bom: true,
      delimiter: detectSeparator(text),
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        if (record.every((cell) => cell.trim() === '')) return null;
        // The header and then at most maxRows rows; stop reading rather than hold a huge file.
        if (++nonEmpty > ImportLimits.maxRows + 1) throw new TooManyRows();
        records.push({ row: context.records, cells: record });
        return null;
      },
    });
  } catch (error) {
    if (error instanceof TooManyRows || (error as { cause?: unknown }).cause instanceof TooManyRows)
      throw fileError('too_many_rows', { max: ImportLimits.maxRows });
    const line = (error as { lines?: number }).lines;
    throw fileError('csv_invalid', { line: line ?? 1 });
  }
  return records;
}

// --- XLSX -----------------------------------------------------------------------------------------

async function readXlsx(file: Buffer): Promise<Cells[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as an older Buffer; any Node Buffer works.
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw fileError('file_type');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileError('no_header');
  const records: Cells[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooMany) return;
    const cells: string[] = [];
    // Cell text is what Excel shows: hyperlinked addresses, rich text and formula results as text.
    for (let column = 1; column <= row.cellCount; column++) cells.push(row.getCell(column).text ?? '');
    if (cells.every((cell) => cell.trim() === '')) return;
    if (records.length >= ImportLimits.maxRows + 1) tooMany = true;
    else records.push({ row: rowNumber, cells });
  });
  if (tooMany) throw fileError('too_many_rows', { max: ImportLimits.maxRows });
  return records;
}

// --- Header and rows ------------------------------------------------------------------------------

function toRows(records: Cells[]): RawRow[] {
  const [header, ...data] = records;
  if (!header) throw fileError('no_header');
  const headings = header.cells.map(normaliseHeading);
  const index = {} as Record<ImportField, number>;
  const missing: FieldError[] = [];
  for (const field of fields) {
    const found = headings.findIndex((heading) => columnAliases[field].includes(heading));
    if (found < 0) missing.push({ field: 'file', message: `missing_column_${field}` });
    index[field] = found;
  }
  // Not one known column: most likely no header row at all, or not a list of people.
  if (missing.length === fields.length) throw fileError('no_header');
  if (missing.length > 0) throw new AppError('validation_failed', missing);
  if (data.length === 0) throw fileError('no_rows');
  if (data.length > ImportLimits.maxRows) throw fileError('too_many_rows', { max: ImportLimits.maxRows });
  return data.map(({ row, cells }) => ({
    row,
    name: (cells[index.name] ?? '').trim(),
    email: (cells[index.email] ?? '').trim(),
    organisation: (cells[index.organisation] ?? '').trim(),
    role: (cells[index.role] ?? '').trim(),
  }));
}
