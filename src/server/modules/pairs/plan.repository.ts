import { currentPairStatuses } from '../../../shared/matching.ts';
import type { Queryable } from '../../db/connection.ts';

/**
 * What the process plan reads about pairs. Meetings, signatures, check-ins and requests are written
 * by their own parts; the plan only reads them (held meetings, both signatures, answers, open
 * requests). It writes the milestones marked done, the notices sent, and the check-in answers.
 */

export interface HeldMeeting {
  pair_id: string;
  starts_at: string;
  held_at: string;
}

export async function heldMeetings(db: Queryable, pairIds: string[]): Promise<HeldMeeting[]> {
  if (pairIds.length === 0) return [];
  const rows = await db
    .selectFrom('meetings')
    .select(['pair_id', 'starts_at', 'held_at'])
    .where('pair_id', 'in', pairIds)
    .where('held_at', 'is not', null)
    .where('status', '!=', 'cancelled')
    .orderBy('starts_at')
    .execute();
  return rows as HeldMeeting[];
}

export async function doneMilestones(db: Queryable, pairIds: string[]) {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('pair_milestones as m')
    .leftJoin('people as pe', 'pe.id', 'm.done_by')
    .select(['m.pair_id', 'm.milestone_key', 'm.done_at', 'm.done_by', 'pe.name as done_by_name'])
    .where('m.pair_id', 'in', pairIds)
    .execute();
}

/** Signatures of the current text of each agreement (a changed text voids earlier signatures). */
/**
 * The pairs' signatures of their agreements, each with the version of the text it signed and, for the
 * contract, the version its stored answers make now (the confidentiality text's comes from settings).
 */
export async function agreementSignatures(db: Queryable, pairIds: string[]) {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('pair_signatures as s')
    .leftJoin('pair_agreements as a', (join) =>
      join.onRef('a.pair_id', '=', 's.pair_id').onRef('a.kind', '=', 's.kind'),
    )
    .select([
      's.pair_id',
      's.kind',
      's.role',
      's.signed_at',
      's.text_version',
      'a.text_version as current_version',
    ])
    .where('s.pair_id', 'in', pairIds)
    .where('s.kind', 'in', ['acceptance', 'contract', 'confidentiality'])
    .execute();
}

export async function checkins(db: Queryable, pairIds: string[]) {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('pair_checkins as c')
    .leftJoin('people as pe', 'pe.id', 'c.person_id')
    .select([
      'c.id',
      'c.pair_id',
      'c.person_id',
      'c.role',
      'c.rating',
      'c.comment',
      'c.comment_for_coordinator',
      'c.created_at',
      'pe.name',
    ])
    .where('c.pair_id', 'in', pairIds)
    .orderBy('c.created_at')
    .execute();
}

/** The requests (a change of mentor, an extension) still waiting for a decision. */
export async function openRequests(db: Queryable, pairIds: string[]) {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('pair_requests')
    .select(['pair_id', 'kind', 'requested_by', 'seconded_at'])
    .where('pair_id', 'in', pairIds)
    .where('decision', 'is', null)
    .orderBy('created_at')
    .execute();
}

/** The adept's answers to the programme's own questions, by application id. */
export async function answersOf(db: Queryable, applicationIds: string[]): Promise<Map<string, unknown>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'answers'])
    .where('id', 'in', applicationIds)
    .execute();
  return new Map(rows.map((r) => [r.id, safeJson(r.answers)]));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

export async function noticesOf(db: Queryable, pairId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('pair_notices')
    .select('notice_key')
    .where('pair_id', '=', pairId)
    .execute();
  return new Set(rows.map((r) => r.notice_key));
}

export async function markDone(
  db: Queryable,
  row: { pairId: string; key: string; at: string; by: string },
): Promise<void> {
  await db
    .insertInto('pair_milestones')
    .values({ pair_id: row.pairId, milestone_key: row.key, done_at: row.at, done_by: row.by })
    .onConflict((oc) => oc.columns(['pair_id', 'milestone_key']).doNothing())
    .execute();
}

export async function undoDone(db: Queryable, pairId: string, key: string): Promise<void> {
  await db
    .deleteFrom('pair_milestones')
    .where('pair_id', '=', pairId)
    .where('milestone_key', '=', key)
    .execute();
}

export async function insertCheckin(
  db: Queryable,
  row: {
    id: string;
    pairId: string;
    personId: string;
    role: string;
    rating: number;
    comment: string | null;
    forCoordinator: boolean;
    at: string;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('pair_checkins')
    .values({
      id: row.id,
      pair_id: row.pairId,
      person_id: row.personId,
      role: row.role,
      rating: row.rating,
      comment: row.comment,
      comment_for_coordinator: row.forCoordinator ? 1 : 0,
      created_at: row.at,
    })
    .onConflict((oc) => oc.columns(['pair_id', 'role']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Pairs under way (introduced to ending), for the reminder job. */
export async function currentPairIds(db: Queryable): Promise<string[]> {
  const rows = await db
    .selectFrom('pairs')
    .select('id')
    .where('status', 'in', [...currentPairStatuses])
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Every pair of a programme (optionally one round), newest first. */
export async function pairIdsOfProgramme(
  db: Queryable,
  programmeId: string,
  roundId: string | undefined,
): Promise<string[]> {
  let query = db
    .selectFrom('pairs')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('status', '!=', 'declined');
  if (roundId) query = query.where('round_id', '=', roundId);
  const rows = await query.orderBy('published_at', 'desc').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function findProgramme(db: Queryable, programmeId: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'name', 'network_id'])
    .where('id', '=', programmeId)
    .executeTakeFirst();
}

export async function roundsOf(db: Queryable, programmeId: string) {
  return db
    .selectFrom('rounds')
    .select(['id', 'name'])
    .where('programme_id', '=', programmeId)
    .orderBy('starts_on', 'desc')
    .execute();
}

/** Pairs under way in these networks (the home page's follow-up counts; the caller filters by policy). */
export async function currentPairIdsInNetworks(db: Queryable, networkIds: string[]): Promise<string[]> {
  if (networkIds.length === 0) return [];
  const rows = await db
    .selectFrom('pairs as p')
    .innerJoin('programmes as pr', 'pr.id', 'p.programme_id')
    .select('p.id')
    .where('pr.network_id', 'in', networkIds)
    .where('p.status', 'in', [...currentPairStatuses])
    .orderBy('p.id')
    .execute();
  return rows.map((r) => r.id);
}
