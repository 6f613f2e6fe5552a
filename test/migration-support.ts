import { type Kysely, type Migration, Migrator } from 'kysely';
import pg from 'pg';
import { afterEach } from 'vitest';
import { createDatabase, type Db } from '../src/server/db/connection.ts';
import { newId } from '../src/server/util.ts';
import { nowIso } from './factories.ts';

/** Databases made for a migration test: an in-memory SQLite, or a PostgreSQL schema of its own. */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A database with only these migrations run, as one deployed before the approver names. */
export async function databaseMigratedWith(
  dialect: 'sqlite' | 'postgres',
  migrations: Record<string, Migration>,
): Promise<{ db: Db; schema?: string }> {
  let db: Db;
  let schema: string | undefined;
  if (dialect === 'sqlite') {
    db = createDatabase({ kind: 'sqlite', path: ':memory:' });
    cleanups.push(() => db.destroy());
  } else {
    const url = process.env.TEST_DATABASE_URL as string;
    schema = `t_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    db = createDatabase({ kind: 'postgres', url, schema });
    const name = schema;
    cleanups.push(async () => {
      await db.destroy();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema ${name} cascade`);
      await client.end();
    });
  }
  const migrator = new Migrator({
    db: db as Kysely<any>,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return { db, ...(schema ? { schema } : {}) };
}

/** A programme row as stored, with settings of any age (no schema between them and the table). */
export async function insertStoredProgramme(
  db: Db,
  row: { networkId: string; templateKey: string; name: string; settings: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('programmes')
    .values({
      id,
      network_id: row.networkId,
      template_key: row.templateKey,
      name: row.name,
      description: '',
      status: 'open',
      settings: row.settings,
      created_at: nowIso(),
      updated_at: nowIso(),
    })
    .execute();
  return id;
}
