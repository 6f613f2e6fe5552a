import type { Queryable } from '../../db/connection.ts';
import type { BookItemTable } from '../../db/database.ts';

/** SQL of the mentor book. `content` is always the stored ciphertext here; the service seals and opens it. */

export type BookItemRow = BookItemTable;

export async function itemsOfPair(db: Queryable, pairId: string): Promise<BookItemRow[]> {
  return db
    .selectFrom('book_items')
    .selectAll()
    .where('pair_id', '=', pairId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findItem(
  db: Queryable,
  pairId: string,
  itemId: string,
): Promise<BookItemRow | undefined> {
  return db
    .selectFrom('book_items')
    .selectAll()
    .where('pair_id', '=', pairId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export async function insertItem(db: Queryable, row: BookItemRow): Promise<void> {
  await db.insertInto('book_items').values(row).execute();
}

export async function updateItem(
  db: Queryable,
  itemId: string,
  values: { content: string; visibility: string; updated_at: string },
): Promise<void> {
  await db.updateTable('book_items').set(values).where('id', '=', itemId).execute();
}

/** Deletes an item; a goal's steps and ratings go with it (foreign key, and explicitly for safety). */
export async function deleteItem(db: Queryable, pairId: string, itemId: string): Promise<void> {
  await db.deleteFrom('book_items').where('pair_id', '=', pairId).where('goal_id', '=', itemId).execute();
  await db.deleteFrom('book_items').where('pair_id', '=', pairId).where('id', '=', itemId).execute();
}

export async function setCoordinatorShare(
  db: Queryable,
  itemId: string,
  share: { at: string; by: string } | null,
): Promise<void> {
  await db
    .updateTable('book_items')
    .set({ coordinator_shared_at: share?.at ?? null, coordinator_shared_by: share?.by ?? null })
    .where('id', '=', itemId)
    .execute();
}

export async function itemsSharedWithCoordinator(db: Queryable, pairId: string): Promise<BookItemRow[]> {
  return db
    .selectFrom('book_items')
    .selectAll()
    .where('pair_id', '=', pairId)
    .where('coordinator_shared_at', 'is not', null)
    .orderBy('coordinator_shared_at')
    .orderBy('id')
    .execute();
}

/** Ids of items that hang under these goals (steps and ratings), for clearing a goal with its parts. */
async function childIds(db: Queryable, pairId: string, goalIds: string[]): Promise<string[]> {
  if (goalIds.length === 0) return [];
  const rows = await db
    .selectFrom('book_items')
    .select('id')
    .where('pair_id', '=', pairId)
    .where('goal_id', 'in', goalIds)
    .execute();
  return rows.map((r) => r.id);
}

async function deleteIds(db: Queryable, pairId: string, ids: string[]): Promise<number> {
  let deleted = 0;
  // Children first (they reference their goal), in chunks well under any parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const result = await db
      .deleteFrom('book_items')
      .where('pair_id', '=', pairId)
      .where('id', 'in', chunk)
      .executeTakeFirst();
    deleted += Number(result.numDeletedRows);
  }
  return deleted;
}

/** Deletes the items matching `which` and whatever hangs under those of them that are goals. */
async function deleteWithChildren(
  db: Queryable,
  pairId: string,
  which: (row: Pick<BookItemRow, 'author_id' | 'visibility'>) => boolean,
): Promise<number> {
  const rows = await db
    .selectFrom('book_items')
    .select(['id', 'kind', 'author_id', 'visibility'])
    .where('pair_id', '=', pairId)
    .execute();
  const chosen = rows.filter(which);
  const goals = chosen.filter((r) => r.kind === 'goal').map((r) => r.id);
  const children = await childIds(db, pairId, goals);
  const chosenIds = new Set(chosen.map((r) => r.id));
  const extra = children.filter((id) => !chosenIds.has(id));
  return (
    (await deleteIds(db, pairId, [...extra, ...chosen.filter((r) => r.kind !== 'goal').map((r) => r.id)])) +
    (await deleteIds(db, pairId, goals))
  );
}

/** One party's own items, private and shared. */
export function deleteItemsOfAuthor(db: Queryable, pairId: string, authorId: string): Promise<number> {
  return deleteWithChildren(db, pairId, (r) => r.author_id === authorId);
}

/** The caller's own items and every shared item (once the pair is closed). */
export function deleteOwnAndShared(db: Queryable, pairId: string, authorId: string): Promise<number> {
  return deleteWithChildren(db, pairId, (r) => r.author_id === authorId || r.visibility === 'shared');
}

/** A meeting of this pair, for tying a log to it. */
export async function findMeeting(db: Queryable, pairId: string, meetingId: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'status', 'held_at', 'starts_at'])
    .where('pair_id', '=', pairId)
    .where('id', '=', meetingId)
    .executeTakeFirst();
}

/**
 * Ended pairs (closed, or ended by a change of mentor, a cancellation or a decline) whose content is not
 * cleared yet, with when they ended and their programme's settings (for the retention rule).
 */
export async function endedPairsWithContent(db: Queryable) {
  const rows = await db
    .selectFrom('pairs as p')
    .innerJoin('programmes as pr', 'pr.id', 'p.programme_id')
    .select(['p.id', 'p.closed_at', 'p.updated_at', 'pr.network_id'])
    .select((eb) => eb.fn.coalesce('p.settings', 'pr.settings').as('programme_settings'))
    .where('p.status', 'in', ['closed', 'rematched', 'cancelled', 'declined'])
    .where('p.content_cleared_at', 'is', null)
    .execute();
  // A pair that ended otherwise than by closing has no closed_at: it ended when it last changed.
  return rows.map(({ updated_at, ...row }) => ({ ...row, ended_at: row.closed_at ?? updated_at }));
}

/**
 * Clears what remains of a pair's content: deletes its mentor-book rows and shreds its data key, so
 * that any ciphertext left anywhere (other tables, backups) can no longer be opened. Conditional on
 * not being cleared yet, so that two instances running the rule clear it once.
 */
export async function clearPairContent(db: Queryable, pairId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('pairs')
    .set({ data_key: null, content_cleared_at: at })
    .where('id', '=', pairId)
    .where('content_cleared_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('book_items').where('pair_id', '=', pairId).where('goal_id', 'is not', null).execute();
  await db.deleteFrom('book_items').where('pair_id', '=', pairId).execute();
  return true;
}

/** Every pair's wrapped data key (key rotation). */
export async function wrappedDataKeys(db: Queryable) {
  return db.selectFrom('pairs').select(['id', 'data_key']).where('data_key', 'is not', null).execute();
}

/** Replaces a wrapped data key only if it is still the one read, so a concurrent change is not lost. */
export async function replaceDataKey(
  db: Queryable,
  pairId: string,
  from: string,
  to: string,
): Promise<boolean> {
  const result = await db
    .updateTable('pairs')
    .set({ data_key: to })
    .where('id', '=', pairId)
    .where('data_key', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
