import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here. A pair keeps the programme's settings as they
// were when it was introduced (its process plan, contract texts, duration), so that editing the
// programme never moves a running pair's deadlines or voids its signatures. Pairs made before this
// migration get the programme's settings of today: from here on, they too stay as they are.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pairs').addColumn('settings', 'text').execute();
  await sql`update pairs set settings = (select settings from programmes where programmes.id = pairs.programme_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pairs').dropColumn('settings').execute();
}
