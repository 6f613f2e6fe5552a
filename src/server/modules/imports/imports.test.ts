import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast } from '../../../../test/factories.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';
import type { Db } from '../../db/connection.ts';
import { importForm, postForm } from './imports.test-helpers.ts';

/** Tables an import writes to, or must leave alone. */
const watchedTables = ['people', 'role_assignments', 'invitations', 'one_time_tokens', 'outbox'] as const;

async function snapshot(db: Db) {
  const parts: Record<string, unknown[]> = {};
  for (const table of watchedTables)
    parts[table] = await db.selectFrom(table).selectAll().orderBy('id').execute();
  return JSON.stringify(parts);
}

async function counts(db: Db) {
  const count = async (table: (typeof watchedTables)[number]) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    invitations: await count('invitations'),
    tokens: await count('one_time_tokens'),
    mails: await count('outbox'),
  };
}

/** A CSV of `n` valid rows for Org A and Org B, with one row optionally replaced. */
function bulkCsv(n: number, tag: string, replace?: { row: number; line: string }) {
  const roles = ['adept', 'mentor', 'chef'];
  const lines = ['namn;e-post;organisation;roll'];
  for (let i = 0; i < n; i++) {
    const row = i + 2;
    lines.push(
      replace?.row === row
        ? replace.line
        : `Person ${i};${tag}-${i}@example.org;${i % 2 ? 'Org B' : 'Org A'};${roles[i % 3]}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe.each(dialects)('bulk import of invitations on %s', (dialect) => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  let admin: TestClient;
  let previewPath: string;
  let commitPath: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    cast = await buildCast(server.db);
    admin = new TestClient(server.baseUrl);
    await admin.signIn(cast.admin.email);
    previewPath = `/api/networks/${cast.network.id}/imports/preview`;
    commitPath = `/api/networks/${cast.network.id}/imports`;
  });
  afterAll(() => server.close());

  it('previews a Swedish CSV (BOM, ";") row by row, with every error named by row and field, and writes nothing', async () => {
    const pending = await admin.post(`/api/networks/${cast.network.id}/invitations`, {
      email: 'pending.import@example.org',
      name: 'Pending',
      role: 'mentor',
      organisationId: cast.orgA.id,
    });
    expect(pending.status).toBe(201);
    const csv = [
      'Namn;E-post;Organisation;Roll;Anteckning',
      'Anna Adept;anna@example.org;org a;adept;ignored column',
      'Bo Mentor; BO@Example.org ;  Org B ;Mentor;',
      ';cecilia@example.org;Org A;chef;',
      'David;not-an-email;Org A;mentor;',
      'Eva;eva@example.org;Org Z;adept;',
      'Frida;frida@example.org;Org A;trollkarl;',
      'Anna Again;ANNA@example.org;Org A;Adept;',
      `Befintlig;${cast.adept.email};Org A;adept;`,
      '',
      'Pending;pending.import@example.org;Org A;mentor;',
      'Kim;kim@example.org;Org A;koordinator;',
      'Gun;;;;',
    ].join('\n');
    const before = await snapshot(server.db);
    const response = await postForm(admin, previewPath, importForm(`\uFEFF${csv}\n`));
    expect(response.status).toBe(200);
    expect(response.body.valid).toBe(false);
    expect(response.body.rows).toHaveLength(11);
    expect(response.body.rows[0]).toEqual({
      row: 2,
      name: 'Anna Adept',
      email: 'anna@example.org',
      organisation: 'Org A',
      role: 'adept',
    });
    expect(response.body.rows[1]).toMatchObject({ row: 3, email: 'bo@example.org', organisation: 'Org B' });
    expect(response.body.rows.at(-1).row).toBe(13);
    const errors = response.body.errors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`);
    expect(errors).toEqual([
      '4 name',
      '5 email',
      '6 organisation',
      '7 role',
      '8 email',
      '9 email',
      '11 email',
      '13 email',
      '13 organisation',
      '13 role',
    ]);
    const byRow = (row: number) => response.body.errors.find((e: { row: number }) => e.row === row).message;
    expect(byRow(4)).toBe('Måste fyllas i.');
    expect(byRow(5)).toBe('Måste vara en giltig e-postadress.');
    expect(byRow(6)).toBe('Det finns ingen organisation med det namnet i nätverket.');
    expect(byRow(8)).toContain('rad 2');
    expect(byRow(9)).toBe('Personen har redan den rollen.');
    expect(byRow(11)).toContain('inbjudan');
    // Rows 2, 3 and 12 pass every check.
    expect(response.body.totals).toEqual({
      rows: 11,
      valid: 3,
      byRole: { adept: 1, mentor: 1, manager: 0, org_coordinator: 1 },
    });
    expect(await snapshot(server.db)).toBe(before);

    const inEnglish = await postForm(admin, previewPath, importForm(csv), { 'accept-language': 'en' });
    expect(inEnglish.body.errors[0]).toEqual({ row: 4, field: 'name', message: 'Is required.' });
  });

  it('imports 5 000 rows in one request: 5 000 invitations, tokens and mails', async () => {
    const before = await counts(server.db);
    const response = await postForm(
      admin,
      commitPath,
      importForm(bulkCsv(5_000, 'bulk'), { fields: { locale: 'en' } }),
    );
    expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(201);
    expect(response.body).toMatchObject({ created: 5_000, rejected: [], errors: [] });
    expect(response.body.imported).toHaveLength(5_000);
    const after = await counts(server.db);
    expect(after.invitations - before.invitations).toBe(5_000);
    expect(after.tokens - before.tokens).toBe(5_000);
    expect(after.mails - before.mails).toBe(5_000);

    const mail = await server.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_email', '=', 'bulk-4999@example.org')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toContain('Invitation');
    expect(mail.body_text).toContain('Org B');
    expect(mail.locale).toBe('en');
    // The mailed link works like a single invitation's.
    const token = /token=([\w-]+)/.exec(mail.body_text)![1]!;
    const preview = await new TestClient(server.baseUrl).get(`/api/invitations/preview?token=${token}`);
    expect(preview.body).toMatchObject({ name: 'Person 4999', role: 'mentor', organisationName: 'Org B' });

    // The same file again: every row now has a pending invitation, and nothing more is written.
    const again = await postForm(admin, commitPath, importForm(bulkCsv(5_000, 'bulk')));
    expect(again.status).toBe(400);
    expect(again.body.errors).toHaveLength(5_000);
    expect(await counts(server.db)).toEqual(after);
  }, 120_000);

  it('refuses a 5 000-row file with one bad row, naming the row and field, and writes nothing', async () => {
    const before = await snapshot(server.db);
    const csv = bulkCsv(5_000, 'onebad', { row: 2_501, line: 'Person X;not-an-email;Org A;adept' });
    const response = await postForm(admin, commitPath, importForm(csv));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('validation_failed');
    expect(response.body.errors).toEqual([
      { field: 'rows.2501.email', message: 'Måste vara en giltig e-postadress.' },
    ]);
    expect(response.body.rowErrors).toEqual([
      { row: 2_501, field: 'email', message: 'Måste vara en giltig e-postadress.' },
    ]);
    expect(await snapshot(server.db)).toBe(before);
  }, 120_000);

  it('lists every bad row in the preview, also past the rows it echoes', async () => {
    const csv = bulkCsv(300, 'late', { row: 251, line: 'Sen Rad;late-bad@example.org;Org Q;adept' });
    const response = await postForm(admin, previewPath, importForm(csv));
    expect(response.status).toBe(200);
    expect(response.body.rows).toHaveLength(201);
    expect(response.body.rows.at(-1)).toEqual({
      row: 251,
      name: 'Sen Rad',
      email: 'late-bad@example.org',
      organisation: 'Org Q',
      role: 'adept',
    });
    expect(response.body.totals).toMatchObject({ rows: 300, valid: 299 });
  });

  describe('importing the valid rows only', () => {
    /** Three valid rows, and four that fail: each kind of check, and a second row for one person. */
    async function mixedFile(tag: string) {
      const pending = await admin.post(`/api/networks/${cast.network.id}/invitations`, {
        email: `${tag}.pending@example.org`,
        name: 'Pending',
        role: 'adept',
        organisationId: cast.orgB.id,
      });
      expect(pending.status).toBe(201);
      return [
        'namn;e-post;organisation;roll;anteckning',
        `Alva Adept;${tag}.alva@example.org;Org A;adept;`,
        `Berit Bad;${tag}.berit@;Org A;mentor;fel adress`,
        `Cecil Chef;${tag}.cecil@example.org;Org B;chef;`,
        `Dora Dubbel;${tag}.alva@example.org;org a;Adept;samma som rad 2`,
        `Erik Okänd;${tag}.erik@example.org;Org Q;mentor;`,
        `Pending;${tag}.pending@example.org;Org B;adept;`,
        `Fia Mentor;${tag}.fia@example.org;Org B;mentor;`,
      ].join('\n');
    }

    it('writes exactly the valid rows, each with its token and mail, and answers which rows were left out and why', async () => {
      const tag = 'valid-only';
      const csv = await mixedFile(tag);
      const before = await counts(server.db);
      const response = await postForm(
        admin,
        commitPath,
        importForm(csv, { fields: { locale: 'sv', validRowsOnly: 'true' } }),
      );
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      expect(response.body.created).toBe(3);
      expect(response.body.imported).toEqual([2, 4, 8]);
      expect(response.body.rejected).toEqual([
        { row: 3, name: 'Berit Bad', email: `${tag}.berit@`, organisation: 'Org A', role: 'mentor' },
        {
          row: 5,
          name: 'Dora Dubbel',
          email: `${tag}.alva@example.org`,
          organisation: 'Org A',
          role: 'adept',
        },
        {
          row: 6,
          name: 'Erik Okänd',
          email: `${tag}.erik@example.org`,
          organisation: 'Org Q',
          role: 'mentor',
        },
        {
          row: 7,
          name: 'Pending',
          email: `${tag}.pending@example.org`,
          organisation: 'Org B',
          role: 'adept',
        },
      ]);
      expect(response.body.errors).toEqual([
        { row: 3, field: 'email', message: 'Måste vara en giltig e-postadress.' },
        { row: 5, field: 'email', message: 'Samma person, organisation och roll finns redan på rad 2.' },
        {
          row: 6,
          field: 'organisation',
          message: 'Det finns ingen organisation med det namnet i nätverket.',
        },
        { row: 7, field: 'email', message: 'Har redan en inbjudan till den rollen som inte är besvarad.' },
      ]);
      expect(Date.parse(response.body.expiresAt) - Date.now()).toBeGreaterThan(13 * 86_400_000);

      const after = await counts(server.db);
      expect(after).toEqual({
        invitations: before.invitations + 3,
        tokens: before.tokens + 3,
        mails: before.mails + 3,
      });
      const invited = await server.db
        .selectFrom('invitations')
        .select(['email', 'role', 'organisation_id', 'id'])
        .where('email', 'like', `${tag}.%`)
        .where('email', '!=', `${tag}.pending@example.org`)
        .orderBy('email')
        .execute();
      expect(invited.map((i) => [i.email, i.role, i.organisation_id])).toEqual([
        [`${tag}.alva@example.org`, 'adept', cast.orgA.id],
        [`${tag}.cecil@example.org`, 'manager', cast.orgB.id],
        [`${tag}.fia@example.org`, 'mentor', cast.orgB.id],
      ]);
      const tokens = await server.db
        .selectFrom('one_time_tokens')
        .select('invitation_id')
        .where(
          'invitation_id',
          'in',
          invited.map((i) => i.id),
        )
        .execute();
      expect(tokens).toHaveLength(3);
      const mails = await server.db
        .selectFrom('outbox')
        .select(['to_email', 'locale'])
        .where('to_email', 'like', `${tag}.%`)
        .orderBy('to_email')
        .execute();
      // The pending row's mail is the single invitation's, sent before the import.
      expect(mails.map((m) => m.to_email)).toEqual([
        `${tag}.alva@example.org`,
        `${tag}.cecil@example.org`,
        `${tag}.fia@example.org`,
        `${tag}.pending@example.org`,
      ]);
      expect(mails.every((m) => m.locale === 'sv')).toBe(true);
      // The bad rows are written nowhere: no person, invitation or mail for them.
      for (const email of [`${tag}.berit@`, `${tag}.erik@example.org`]) {
        expect(
          await server.db.selectFrom('invitations').select('id').where('email', '=', email).execute(),
        ).toEqual([]);
        expect(
          await server.db.selectFrom('people').select('id').where('email', '=', email).execute(),
        ).toEqual([]);
        expect(
          await server.db.selectFrom('outbox').select('id').where('to_email', '=', email).execute(),
        ).toEqual([]);
      }
    });

    it('still writes nothing by default, or when asked for all rows, when a row is bad', async () => {
      const csv = await mixedFile('all-or-nothing');
      const before = await snapshot(server.db);
      const asks: Record<string, string>[] = [{}, { validRowsOnly: 'false' }];
      for (const fields of asks) {
        const response = await postForm(admin, commitPath, importForm(csv, { fields }));
        expect(response.status).toBe(400);
        expect(response.body.rowErrors.map((e: { row: number }) => e.row)).toEqual([3, 5, 6, 7]);
        expect(await snapshot(server.db)).toBe(before);
      }
    });

    it('refuses a file without one valid row, and a value other than true or false, writing nothing', async () => {
      const before = await snapshot(server.db);
      const csv = [
        'name;email;organisation;role',
        'Ada;ada@;Org A;adept',
        'Bo;bo@example.org;Org Q;mentor',
      ].join('\n');
      const none = await postForm(admin, commitPath, importForm(csv, { fields: { validRowsOnly: 'true' } }));
      expect(none.status).toBe(400);
      expect(none.body.rowErrors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`)).toEqual([
        '2 email',
        '3 organisation',
      ]);
      const odd = await postForm(admin, commitPath, importForm(csv, { fields: { validRowsOnly: 'yes' } }));
      expect(odd.status).toBe(400);
      expect(odd.body.errors).toEqual([
        { field: 'validRowsOnly', message: 'Måste vara ett av: true, false.' },
      ]);
      expect(await snapshot(server.db)).toBe(before);
    });

    it('leaves out the rows a coordinator may not import, in English when asked', async () => {
      const coordinator = new TestClient(server.baseUrl);
      await coordinator.signIn(cast.coordinatorA.email);
      const csv = [
        'name,email,organisation,role',
        'Own Adept,coord-own@example.org,Org A,adept',
        'Other Org,coord-other@example.org,Org B,adept',
        'New Coordinator,coord-coord@example.org,Org A,coordinator',
      ].join('\n');
      const response = await postForm(
        coordinator,
        commitPath,
        importForm(csv, { fields: { validRowsOnly: 'true' } }),
        { 'accept-language': 'en' },
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ created: 1, imported: [2] });
      expect(response.body.errors).toEqual([
        { row: 3, field: 'organisation', message: 'You can only invite to organisations you coordinate.' },
        { row: 4, field: 'role', message: 'You cannot invite anyone to that role.' },
      ]);
      const written = await server.db
        .selectFrom('invitations')
        .select('email')
        .where('email', 'like', 'coord-%')
        .execute();
      expect(written).toEqual([{ email: 'coord-own@example.org' }]);
    });
  });

  it('reads the first sheet of an XLSX, hyperlinked addresses included', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Deltagare');
    sheet.addRow(['Name', 'Email', 'Organization', 'Role', 'Comment']);
    // Free text is data: kept verbatim, never markup or SQL.
    const xena = `Xena <script>alert(1)</script> '; DROP TABLE people; --`;
    sheet.addRow([xena, 'xena@example.org', 'Org A', 'mentor', 'x']);
    sheet.addRow([
      'Yngve Link',
      { text: 'yngve@example.org', hyperlink: 'mailto:yngve@example.org' },
      'Org B',
      'manager',
    ]);
    sheet.addRow([]);
    sheet.addRow(['Zara Zed', 'zara@example.org', 'org b', 'Adept']);
    workbook.addWorksheet('Ignored').addRow(['nothing', 'here']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const form = () =>
      importForm(xlsx, {
        filename: 'deltagare.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });

    const preview = await postForm(admin, previewPath, form());
    expect(preview.status).toBe(200);
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.valid).toBe(true);
    expect(preview.body.rows.map((r: { row: number; email: string }) => `${r.row} ${r.email}`)).toEqual([
      '2 xena@example.org',
      '3 yngve@example.org',
      '5 zara@example.org',
    ]);
    const committed = await postForm(admin, commitPath, form());
    expect(committed.status).toBe(201);
    expect(committed.body).toMatchObject({ created: 3, imported: [2, 3, 5], rejected: [], errors: [] });
    const invitation = await server.db
      .selectFrom('invitations')
      .selectAll()
      .where('email', '=', 'yngve@example.org')
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({
      role: 'manager',
      organisation_id: cast.orgB.id,
      invited_by: cast.admin.id,
    });
    const xenaInvitation = await server.db
      .selectFrom('invitations')
      .select('name')
      .where('email', '=', 'xena@example.org')
      .executeTakeFirstOrThrow();
    expect(xenaInvitation.name).toBe(xena);
  });

  it('lets a coordinator import only into their own organisation, and not coordinators', async () => {
    const coordinator = new TestClient(server.baseUrl);
    await coordinator.signIn(cast.coordinatorA.email);
    const csv = [
      'name,email,organisation,role',
      'Own Mentor,own.mentor@example.org,Org A,mentor',
      'Other Org,other.org@example.org,Org B,adept',
      'Coordinator,new.coordinator@example.org,Org A,org_coordinator',
    ].join('\n');
    const before = await snapshot(server.db);
    const preview = await postForm(coordinator, previewPath, importForm(csv));
    expect(preview.status).toBe(200);
    expect(preview.body.errors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`)).toEqual([
      '3 organisation',
      '4 role',
    ]);
    const refused = await postForm(coordinator, commitPath, importForm(csv));
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'rows.3.organisation',
      'rows.4.role',
    ]);
    expect(refused.body.rowErrors).toEqual([
      {
        row: 3,
        field: 'organisation',
        message: 'Du kan bara bjuda in till organisationer du är koordinator för.',
      },
      { row: 4, field: 'role', message: 'Du kan inte bjuda in någon till den rollen.' },
    ]);
    expect(await snapshot(server.db)).toBe(before);

    const own = await postForm(coordinator, commitPath, importForm(csv.split('\n').slice(0, 2).join('\n')));
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ created: 1, imported: [2] });
    const invitation = await server.db
      .selectFrom('invitations')
      .selectAll()
      .where('email', '=', 'own.mentor@example.org')
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ organisation_id: cast.orgA.id, invited_by: cast.coordinatorA.id });

    const mentor = new TestClient(server.baseUrl);
    await mentor.signIn(cast.mentor.email);
    expect((await postForm(mentor, previewPath, importForm(csv))).status).toBe(403);
  });

  it('refuses a file that is too large, not CSV or XLSX, without a header or not multipart, with a clear 4xx', async () => {
    const before = await snapshot(server.db);
    const problem = async (form: FormData | string, headers: Record<string, string> = {}) => {
      const response = await postForm(admin, commitPath, form, headers);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      return { status: response.status, errors: response.body.errors };
    };

    const tooLarge = await problem(
      importForm(`name;email;organisation;role\n${'x'.repeat(5 * 1024 * 1024)}`),
    );
    expect(tooLarge).toEqual({
      status: 413,
      errors: [{ field: 'file', message: 'Filen får vara högst 5 MB.' }],
    });

    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(await problem(importForm(png, { filename: 'bild.png', type: 'image/png' }))).toEqual({
      status: 400,
      errors: [{ field: 'file', message: 'Filen måste vara en CSV-fil eller en Excel-fil (XLSX).' }],
    });
    // A zip archive that is not a workbook.
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(1)]);
    expect((await problem(importForm(zip, { filename: 'arkiv.xlsx' }))).errors[0].field).toBe('file');

    const noHeader = await problem(importForm('Anna;anna@example.org;Org A;adept\n'));
    expect(noHeader.status).toBe(400);
    expect(noHeader.errors[0].message).toContain('rubrikrad');

    const missingRole = await problem(importForm('namn;e-post;organisation\nAnna;anna@example.org;Org A\n'));
    expect(missingRole).toEqual({
      status: 400,
      errors: [{ field: 'file', message: 'Kolumnen ”roll” saknas i rubrikraden.' }],
    });

    expect((await problem(importForm(''))).errors[0].message).toBe('Filen är tom.');
    expect((await problem(importForm('namn;e-post;organisation;roll\n'))).errors[0].message).toBe(
      'Filen har inga rader att importera.',
    );
    const tooMany = await problem(importForm(bulkCsv(10_001, 'many')));
    expect(tooMany.errors[0].message).toBe('Filen får ha högst 10000 rader.');

    const noFile = new FormData();
    noFile.append('locale', 'sv');
    expect(await problem(noFile)).toEqual({
      status: 400,
      errors: [{ field: 'file', message: 'Välj en fil att importera.' }],
    });
    const badLocale = await problem(importForm('x', { fields: { locale: 'de' } }));
    expect(badLocale.errors[0].field).toBe('locale');

    const json = await problem('{"file":"x"}', { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    expect(json.errors[0].field).toBe('file');

    // Without the CSRF token a state-changing request is refused before anything is read.
    const noCsrf = await fetch(server.baseUrl + commitPath, {
      method: 'POST',
      headers: { cookie: `__Host-bp_session=${admin.cookies.get('__Host-bp_session')}` },
      body: importForm(bulkCsv(1, 'csrf')),
    });
    expect(noCsrf.status).toBe(403);
    expect(await snapshot(server.db)).toBe(before);
  });
});
