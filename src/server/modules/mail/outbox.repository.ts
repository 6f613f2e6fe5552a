import { chunk } from '../../db/batch.ts';
import type { Queryable } from '../../db/connection.ts';
import type { OutboxTable } from '../../db/database.ts';

export type OutboxRow = OutboxTable;

export async function insertMessages(db: Queryable, rows: readonly OutboxRow[]): Promise<void> {
  for (const part of chunk(rows)) await db.insertInto('outbox').values(part).execute();
}

export async function listMessagesForNetwork(
  db: Queryable,
  networkId: string,
  limit: number,
): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Claims one pending message for this process. The conditional update makes the claim safe when
 * several instances share the database: only one of them sees its update touch a row.
 */
export async function claimNextPending(
  db: Queryable,
  at: Date,
  lockMs: number,
): Promise<OutboxRow | undefined> {
  const now = at.toISOString();
  const candidate = await db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  if (!candidate) return undefined;
  const lockedUntil = new Date(at.getTime() + lockMs).toISOString();
  const result = await db
    .updateTable('outbox')
    .set({ locked_until: lockedUntil })
    .where('id', '=', candidate.id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? candidate : undefined;
}

export async function markSent(db: Queryable, id: string, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: at, locked_until: null })
    .where('id', '=', id)
    .execute();
}

/** Records a failed try; the message waits until `retryAt` for the next one, or is given up (null). */
export async function markFailedAttempt(
  db: Queryable,
  id: string,
  attempts: number,
  error: string,
  retryAt: string | null,
) {
  await db
    .updateTable('outbox')
    .set({
      attempts,
      last_error: error.slice(0, 1000),
      status: retryAt === null ? 'failed' : 'pending',
      locked_until: retryAt,
    })
    .where('id', '=', id)
    .execute();
}
