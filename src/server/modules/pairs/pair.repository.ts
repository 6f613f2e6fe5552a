import type { Queryable } from '../../db/connection.ts';
import { newId } from '../../util.ts';

/** Queries every part of the pair's year shares: the programme's advisors, the data key, notices sent. */

/** The advisors of each of these programmes, in one query. */
export async function advisorsOfProgrammes(
  db: Queryable,
  programmeIds: string[],
): Promise<Map<string, string[]>> {
  const byProgramme = new Map<string, string[]>(programmeIds.map((id) => [id, []]));
  if (programmeIds.length === 0) return byProgramme;
  const rows = await db
    .selectFrom('programme_advisors')
    .select(['programme_id', 'person_id'])
    .where('programme_id', 'in', programmeIds)
    .execute();
  for (const row of rows) byProgramme.get(row.programme_id)?.push(row.person_id);
  return byProgramme;
}

export function dataKeyRow(db: Queryable, pairId: string) {
  return db
    .selectFrom('pairs')
    .select(['data_key', 'content_cleared_at'])
    .where('id', '=', pairId)
    .executeTakeFirst();
}

/** Stores a new wrapped data key unless the pair has one already (another instance may have won). */
export async function setDataKeyIfNone(db: Queryable, pairId: string, wrapped: string): Promise<void> {
  await db
    .updateTable('pairs')
    .set({ data_key: wrapped })
    .where('id', '=', pairId)
    .where('data_key', 'is', null)
    .execute();
}

/**
 * Claims a reminder or flag for a pair once: false when this or another instance already sent it
 * (the unique (pair_id, notice_key) lets one insert win).
 */
export async function claimNotice(db: Queryable, pairId: string, key: string, at: string): Promise<boolean> {
  const result = await db
    .insertInto('pair_notices')
    .values({ id: newId(), pair_id: pairId, notice_key: key, sent_at: at })
    .onConflict((oc) => oc.columns(['pair_id', 'notice_key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
