import type { Kysely } from 'kysely';

// Frozen in time: never import application code here. A pair keeps the programme's settings as they
// were when it was introduced (its process plan, contract texts, duration), so that editing the
// programme never moves a running pair's deadlines or voids its signatures. Null for pairs made
// before this migration: they follow the programme's current settings.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pairs').addColumn('settings', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pairs').dropColumn('settings').execute();
}
