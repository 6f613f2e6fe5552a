import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { ApiResponse, TestClient } from '../../../../test/support.ts';

/** A multipart form as a browser sends it: the file in `file`, plus any text fields. */
export function importForm(
  content: string | Uint8Array,
  options: { filename?: string; type?: string; fields?: Record<string, string> } = {},
): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
  const blob = new Blob([typeof content === 'string' ? content : new Uint8Array(content)], {
    type: options.type ?? 'text/csv',
  });
  form.append('file', blob, options.filename ?? 'deltagare.csv');
  return form;
}

/** POSTs a multipart form with the client's cookies and CSRF token, as the browser would. */
// biome-ignore lint/suspicious/noExplicitAny: like TestClient, tests read responses loosely
export async function postForm<T = any>(
  client: TestClient,
  path: string,
  body: FormData | string,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(client.baseUrl + path, {
    method: 'POST',
    headers: {
      'accept-language': client.locale,
      'x-csrf-token': await client.ensureCsrf(),
      ...(cookie ? { cookie } : {}),
      ...headers,
    },
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON; keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

// --- Hand-made XLSX files -------------------------------------------------------------------------

export interface ZipPart {
  name: string;
  content: string | Uint8Array;
  /** Store instead of deflate. */
  stored?: boolean;
  /** The uncompressed size written in the headers, to lie about it; the real one by default. */
  declaredSize?: number;
  /** Data already deflated (see `deflateRepeated`), written as it is instead of `content`. */
  deflated?: Uint8Array;
}

/**
 * Deflated data that inflates to `head`, then `chunk` `times` over: a zip bomb of any size, made
 * without holding it. A full flush ends each chunk on a byte boundary with no back references,
 * so the one compressed chunk can be repeated; an empty final block closes the stream.
 */
export function deflateRepeated(head: string, chunk: string, times: number): Uint8Array {
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const one = deflateRawSync(chunk, flush);
  return new Uint8Array(
    Buffer.concat([deflateRawSync(head, flush), ...new Array(times).fill(one), Buffer.from([0x03, 0x00])]),
  );
}

/**
 * A zip archive as spreadsheet programs write one: local headers, data, central directory. Small
 * on purpose, so tests can write what no library would (lying sizes, thousands of entries).
 */
export function zip(parts: ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = typeof part.content === 'string' ? Buffer.from(part.content) : Buffer.from(part.content);
    const data = part.deflated ? Buffer.from(part.deflated) : part.stored ? raw : deflateRawSync(raw);
    const name = Buffer.from(part.name);
    const size = part.declaredSize ?? raw.length;
    const header = (signature: number, length: number) => {
      const b = Buffer.alloc(length);
      b.writeUInt32LE(signature, 0);
      return b;
    };
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = header(0x02014b50, 46);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(part.stored ? 0 : 8, 10);
    entry.writeUInt32LE(crc32(raw), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** A sheet row as XML: cells as inline strings, at the given column letters. */
export const xlsxRow = (row: number, cells: Record<string, string>) =>
  `<row r="${row}">${Object.entries(cells)
    .map(([column, text]) => `<c r="${column}${row}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`)
    .join('')}</row>`;

/**
 * The parts of a minimal workbook whose first sheet's `<sheetData>` holds `rows` (XML); replace
 * or add parts with `extra` (same name replaces).
 */
export function xlsxParts(rows: string, extra: ZipPart[] = []): ZipPart[] {
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<sheets><sheet name="Deltagare" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '</Relationships>',
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      content:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        `<sheetData>${rows}</sheetData></worksheet>`,
    },
  ];
  for (const part of extra) {
    const at = parts.findIndex((p) => p.name === part.name);
    if (at >= 0) parts[at] = part;
    else parts.push(part);
  }
  return parts;
}
