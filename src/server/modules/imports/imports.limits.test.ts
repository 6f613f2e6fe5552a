import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast } from '../../../../test/factories.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';
import { ImportLimits } from '../../../shared/api.ts';
import {
  deflateRepeated,
  importForm,
  postForm,
  xlsxParts,
  xlsxRow,
  type ZipPart,
  zip,
} from './imports.test-helpers.ts';

/**
 * Hostile files: each is refused with a 400 naming the file, in under a second and without the
 * server's memory growing. A file of 33 KB with a value in column XFD once took 33 s and 4 GB.
 */

const maxMilliseconds = 1_000;
const maxHeapGrowth = 100 * 1024 * 1024;

const header = xlsxRow(1, { A: 'namn', B: 'e-post', C: 'organisation', D: 'roll' });
const person = (row: number, extra: Record<string, string> = {}) =>
  xlsxRow(row, { A: `Person ${row}`, B: `p${row}@example.org`, C: 'Org A', D: 'mentor', ...extra });

function sheetRows(count: number, extra: Record<string, string> = {}) {
  let rows = header;
  for (let row = 2; row <= count + 1; row++) rows += person(row, extra);
  return rows;
}

const sheet = (xml: string, extra: Partial<ZipPart> = {}): ZipPart => ({
  name: 'xl/worksheets/sheet1.xml',
  content: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${xml}</worksheet>`,
  ...extra,
});

const sharedStringsParts = (xml: string, extra: Partial<ZipPart> = {}): ZipPart[] => [
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

const xlsx = (file: Uint8Array) =>
  importForm(file, {
    filename: 'deltagare.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

describe.each(dialects)('bounded reading of import files on %s', (dialect) => {
  let server: TestServer;
  let coordinator: TestClient;
  let previewPath: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const cast = await buildCast(server.db);
    coordinator = new TestClient(server.baseUrl);
    await coordinator.signIn(cast.coordinatorA.email);
    previewPath = `/api/networks/${cast.network.id}/imports/preview`;
  });
  afterAll(() => server.close());

  /**
   * Previews the file and measures only that request: its time, and the growth of this process's
   * heap (the server runs here) sampled while it runs and after.
   */
  async function preview(form: FormData, locale = 'en') {
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    };
    const sampler = setInterval(sample, 5);
    const started = performance.now();
    const response = await postForm(coordinator, previewPath, form, { 'accept-language': locale });
    const milliseconds = performance.now() - started;
    clearInterval(sampler);
    sample();
    return { ...response, milliseconds, heapGrowth: peak - before };
  }

  /** A refusal as the issue asks: 400, problem+json, one error on `file`, fast and flat. */
  async function expectRefused(form: FormData, message: string | RegExp) {
    const response = await preview(form);
    expect(response.status, JSON.stringify(response.body)).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].field).toBe('file');
    expect(response.body.errors[0].message).toMatch(message);
    expect(response.milliseconds).toBeLessThan(maxMilliseconds);
    expect(response.heapGrowth).toBeLessThan(maxHeapGrowth);
    return response;
  }

  it.each([1_000, 3_000])('refuses %i rows with a value in column XFD at once', async (count) => {
    const file = zip(xlsxParts(sheetRows(count, { XFD: 'x' })));
    expect(file.length).toBeLessThan(100 * 1024);
    const response = await expectRefused(xlsx(file), /more columns than an import uses \(at most 30; row 2/);
    const inSwedish = await preview(xlsx(file), 'sv');
    expect(inSwedish.body.errors[0].message).toContain('fler kolumner än en import använder (högst 30');
    // The server stayed free for others meanwhile, and still is.
    expect(response.milliseconds).toBeLessThan(maxMilliseconds);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it('reads only the columns it uses: other columns within the limit, and empty formatted cells anywhere, are fine', async () => {
    let rows = xlsxRow(1, { A: 'namn', B: 'e-post', C: 'organisation', D: 'roll', AD: 'anteckning' });
    rows +=
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Anna</t></is></c><c r="B2" t="inlineStr"><is><t>anna@example.org</t></is></c>';
    rows +=
      '<c r="C2" t="inlineStr"><is><t>Org A</t></is></c><c r="D2" t="inlineStr"><is><t>mentor</t></is></c>';
    rows += '<c r="AD2" t="inlineStr"><is><t>x</t></is></c><c r="XFD2" s="1"/></row>';
    // A row with text only outside the import's columns is not a person.
    rows += xlsxRow(3, { AD: 'bara en anteckning' });
    const response = await preview(xlsx(zip(xlsxParts(rows))));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.rows).toEqual([
      { row: 2, name: 'Anna', email: 'anna@example.org', organisation: 'Org A', role: 'mentor' },
    ]);
    expect(response.body.valid).toBe(true);
  });

  it('reads cells as Excel shows them: shared and rich text, formula results, numbers, without references', async () => {
    const strings =
      '<si><t>Namn</t></si><si><t>E-post</t></si><si><t>Organisation</t></si><si><t>Roll</t></si>' +
      // Rich text is its runs' text; the phonetic guide (rPh) is not part of it.
      '<si><r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space="preserve"> Ö</t></r><rPh sb="0" eb="1"><t>リッチ</t></rPh></si>';
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="inlineStr"><is><t>rich@example.org</t></is></c>' +
      '<c r="C2" t="inlineStr"><is><t><![CDATA[Org A]]></t></is></c><c r="D2" t="str"><f>LOWER("MENTOR")</f><v>mentor</v></c></row>' +
      // Neither row nor cells give a reference: each follows the one before.
      '<row><c t="inlineStr"><is><t>Tom &amp; Jerry</t></is></c><c t="inlineStr"><is><t>tom@example.org</t></is></c>' +
      '<c t="inlineStr"><is><t>Org A</t></is></c><c t="inlineStr"><is><t>adept</t></is></c><c><v>42</v></c></row>' +
      '<row r="5"><c r="A5"><v>42</v></c><c r="B5" t="inlineStr"><is><t>n@example.org</t></is></c>' +
      '<c r="C5" t="inlineStr"><is><t>Org A</t></is></c><c r="D5" t="inlineStr"><is><t>adept</t></is></c></row>';
    const response = await preview(xlsx(zip(xlsxParts(rows, sharedStringsParts(strings)))));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.rows).toEqual([
      { row: 2, name: 'Rich Ö', email: 'rich@example.org', organisation: 'Org A', role: 'mentor' },
      { row: 3, name: 'Tom & Jerry', email: 'tom@example.org', organisation: 'Org A', role: 'adept' },
      { row: 5, name: '42', email: 'n@example.org', organisation: 'Org A', role: 'adept' },
    ]);
  });

  it('refuses more filled cells than it reads, however they are spread', async () => {
    // People with 30 filled columns, as Excel writes them (texts shared): within the row limit.
    const columns = Array.from(
      { length: 30 },
      (_, i) => (i < 26 ? '' : 'A') + String.fromCharCode(65 + (i % 26)),
    );
    const people = Math.ceil(ImportLimits.maxCells / columns.length);
    expect(people).toBeLessThan(ImportLimits.maxRows);
    let rows = header;
    for (let row = 2; row <= people + 1; row++)
      rows += `<row r="${row}">${columns.map((column) => `<c r="${column}${row}" t="s"><v>0</v></c>`).join('')}</row>`;
    const file = zip(xlsxParts(rows, sharedStringsParts('<si><t>x</t></si>')));
    await expectRefused(
      xlsx(file),
      `more filled cells than an import reads (at most ${ImportLimits.maxCells})`,
    );
  });

  it('refuses a zip bomb, whether its entry declares its size or lies about it', async () => {
    const gigabyte = 1024;
    const bomb = (declaredSize: number) =>
      zip(
        xlsxParts('', [
          sheet('', {
            deflated: deflateRepeated('<worksheet><sheetData>', ' '.repeat(1024 * 1024), gigabyte),
            declaredSize,
          }),
        ]),
      );
    const honest = bomb(gigabyte * 1024 * 1024);
    expect(honest.length).toBeLessThan(ImportLimits.maxFileBytes);
    await expectRefused(xlsx(honest), 'larger unpacked than an import reads (at most 25 MB)');
    // Declared small: unpacking stops where the declared size ends, never trusting it.
    await expectRefused(xlsx(bomb(1_000)), 'could not be read');
    await expectRefused(xlsx(bomb(20 * 1024 * 1024)), 'could not be read');
  });

  it('refuses a huge table of shared texts, and a huge one whose size is hidden', async () => {
    const strings = '<si><t>x</t></si>'.repeat(ImportLimits.maxSharedStrings + 1);
    await expectRefused(
      xlsx(zip(xlsxParts(sheetRows(1), sharedStringsParts(strings)))),
      `more distinct texts than an import reads (at most ${ImportLimits.maxSharedStrings})`,
    );
    const hidden = sharedStringsParts('', {
      deflated: deflateRepeated('<sst><si><t>', 'x'.repeat(1024 * 1024), 100),
      declaredSize: 100,
    });
    await expectRefused(xlsx(zip(xlsxParts(sheetRows(1), hidden))), 'could not be read');
  });

  it('refuses deeply nested XML, elements with thousands of attributes and entity expansion', async () => {
    const deep = `<sheetData>${'<x>'.repeat(500_000)}`;
    await expectRefused(xlsx(zip(xlsxParts('', [sheet(deep)]))), 'could not be read');
    const attributes = Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ');
    await expectRefused(xlsx(zip(xlsxParts(`<row r="1" ${attributes}/>`))), 'could not be read');
    const laughs =
      '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';
    const file = zip(
      xlsxParts('', [
        {
          name: 'xl/worksheets/sheet1.xml',
          content: `${laughs}<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&d;&d;&d;</t></is></c></row></sheetData></worksheet>`,
        },
      ]),
    );
    await expectRefused(xlsx(file), 'could not be read');
  });

  it('refuses a workbook of thousands of parts or sheets before reading them', async () => {
    const parts = Array.from({ length: ImportLimits.maxZipEntries }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 2}.xml`,
      content: '<worksheet/>',
    }));
    await expectRefused(
      xlsx(zip(xlsxParts(sheetRows(1), parts))),
      `more parts (sheets, pictures and the like) than an import reads (at most ${ImportLimits.maxZipEntries})`,
    );
    // Thousands of sheets named in the workbook: only the first is looked for.
    const sheets = Array.from(
      { length: 50_000 },
      (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`,
    );
    const workbook: ZipPart = {
      name: 'xl/workbook.xml',
      content: `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.join('')}</sheets></workbook>`,
    };
    const many = await preview(xlsx(zip(xlsxParts(sheetRows(1), [workbook]))));
    expect(many.status).toBe(200);
    expect(many.body.rows).toHaveLength(1);
    expect(many.milliseconds).toBeLessThan(maxMilliseconds);
  });

  it('still reads a workbook written by exceljs with 10 000 rows and 20 columns', async () => {
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
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    // Others are answered while it is read: the reading gives way between chunks.
    let reading = true;
    let slowest = 0;
    const polling = (async () => {
      while (reading) {
        const started = performance.now();
        expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
        slowest = Math.max(slowest, performance.now() - started);
      }
    })();
    const response = await preview(xlsx(file));
    reading = false;
    await polling;
    expect(response.status, JSON.stringify(response.body).slice(0, 300)).toBe(200);
    expect(response.body.totals.rows).toBe(ImportLimits.maxRows);
    expect(response.body.errors).toEqual([]);
  }, 60_000);

  it('bounds a CSV the same way: columns, lines and cells', async () => {
    const csvHeader = 'namn;e-post;organisation;roll\n';
    const fiveMegabytes = ImportLimits.maxFileBytes - 1024;
    await expectRefused(
      importForm(csvHeader + ';'.repeat(fiveMegabytes)),
      /more columns than an import uses \(at most 30; row 2 has more\)/,
    );
    await expectRefused(
      importForm(csvHeader + '\n'.repeat(fiveMegabytes)),
      `more than ${ImportLimits.maxLines} lines, blank lines included`,
    );
    await expectRefused(
      importForm(csvHeader + 'x\n'.repeat(fiveMegabytes / 2)),
      `more than ${ImportLimits.maxLines} lines, blank lines included`,
    );
    const wide = `${Array.from({ length: 30 }, (_, i) => `v${i}`).join(';')}\n`;
    await expectRefused(
      importForm(csvHeader + wide.repeat(Math.ceil(ImportLimits.maxCells / 30) + 1)),
      `more filled cells than an import reads (at most ${ImportLimits.maxCells})`,
    );
    // Separators and line breaks inside quotes are text, not columns or lines.
    const name = `Anna ${'x'.repeat(2_000)}${';'.repeat(100)}${'\n'.repeat(ImportLimits.maxLines)}`;
    const quoted = `${csvHeader}"${name}";anna@example.org;Org A;mentor\n`;
    const response = await preview(importForm(quoted));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.rows[0]).toMatchObject({ row: 2, email: 'anna@example.org' });
    // Cut at maxCellChars: the row still gets its error for a name too long.
    expect(response.body.rows[0].name).toHaveLength(ImportLimits.maxCellChars);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['name']);
  });
});
