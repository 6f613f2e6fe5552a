import { sql } from 'kysely';
import type { RoleAssignment } from '../../../shared/api.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Queryable } from '../../db/connection.ts';
import type { OneTimeTokenTable, PersonTable, SessionTable } from '../../db/database.ts';

export async function findPersonByEmail(db: Queryable, email: string): Promise<PersonTable | undefined> {
  return db.selectFrom('people').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findPersonById(db: Queryable, id: string): Promise<PersonTable | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPerson(db: Queryable, person: PersonTable): Promise<void> {
  await db.insertInto('people').values(person).execute();
}

export async function setPassword(
  db: Queryable,
  personId: string,
  passwordHash: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('people')
    .set({ password_hash: passwordHash, updated_at: at })
    .where('id', '=', personId)
    .execute();
}

export async function findRoles(db: Queryable, personId: string): Promise<RoleAssignment[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .select(['id', 'role', 'network_id', 'organisation_id', 'programme_id'])
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    networkId: r.network_id,
    organisationId: r.organisation_id,
    programmeId: r.programme_id,
  }));
}

// --- Sessions ------------------------------------------------------------------------------

export async function insertSession(db: Queryable, session: SessionTable): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function findSession(db: Queryable, id: string): Promise<SessionTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Queryable, id: string, lastSeenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Queryable, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfPerson(db: Queryable, personId: string): Promise<void> {
  await db.deleteFrom('sessions').where('person_id', '=', personId).execute();
}

export async function deleteExpiredSessions(db: Queryable, idleCutoff: string, now: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('last_seen_at', '<', idleCutoff), eb('expires_at', '<', now)]))
    .execute();
}

// --- One-time tokens -------------------------------------------------------------------------

export async function insertOneTimeToken(db: Queryable, token: OneTimeTokenTable): Promise<void> {
  await db.insertInto('one_time_tokens').values(token).execute();
}

/**
 * Marks a token used and returns it, only if it was unused and unexpired. The conditional update
 * makes a second use fail even when two requests race.
 */
export async function consumeOneTimeToken(
  db: Queryable,
  digest: string,
  purpose: string,
  now: string,
): Promise<OneTimeTokenTable | undefined> {
  const result = await db
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('id', '=', digest)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return undefined;
  return db.selectFrom('one_time_tokens').selectAll().where('id', '=', digest).executeTakeFirst();
}

export async function findUsableToken(db: Queryable, digest: string, purpose: string, now: string) {
  return db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('id', '=', digest)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

// --- Rate limits ------------------------------------------------------------------------------

/**
 * Counts one hit in a fixed window shared by every instance and returns the new count, in one
 * statement: concurrent requests each see a distinct count, so no more than the limit get past.
 */
export async function countHit(db: Queryable, key: string, windowMs: number, now: Date): Promise<number> {
  const nowText = now.toISOString();
  const cutoff = new Date(now.getTime() - windowMs).toISOString();
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: nowText, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start < ${cutoff} then 1 else rate_limits.count + 1 end`,
        window_start: sql<string>`case when rate_limits.window_start < ${cutoff} then ${nowText} else rate_limits.window_start end`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Takes back one hit (a sign-in that succeeded was counted before the password was known). */
export async function uncountHit(db: Queryable, key: string): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set({ count: sql<number>`count - 1` })
    .where('key', '=', key)
    .where('count', '>', 0)
    .execute();
}

export async function clearHits(db: Queryable, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
