import type { Queryable } from '../../db/connection.ts';
import { newId } from '../../util.ts';

/** Queries every part of the pair's year shares: the programme's advisors, the data key, notices sent. */

export async function advisorsOf(db: Queryable, programmeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('programme_advisors')
    .select('person_id')
    .where('programme_id', '=', programmeId)
    .execute();
  return rows.map((r) => r.person_id);
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
