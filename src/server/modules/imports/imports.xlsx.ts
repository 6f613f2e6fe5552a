import { posix } from 'node:path';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { ImportLimits } from '../../../shared/api.ts';
import { AppError } from '../../errors.ts';

/**
 * Reads the first sheet of an XLSX within fixed bounds, so that a small hostile file cannot make
 * the server work or hold memory out of proportion: the zip's directory is checked before
 * anything is unpacked, only the parts an import needs are unpacked and never past
 * `ImportLimits.maxUnzippedBytes` (counted, not taken from the sizes the zip declares), and the
 * XML is read as a stream, keeping only the cells of the columns the import uses.
 */

/** Where the rows go: it says which columns it wants and refuses what it must (AppErrors). */
export interface RowSink {
  /** Whether the cells of this column (0-based) are needed: all until the header, then its own. */
  wants(column: number): boolean;
  /** A row's wanted cells by column (sparse), numbered as the spreadsheet shows it. */
  add(row: number, cells: string[]): void;
}

/** No element in a workbook part nests deeper than about ten; a deeper one is not a workbook. */
const maxXmlDepth = 32;
/** Nor has more than a handful of attributes. */
const maxAttributes = 64;
/** Excel's last column, XFD. */
const lastSheetColumn = 16_384;

const fileError = (message: string, params?: Record<string, string | number>) =>
  AppError.validation('file', message, params);

const invalid = () => fileError('xlsx_invalid');

export async function readXlsx(file: Buffer, sink: RowSink): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    // validateEntrySizes: an entry that inflates past the size it declares fails at that byte.
    zip = await yauzl.fromBufferPromise(file, { validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw fileError('file_type');
  }
  try {
    await readWorkbook(zip, sink);
  } finally {
    zip.close();
  }
}

async function readWorkbook(zip: yauzl.ZipFile, sink: RowSink) {
  if (zip.entryCount > ImportLimits.maxZipEntries)
    throw fileError('xlsx_too_many_parts', { max: ImportLimits.maxZipEntries });
  // Part names are case-insensitive in a workbook.
  const entries = new Map<string, yauzl.Entry>();
  try {
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
  } catch {
    throw fileError('file_type');
  }
  const workbookEntry = entries.get('xl/workbook.xml');
  if (!workbookEntry) throw fileError('file_type');
  const part = (path: string) => entries.get(path.toLowerCase());
  const budget = new Budget();

  // The first sheet is the first named in the workbook, however many follow.
  let firstSheet: Record<string, string> | undefined;
  await readXml(zip, workbookEntry, budget, {
    open(name, attributes, stop) {
      if (name !== 'sheet') return;
      firstSheet ??= attributes;
      stop();
    },
  });
  if (!firstSheet) throw fileError('no_header');
  const firstSheetId = Object.entries(firstSheet).find(([key]) => key.endsWith(':id'))?.[1];

  const targets = new Map<string, string>();
  let sharedStringsPath: string | undefined;
  const rels = part('xl/_rels/workbook.xml.rels');
  if (!rels) throw invalid();
  await readXml(zip, rels, budget, {
    open(name, attributes) {
      if (name !== 'Relationship' || !attributes.Id || !attributes.Target) return;
      // Targets are relative to xl/, or absolute from the root of the package.
      const path = attributes.Target.startsWith('/')
        ? attributes.Target.slice(1)
        : posix.normalize(`xl/${attributes.Target}`);
      targets.set(attributes.Id, path);
      if (attributes.Type?.endsWith('/sharedStrings')) sharedStringsPath = path;
    },
  });
  const sheetEntry = firstSheetId ? part(targets.get(firstSheetId) ?? '') : undefined;
  if (!sheetEntry) throw invalid();
  const sharedStringsEntry = sharedStringsPath ? part(sharedStringsPath) : undefined;

  // The sizes the zip declares decide early; the bytes actually unpacked are counted all the same.
  budget.declare(sheetEntry.uncompressedSize + (sharedStringsEntry?.uncompressedSize ?? 0));
  const sharedStrings = sharedStringsEntry ? await readSharedStrings(zip, sharedStringsEntry, budget) : [];
  await readSheet(zip, sheetEntry, budget, sharedStrings, sink);
}

/** The unpacked bytes left for all the parts read. */
class Budget {
  private used = 0;
  declare(bytes: number) {
    if (this.used + bytes > ImportLimits.maxUnzippedBytes) throw this.error();
  }
  spend(bytes: number) {
    this.used += bytes;
    if (this.used > ImportLimits.maxUnzippedBytes) throw this.error();
  }
  private error() {
    return fileError('xlsx_too_large', { max: ImportLimits.maxUnzippedBytes / 1024 / 1024 });
  }
}

interface XmlHandlers {
  /** Element names without their namespace prefix; `stop()` reads no further. */
  open?(name: string, attributes: Record<string, string>, stop: () => void): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * Streams one part through a SAX parser: unpacked and parsed a chunk at a time, so memory stays
 * small and other requests are served in between. XML that nests or repeats attributes beyond
 * any workbook's is refused before the parser holds much of it.
 */
async function readXml(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget, handlers: XmlHandlers) {
  budget.declare(entry.uncompressedSize);
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  let attributeCount = 0;
  let stop = false;
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('opentagstart', () => {
    attributeCount = 0;
    if (++depth > maxXmlDepth) throw invalid();
  });
  parser.on('attribute', () => {
    if (++attributeCount > maxAttributes) throw invalid();
  });
  parser.on('opentag', (tag) => {
    handlers.open?.(local(tag.name), tag.attributes, () => {
      stop = true;
    });
  });
  parser.on('closetag', (tag) => {
    depth--;
    handlers.close?.(local(tag.name));
  });
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder('utf-8');
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.spend(chunk.length);
      parser.write(decoder.decode(chunk, { stream: true }));
      if (stop) return;
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof AppError) throw error;
    // Not XML, cut short, or unpacking to more than the zip declared.
    throw invalid();
  }
}

/**
 * The workbook's table of texts that cells refer to by number; rich text is read as its plain
 * text, without the phonetic guides (rPh) that are not part of it.
 */
async function readSharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: Budget) {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await readXml(zip, entry, budget, {
    open(name) {
      if (name === 'si') {
        if (strings.length >= ImportLimits.maxSharedStrings)
          throw fileError('xlsx_too_many_texts', { max: ImportLimits.maxSharedStrings });
        current = '';
      } else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = current !== null && phonetic === 0;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        strings.push(current);
        current = null;
      } else if (name === 'rPh') phonetic--;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && current !== null) current = keep(current + text);
    },
  });
  return strings;
}

/** A cell's text as far as anyone reads it: see `ImportLimits.maxCellChars`. */
const keep = (text: string) =>
  text.length > ImportLimits.maxCellChars ? text.slice(0, ImportLimits.maxCellChars) : text;

/** The column of a cell reference such as "XFD12", from 1; 0 when it has none. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
    if (column > lastSheetColumn) throw invalid();
  }
  return column;
}

/**
 * The cells of the first sheet, row by row. A cell's text is what Excel shows for text, hyperlinked
 * addresses and formula results; numbers as written. Cells are refused past the column and cell
 * limits; of the others only those the sink wants are kept.
 */
async function readSheet(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  budget: Budget,
  sharedStrings: string[],
  sink: RowSink,
) {
  let row = 0;
  let cells: string[] = [];
  let column = 0;
  let type = '';
  let text: string | null = null;
  let capture = false;
  let phonetic = 0;
  let filled = 0;
  await readXml(zip, entry, budget, {
    open(name, attributes) {
      switch (name) {
        case 'row':
          row = attributes.r ? Number(attributes.r) : row + 1;
          if (!Number.isSafeInteger(row)) throw invalid();
          cells = [];
          column = 0;
          break;
        case 'c':
          // A reference is optional: without one, the cell follows the previous one.
          column = attributes.r ? columnOf(attributes.r) || column + 1 : column + 1;
          type = attributes.t ?? 'n';
          text = null;
          break;
        case 'v':
          text = '';
          capture = true;
          break;
        case 'is':
          text = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          capture = text !== null && phonetic === 0;
          break;
      }
    },
    close(name) {
      if (name === 'v' || name === 't') capture = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c') {
        if (text === null) return;
        const value = type === 's' && text !== '' ? (sharedStrings[Number(text)] ?? '') : text;
        if (value.trim() === '') return;
        if (column > ImportLimits.maxColumns)
          throw fileError('too_many_columns', { max: ImportLimits.maxColumns, row });
        if (++filled > ImportLimits.maxCells)
          throw fileError('too_many_cells', { max: ImportLimits.maxCells });
        if (sink.wants(column - 1)) cells[column - 1] = value;
      } else if (name === 'row' && cells.length > 0) sink.add(row, cells);
    },
    text(chunk) {
      if (capture && text !== null) text = keep(text + chunk);
    },
  });
}
