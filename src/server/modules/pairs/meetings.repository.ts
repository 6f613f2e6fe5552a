import type { Queryable } from '../../db/connection.ts';
import type { MeetingTable } from '../../db/database.ts';

/** SQL for the pair's meetings, the reminders sent about them, and personal calendar feeds. */

export type MeetingRow = Omit<MeetingTable, 'sequence'> & { sequence: number };

const meetingColumns = [
  'id',
  'pair_id',
  'uid',
  'sequence',
  'starts_at',
  'duration_minutes',
  'mode',
  'location',
  'status',
  'held_at',
  'created_by',
  'created_at',
  'updated_at',
  'cancelled_at',
] as const;

export function listForPair(db: Queryable, pairId: string): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .select(meetingColumns)
    .where('pair_id', '=', pairId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

export function findMeeting(db: Queryable, meetingId: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').select(meetingColumns).where('id', '=', meetingId).executeTakeFirst();
}

export async function insertMeeting(db: Queryable, row: MeetingRow): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
}

/**
 * Moves or changes a meeting and raises its sequence, if it is still planned at the sequence the
 * caller read (two changes at once: one wins, the other is a conflict). Returns whether it did.
 */
export async function updatePlanned(
  db: Queryable,
  meetingId: string,
  expectedSequence: number,
  values: Pick<MeetingRow, 'starts_at' | 'duration_minutes' | 'mode' | 'location' | 'updated_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set({ ...values, sequence: expectedSequence + 1 })
    .where('id', '=', meetingId)
    .where('status', '=', 'planned')
    .where('held_at', 'is', null)
    .where('sequence', '=', expectedSequence)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function cancelPlanned(
  db: Queryable,
  meetingId: string,
  expectedSequence: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set({ status: 'cancelled', cancelled_at: now, updated_at: now, sequence: expectedSequence + 1 })
    .where('id', '=', meetingId)
    .where('status', '=', 'planned')
    .where('held_at', 'is', null)
    .where('sequence', '=', expectedSequence)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markHeld(db: Queryable, meetingId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set({ held_at: now, updated_at: now })
    .where('id', '=', meetingId)
    .where('status', '=', 'planned')
    .where('held_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Planned meetings starting in (from, to], of pairs at a point of their year where meetings happen. */
export function plannedStartingBetween(db: Queryable, from: string, to: string, statuses: readonly string[]) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('pairs as p', 'p.id', 'm.pair_id')
    .select([
      'm.id',
      'm.pair_id',
      'm.uid',
      'm.sequence',
      'm.starts_at',
      'm.duration_minutes',
      'm.mode',
      'm.location',
      'm.updated_at',
    ])
    .where('m.status', '=', 'planned')
    .where('m.held_at', 'is', null)
    .where('m.starts_at', '>', from)
    .where('m.starts_at', '<=', to)
    .where('p.status', 'in', statuses)
    .orderBy('m.starts_at')
    .execute();
}

// --- Calendar feeds ------------------------------------------------------------------------------------------

export function activeFeedOf(db: Queryable, personId: string) {
  return db
    .selectFrom('calendar_feeds')
    .select(['id', 'created_at'])
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function revokeFeeds(db: Queryable, personId: string, now: string): Promise<number> {
  const result = await db
    .updateTable('calendar_feeds')
    .set({ revoked_at: now })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertFeed(
  db: Queryable,
  row: { id: string; person_id: string; token_digest: string; created_at: string },
): Promise<void> {
  await db
    .insertInto('calendar_feeds')
    .values({ ...row, revoked_at: null })
    .execute();
}

/** The live feed with this digest and its person (one query whether the token is unknown or revoked). */
export function feedByDigest(db: Queryable, digest: string) {
  return db
    .selectFrom('calendar_feeds as f')
    .innerJoin('people as pe', 'pe.id', 'f.person_id')
    .select(['f.person_id', 'pe.name', 'pe.locale', 'pe.disabled_at'])
    .where('f.token_digest', '=', digest)
    .where('f.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** A person's meetings across the pairs they are a party to, since a date, with the other party's name. */
export function meetingsOfPerson(db: Queryable, personId: string, since: string) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('pairs as p', 'p.id', 'm.pair_id')
    .innerJoin('people as adept', 'adept.id', 'p.adept_id')
    .innerJoin('people as mentor', 'mentor.id', 'p.mentor_id')
    .select([
      'm.id',
      'm.pair_id',
      'm.uid',
      'm.sequence',
      'm.starts_at',
      'm.duration_minutes',
      'm.mode',
      'm.location',
      'm.status',
      'p.adept_id',
      'adept.name as adept_name',
      'mentor.name as mentor_name',
    ])
    .where((eb) => eb.or([eb('p.adept_id', '=', personId), eb('p.mentor_id', '=', personId)]))
    .where('m.starts_at', '>=', since)
    .orderBy('m.starts_at')
    .execute();
}
