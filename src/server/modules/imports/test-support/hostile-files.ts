import ExcelJS from 'exceljs';
import { ImportLimits } from '../../../../shared/api.ts';
import {
  deflateRepeated,
  importForm,
  xlsxParts,
  xlsxRow,
  type ZipPart,
  zip,
} from '../imports.test-helpers.ts';

/**
 * Hostile import files, and the sheet pieces they are made of: built here once for
 * `imports.limits.test.ts` (which checks how each is answered) and `bench/imports.bench.ts` (which
 * measures how long it takes and how much memory). No vitest here: the bench imports it.
 */

export const header = xlsxRow(1, { A: 'namn', B: 'e-post', C: 'organisation', D: 'roll' });

export const person = (row: number, extra: Record<string, string> = {}) =>
  xlsxRow(row, { A: `Person ${row}`, B: `p${row}@example.org`, C: 'Org A', D: 'mentor', ...extra });

/** The header row and `count` people below it, each with the `extra` cells too. */
export function sheetRows(count: number, extra: Record<string, string> = {}) {
  let rows = header;
  for (let row = 2; row <= count + 1; row++) rows += person(row, extra);
  return rows;
}

/** The first sheet's part with `xml` inside `<worksheet>`, to replace the one `xlsxParts` writes. */
export const sheet = (xml: string, extra: Partial<ZipPart> = {}): ZipPart => ({
  name: 'xl/worksheets/sheet1.xml',
  content: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${xml}</worksheet>`,
  ...extra,
});

/** A table of shared texts holding `xml` (`<si>` elements), and the relation that names it. */
export const sharedStringsParts = (xml: string, extra: Partial<ZipPart> = {}): ZipPart[] => [
  {
    name: 'xl/_rels/workbook.xml.rels',
    content:
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
      '</Relationships>',
  },
  {
    name: 'xl/sharedStrings.xml',
    content: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${xml}</sst>`,
    ...extra,
  },
];

/** The form a browser sends for an .xlsx file. */
export const xlsx = (file: Uint8Array) =>
  importForm(file, {
    filename: 'deltagare.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

// --- XLSX ----------------------------------------------------------------------------------------

/** `count` people, each with a value in column XFD: the 33 KB file that once took 33 s and 4 GB. */
export const columnXfd = (count: number) => zip(xlsxParts(sheetRows(count, { XFD: 'x' })));

/** People in `tooManyCells`: within the row limit, their 30 cells each over the cell limit. */
export const tooManyCellsPeople = Math.ceil(ImportLimits.maxCells / 30);

/** People with 30 filled columns, as Excel writes them (texts shared), more cells than are read. */
export function tooManyCells(): Uint8Array {
  const columns = Array.from(
    { length: 30 },
    (_, i) => (i < 26 ? '' : 'A') + String.fromCharCode(65 + (i % 26)),
  );
  let rows = header;
  for (let row = 2; row <= tooManyCellsPeople + 1; row++)
    rows += `<row r="${row}">${columns.map((column) => `<c r="${column}${row}" t="s"><v>0</v></c>`).join('')}</row>`;
  return zip(xlsxParts(rows, sharedStringsParts('<si><t>x</t></si>')));
}

/** A sheet that inflates to a gigabyte; its entry says it holds `declaredSize` bytes. */
export function zipBomb(declaredSize: number): Uint8Array {
  const megabytes = 1024;
  return zip(
    xlsxParts('', [
      sheet('', {
        deflated: deflateRepeated('<worksheet><sheetData>', ' '.repeat(1024 * 1024), megabytes),
        declaredSize,
      }),
    ]),
  );
}

/** The size a zip bomb's entry declares when honest. */
export const zipBombSize = 1024 * 1024 * 1024;

/** One more shared text than is read. */
export const tooManySharedStrings = () =>
  zip(
    xlsxParts(
      sheetRows(1),
      sharedStringsParts('<si><t>x</t></si>'.repeat(ImportLimits.maxSharedStrings + 1)),
    ),
  );

/** 100 MB of shared text whose entry says it holds 100 bytes. */
export const hiddenSharedStrings = () =>
  zip(
    xlsxParts(
      sheetRows(1),
      sharedStringsParts('', {
        deflated: deflateRepeated('<sst><si><t>', 'x'.repeat(1024 * 1024), 100),
        declaredSize: 100,
      }),
    ),
  );

/** 500 000 nested elements. */
export const deepXml = () => zip(xlsxParts('', [sheet(`<sheetData>${'<x>'.repeat(500_000)}`)]));

/** A row with 100 000 attributes. */
export const manyAttributes = () =>
  zip(xlsxParts(`<row r="1" ${Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`));

/** Entities that would expand to 30 000 characters in one cell ("billion laughs", smaller). */
export function entityExpansion(): Uint8Array {
  const laughs =
    '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
  return zip(
    xlsxParts('', [
      {
        name: 'xl/worksheets/sheet1.xml',
        content: `${laughs}<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&d;&d;&d;</t></is></c></row></sheetData></worksheet>`,
      },
    ]),
  );
}

/** One person, and as many more (empty) sheets as a zip may hold parts: more parts than are read. */
export const manyParts = () =>
  zip(
    xlsxParts(
      sheetRows(1),
      Array.from({ length: ImportLimits.maxZipEntries }, (_, i) => ({
        name: `xl/worksheets/sheet${i + 2}.xml`,
        content: '<worksheet/>',
      })),
    ),
  );

/** One person, in a workbook naming 50 000 sheets: only the first is looked for (200). */
export function manySheetNames(): Uint8Array {
  const sheets = Array.from(
    { length: 50_000 },
    (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`,
  );
  const workbook: ZipPart = {
    name: 'xl/workbook.xml',
    content: `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.join('')}</sheets></workbook>`,
  };
  return zip(xlsxParts(sheetRows(1), [workbook]));
}

/** A genuine workbook written by exceljs at the limit: 10 000 people, 20 columns (200). */
export async function exceljsWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet('Deltagare');
  const others = Array.from({ length: 16 }, (_, i) => `Extra ${i}`);
  worksheet.addRow(['Namn', 'E-post', 'Organisation', 'Roll', ...others]);
  for (let i = 0; i < ImportLimits.maxRows; i++)
    worksheet.addRow([
      `Person ${i}`,
      `many-${i}@example.org`,
      'Org A',
      'adept',
      ...others.map((o) => `${o} ${i}`),
    ]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// --- CSV -----------------------------------------------------------------------------------------

export const csvHeader = 'namn;e-post;organisation;roll\n';
/** Just under the largest file accepted. */
const nearlyFull = ImportLimits.maxFileBytes - 1024;

/** One line of 5 MB of separators. */
export const csvColumns = () => csvHeader + ';'.repeat(nearlyFull);
/** 5 MB of blank lines. */
export const csvBlankLines = () => csvHeader + '\n'.repeat(nearlyFull);
/** 2.5 million one-letter lines. */
export const csvLines = () => csvHeader + 'x\n'.repeat(nearlyFull / 2);
/** Lines of 30 filled columns, one line more than the cells read. */
export function csvCells(): string {
  const wide = `${Array.from({ length: 30 }, (_, i) => `v${i}`).join(';')}\n`;
  return csvHeader + wide.repeat(Math.ceil(ImportLimits.maxCells / 30) + 1);
}
