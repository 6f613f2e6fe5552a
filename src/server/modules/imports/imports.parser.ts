import { pipeline } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import { parse as parseCsv } from 'csv-parse';
import { type ImportField, ImportLimits } from '../../../shared/api.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { type RowSink, readXlsx } from './imports.xlsx.ts';

/**
 * Turns an uploaded CSV or XLSX into rows of text, numbered as a spreadsheet shows them (the
 * header is row 1). Knows nothing of the database: checking the values is the service's job.
 * Problems with the file as a whole are AppErrors on the field `file`. Every limit of
 * `ImportLimits` is checked while reading, so a hostile file is refused before it costs much.
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

export async function parseImportFile(file: Buffer): Promise<RawRow[]> {
  if (file.length === 0) throw fileError('file_empty');
  const rows = new Rows();
  if (isZip(file)) await readXlsx(file, rows);
  else await readCsv(decodeText(file), rows);
  return rows.finish();
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

/**
 * Counts lines, fields and filled fields outside quotes, in one quick pass before parsing: csv-parse
 * builds a whole line before anyone sees it and spends microseconds on each blank one, so a file
 * of 5 MB separators or line breaks would cost seconds. Refuses what is past the limits.
 */
function checkCsvShape(text: string, separator: string) {
  const quote = 34;
  const lineFeed = 10;
  const carriageReturn = 13;
  const separatorCode = separator.charCodeAt(0);
  let line = 1;
  let fields = 1;
  let filled = 0;
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === quote) {
      quoted = !quoted;
      content = true;
    } else if (quoted) {
      // inside quotes: text, separators and line breaks alike
    } else if (code === separatorCode || code === lineFeed || code === carriageReturn) {
      if (content && ++filled > ImportLimits.maxCells)
        throw fileError('too_many_cells', { max: ImportLimits.maxCells });
      content = false;
      if (code === separatorCode) {
        if (++fields > ImportLimits.maxColumns)
          throw fileError('too_many_columns', { max: ImportLimits.maxColumns, row: line });
        continue;
      }
      if (code === carriageReturn && text.charCodeAt(i + 1) === lineFeed) i++;
      fields = 1;
      // A line break that ends the file starts no line.
      if (++line > ImportLimits.maxLines && i < text.length - 1)
        throw fileError('too_many_lines', { max: ImportLimits.maxLines });
    } else if (code !== 32 && code !== 9) content = true;
  }
}

/** csv-parse reads this much at a time, and lets other requests be served in between. */
const csvChunkBytes = 64 * 1024;

async function* inChunks(bytes: Buffer) {
  for (let at = 0; at < bytes.length; at += csvChunkBytes) {
    if (at > 0) await setImmediate();
    yield bytes.subarray(at, at + csvChunkBytes);
  }
}

async function readCsv(text: string, rows: Rows) {
  const delimiter = detectSeparator(text);
  checkCsvShape(text, delimiter);
  const parser = parseCsv({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    on_record: (record: string[], context) => {
      // Checked before parsing too; here as csv-parse itself counts, should the two differ.
      if (context.records > ImportLimits.maxLines)
        throw fileError('too_many_lines', { max: ImportLimits.maxLines });
      if (record.length > ImportLimits.maxColumns)
        throw fileError('too_many_columns', { max: ImportLimits.maxColumns, row: context.records });
      rows.add(context.records, record);
      return null;
    },
  });
  parser.resume();
  try {
    await pipeline(inChunks(Buffer.from(text)), parser);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const line = (error as { lines?: number }).lines;
    throw fileError('csv_invalid', { line: line ?? 1 });
  }
}

// --- Header and rows ------------------------------------------------------------------------------

/** A cell's text as far as anyone reads it: see `ImportLimits.maxCellChars`. */
const keep = (text: string) =>
  text.length > ImportLimits.maxCellChars ? text.slice(0, ImportLimits.maxCellChars) : text;

/**
 * Takes the rows as they are read: the first non-blank one is the header, naming the columns the
 * import uses; of the rows after it, only those columns are kept, and rows blank in all of them
 * are skipped.
 */
class Rows implements RowSink {
  private index: Record<ImportField, number> | null = null;
  private used = new Set<number>();
  private readonly rows: RawRow[] = [];

  wants(column: number): boolean {
    return this.index === null || this.used.has(column);
  }

  add(row: number, cells: string[]) {
    if (this.index === null) {
      if (cells.some((cell) => cell.trim() !== '')) this.readHeader(cells);
      return;
    }
    const index = this.index;
    const value = (field: ImportField) => keep((cells[index[field]] ?? '').trim());
    const raw = {
      row,
      name: value('name'),
      email: value('email'),
      organisation: value('organisation'),
      role: value('role'),
    };
    if (!raw.name && !raw.email && !raw.organisation && !raw.role) return;
    // The header and then at most maxRows rows; stop reading rather than hold a huge file.
    if (this.rows.length >= ImportLimits.maxRows)
      throw fileError('too_many_rows', { max: ImportLimits.maxRows });
    this.rows.push(raw);
  }

  finish(): RawRow[] {
    if (this.index === null) throw fileError('no_header');
    if (this.rows.length === 0) throw fileError('no_rows');
    return this.rows;
  }

  private readHeader(cells: string[]) {
    const headings = Array.from(cells, (cell) => normaliseHeading(cell ?? ''));
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
    this.index = index;
    this.used = new Set(Object.values(index));
  }
}
