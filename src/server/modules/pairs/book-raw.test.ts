import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildCast } from '../../../../test/factories.ts';
import { createPairFixture } from '../../../../test/pair-support.ts';
import { startTestServer, TestClient, testConfig } from '../../../../test/support.ts';
import { buildApp } from '../../app.ts';
import { createDatabase, type Db } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';

/**
 * Encryption at rest, seen from outside the application: a note written through the API must not
 * appear in the raw bytes of the SQLite file, nor in a pg_dump of the PostgreSQL schema. Each test
 * first finds something stored in the clear (the pair's id) to show that the search itself works.
 */

const NOTE = 'Rådata-kvitto 91c2: jag är rädd att inte räcka till som chef';
const NOTE_ASCII = 'kvitto 91c2';
const TITLE = 'Titel-8d4e Modigare beslut';

async function writeNotes(baseUrl: string, db: Db): Promise<string> {
  const cast = await buildCast(db);
  const { pairId } = await createPairFixture(db, {
    networkId: cast.network.id,
    adept: { id: cast.adept.id, organisationId: cast.orgA.id },
    mentor: { id: cast.mentor.id, organisationId: cast.orgA.id },
    publishedBy: cast.admin.id,
    status: 'active',
  });
  const adept = new TestClient(baseUrl);
  await adept.signIn(cast.adept.email);
  const goal = await adept.post(`/api/pairs/${pairId}/book/items`, {
    kind: 'goal',
    visibility: 'shared',
    content: {
      title: TITLE,
      specific: NOTE,
      measurable: 'Jag fattar två beslut i veckan utan att fråga',
      achievable: 'Jag har stöd av min chef',
      relevant: 'Gruppen väntar på mig',
      timeBound: '2027-05-31',
    },
  });
  expect(goal.status, JSON.stringify(goal.body)).toBe(201);
  const log = await adept.post(`/api/pairs/${pairId}/book/items`, {
    kind: 'meeting_log',
    visibility: 'private',
    content: { heldOn: '2026-12-01', sinceLastTime: NOTE, dialogue: NOTE, beforeNextTime: NOTE },
  });
  expect(log.status).toBe(201);
  // Read back through the API: the text is there for the pair.
  const book = await adept.get(`/api/pairs/${pairId}/book`);
  expect(JSON.stringify(book.body)).toContain(NOTE);
  return pairId;
}

function expectAbsent(haystack: Buffer, pairId: string, where: string) {
  expect(haystack.includes(Buffer.from(pairId, 'utf8')), `${where} is searchable`).toBe(true);
  for (const needle of [NOTE, NOTE_ASCII, TITLE, 'Titel-8d4e']) {
    expect(haystack.includes(Buffer.from(needle, 'utf8')), `${where} holds "${needle}"`).toBe(false);
    expect(haystack.includes(Buffer.from(needle, 'utf16le')), `${where} holds "${needle}" (UTF-16)`).toBe(
      false,
    );
  }
}

describe('mentor-book content at rest', () => {
  it('is not in the raw bytes of the SQLite database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bollplank-raw-'));
    const file = join(dir, 'raw.db');
    try {
      const db = createDatabase({ kind: 'sqlite', path: file });
      await migrateToLatest(db);
      const app = await buildApp({ config: testConfig(), db, clientDir: '/nonexistent' });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      const pairId = await writeNotes(`http://127.0.0.1:${port}`, db);
      await app.close();
      await db.destroy();
      // The file and whatever journal is left beside it.
      const bytes = Buffer.concat(
        [file, `${file}-wal`, `${file}-journal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)),
      );
      expectAbsent(bytes, pairId, 'the SQLite file');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)('is not in a dump of the PostgreSQL schema', async () => {
    const server = await startTestServer('postgres');
    try {
      const pairId = await writeNotes(server.baseUrl, server.db);
      const url = process.env.TEST_DATABASE_URL as string;
      const schema = server.testDb.schema!;
      let dump: Buffer;
      try {
        execFileSync('which', ['pg_dump']);
        dump = execFileSync('pg_dump', ['--dbname', url, '--schema', schema], {
          maxBuffer: 256 * 1024 * 1024,
        });
      } catch {
        // No pg_dump here: every row of every table as text instead.
        const tables = await sql<{ table_name: string }>`
          select table_name from information_schema.tables where table_schema = ${schema}`.execute(server.db);
        const parts: string[] = [];
        for (const { table_name } of tables.rows) {
          const rows = await sql`select * from ${sql.table(`${schema}.${table_name}`)}`.execute(server.db);
          parts.push(JSON.stringify(rows.rows));
        }
        dump = Buffer.from(parts.join('\n'), 'utf8');
      }
      expectAbsent(dump, pairId, 'the PostgreSQL dump');
    } finally {
      await server.close();
    }
  });
});
