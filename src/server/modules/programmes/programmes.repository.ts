import type { Queryable } from '../../db/connection.ts';
import type { ProgrammeTable, RoundTable } from '../../db/database.ts';

export type ProgrammeRow = ProgrammeTable;
export type RoundRow = RoundTable;

export async function listProgrammes(db: Queryable, networkId: string): Promise<ProgrammeRow[]> {
  return db
    .selectFrom('programmes')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function findProgramme(db: Queryable, id: string): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertProgramme(db: Queryable, row: ProgrammeRow): Promise<void> {
  await db.insertInto('programmes').values(row).execute();
}

export async function updateProgramme(
  db: Queryable,
  id: string,
  changes: Pick<ProgrammeRow, 'name' | 'description' | 'status' | 'settings' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('programmes').set(changes).where('id', '=', id).execute();
}

export async function listRounds(db: Queryable, programmeId: string): Promise<RoundRow[]> {
  return db
    .selectFrom('rounds')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .execute();
}

export async function findRound(db: Queryable, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRound(db: Queryable, row: RoundRow): Promise<void> {
  await db.insertInto('rounds').values(row).execute();
}

export async function updateRound(
  db: Queryable,
  id: string,
  changes: Omit<RoundRow, 'id' | 'programme_id' | 'created_at'>,
): Promise<void> {
  await db.updateTable('rounds').set(changes).where('id', '=', id).execute();
}

export async function deleteRound(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('rounds').where('id', '=', id).execute();
}
