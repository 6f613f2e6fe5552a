import type { Insertable, Selectable } from 'kysely';
import { currentPairStatuses } from '../../../shared/matching.ts';
import type { Queryable } from '../../db/connection.ts';
import type {
  DeclaredConflictTable,
  MatchingDecisionTable,
  MatchingRunTable,
  PairEventTable,
  PairTable,
} from '../../db/database.ts';

export type RunRow = Selectable<MatchingRunTable>;
export type DecisionRow = Selectable<MatchingDecisionTable>;
export type PairRow = Selectable<PairTable>;
export type PairEventRow = Selectable<PairEventTable>;
export type ConflictRow = Selectable<DeclaredConflictTable>;

const current = [...currentPairStatuses];

// --- Who is matched ------------------------------------------------------------------------------------

/** An admitted participant: the approved application with the person, the organisation and the profile. */
export interface AdmittedRow {
  application_id: string;
  round_id: string | null;
  person_id: string;
  organisation_id: string;
  organisation_name: string;
  name: string;
  email: string;
  title: string | null;
  phone: string | null;
  locale: string;
  basics: string;
  needs: string | null;
  mentor: string | null;
  profile_basics: string | null;
  profile_needs: string | null;
  profile_mentor: string | null;
  mentor_paused_at: string | null;
}

/** An application with its person, organisation and profile: who takes part, as matching reads them. */
function participantQuery(db: Queryable) {
  return db
    .selectFrom('applications as a')
    .innerJoin('people as pe', 'pe.id', 'a.person_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('profiles as prof', 'prof.person_id', 'a.person_id')
    .select([
      'a.id as application_id',
      'a.round_id',
      'a.person_id',
      'a.organisation_id',
      'o.name as organisation_name',
      'pe.name',
      'pe.email',
      'pe.title',
      'pe.phone',
      'pe.locale',
      'a.basics',
      'a.needs',
      'a.mentor',
      'prof.basics as profile_basics',
      'prof.needs as profile_needs',
      'prof.mentor as profile_mentor',
      'prof.mentor_paused_at',
    ]);
}

/**
 * Approved applications of a programme in one role, of people whose account is active. `roundId`
 * limits them to a round (cohort programmes); mentors who applied to the programme without a round
 * count for every round.
 */
export async function admitted(
  db: Queryable,
  programmeId: string,
  role: 'adept' | 'mentor',
  roundId: string | null,
): Promise<AdmittedRow[]> {
  let query = participantQuery(db)
    .where('a.programme_id', '=', programmeId)
    .where('a.role', '=', role)
    .where('a.status', '=', 'approved')
    .where('pe.disabled_at', 'is', null);
  if (roundId !== null) {
    query =
      role === 'adept'
        ? query.where('a.round_id', '=', roundId)
        : query.where((eb) => eb.or([eb('a.round_id', '=', roundId), eb('a.round_id', 'is', null)]));
  }
  return query.orderBy('pe.name').orderBy('a.id').execute();
}

/** Current pairs (introduced or later, not ended) of these people, as adept or as mentor, in any programme. */
export async function currentPairsOf(db: Queryable, personIds: string[]): Promise<PairRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('pairs')
    .selectAll()
    .where('status', 'in', current)
    .where((eb) => eb.or([eb('adept_id', 'in', personIds), eb('mentor_id', 'in', personIds)]))
    .execute();
}

/** Every pair of a programme (a round's, when given), newest first. */
export async function pairsOfProgramme(
  db: Queryable,
  programmeId: string,
  roundId: string | null,
): Promise<PairRow[]> {
  let query = db.selectFrom('pairs').selectAll().where('programme_id', '=', programmeId);
  if (roundId !== null) query = query.where('round_id', '=', roundId);
  return query.orderBy('published_at', 'desc').orderBy('id').execute();
}

/** Pairs of a programme that failed (declined, re-matched, cancelled): never proposed again. */
export async function failedPairs(db: Queryable, programmeId: string) {
  return db
    .selectFrom('pairs')
    .select(['adept_id', 'mentor_id'])
    .where('programme_id', '=', programmeId)
    .where('status', 'in', ['declined', 'rematched', 'cancelled'])
    .execute();
}

/** Adepts of a programme who have a pair that holds them (any status but a failed one). */
export async function adeptsWithPairs(db: Queryable, programmeId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('pairs')
    .select('adept_id')
    .where('programme_id', '=', programmeId)
    .where('status', 'not in', ['declined', 'rematched', 'cancelled'])
    .execute();
  return new Set(rows.map((r) => r.adept_id));
}

/**
 * The managers named in these people's applications in a network (by address), and who decided their
 * manager steps: a line-management dependency, and "the manager who approved the application".
 */
export async function managerSteps(db: Queryable, networkId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('application_approvals as ap')
    .innerJoin('applications as a', 'a.id', 'ap.application_id')
    .innerJoin('programmes as pr', 'pr.id', 'a.programme_id')
    .select(['a.person_id', 'ap.approver_email', 'ap.decided_by', 'ap.status'])
    .where('pr.network_id', '=', networkId)
    .where('ap.approver', '=', 'manager')
    .where('a.person_id', 'in', personIds)
    .execute();
}

/** People's ids by e-mail address (lower case). */
export async function peopleByEmail(db: Queryable, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'email'])
    .where('email', 'in', [...new Set(emails.map((e) => e.toLowerCase()))])
    .execute();
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
}

/** Conflicts declared by these people, or naming one of these addresses, still standing. */
export async function conflictsInvolving(
  db: Queryable,
  personIds: string[],
  emails: string[],
): Promise<ConflictRow[]> {
  if (personIds.length === 0 && emails.length === 0) return [];
  return db
    .selectFrom('declared_conflicts')
    .selectAll()
    .where('withdrawn_at', 'is', null)
    .where((eb) => {
      const any = [];
      if (personIds.length > 0) any.push(eb('person_id', 'in', personIds));
      if (emails.length > 0)
        any.push(
          eb(
            'other_email',
            'in',
            emails.map((e) => e.toLowerCase()),
          ),
        );
      return eb.or(any);
    })
    .orderBy('created_at')
    .execute();
}

export async function organisationsOfNetwork(db: Queryable, networkId: string) {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'latitude', 'longitude', 'place_name'])
    .where('network_id', '=', networkId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    ...r,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
  }));
}

/** Names of people (for "by whom" on the board). */
export async function namesOf(db: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Coordinators (active) of an organisation, or the network's administrators when it has none. */
export async function coordinatorsOf(db: Queryable, networkId: string, organisationId: string) {
  const coordinators = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('people as pe', 'pe.id', 'ra.person_id')
    .select(['pe.id', 'pe.email', 'pe.locale'])
    .where('ra.role', '=', 'org_coordinator')
    .where('ra.organisation_id', '=', organisationId)
    .where('pe.disabled_at', 'is', null)
    .execute();
  if (coordinators.length > 0) return coordinators;
  return db
    .selectFrom('role_assignments as ra')
    .innerJoin('people as pe', 'pe.id', 'ra.person_id')
    .select(['pe.id', 'pe.email', 'pe.locale'])
    .where('ra.role', '=', 'network_admin')
    .where('ra.network_id', '=', networkId)
    .where('pe.disabled_at', 'is', null)
    .execute();
}

// --- Runs ------------------------------------------------------------------------------------------------

export async function insertRun(db: Queryable, row: Insertable<MatchingRunTable>): Promise<void> {
  await db.insertInto('matching_runs').values(row).execute();
}

export async function findRun(db: Queryable, id: string): Promise<RunRow | undefined> {
  return db.selectFrom('matching_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateRun(
  db: Queryable,
  id: string,
  changes: Partial<Omit<RunRow, 'id' | 'programme_id'>>,
): Promise<void> {
  await db.updateTable('matching_runs').set(changes).where('id', '=', id).execute();
}

/** Writes progress only while the run is still running. */
export async function updateRunProgress(
  db: Queryable,
  id: string,
  phase: string,
  fraction: number,
  at: string,
): Promise<void> {
  await db
    .updateTable('matching_runs')
    .set({ progress_phase: phase, progress_fraction: fraction, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

/** The latest run of a kind for a programme and round (the round may be null for continuous programmes). */
export async function latestRun(
  db: Queryable,
  programmeId: string,
  roundId: string | null,
  kind: string,
): Promise<RunRow | undefined> {
  let query = db
    .selectFrom('matching_runs')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('kind', '=', kind);
  query = roundId === null ? query.where('round_id', 'is', null) : query.where('round_id', '=', roundId);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

// --- Decisions -------------------------------------------------------------------------------------------

export async function activeDecisions(
  db: Queryable,
  programmeId: string,
  roundId: string | null,
): Promise<DecisionRow[]> {
  let query = db
    .selectFrom('matching_decisions')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('removed_at', 'is', null);
  query = roundId === null ? query.where('round_id', 'is', null) : query.where('round_id', '=', roundId);
  return query.orderBy('created_at').orderBy('id').execute();
}

export async function findDecision(db: Queryable, id: string): Promise<DecisionRow | undefined> {
  return db.selectFrom('matching_decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDecision(db: Queryable, row: Insertable<MatchingDecisionTable>): Promise<void> {
  await db.insertInto('matching_decisions').values(row).execute();
}

export async function removeDecision(db: Queryable, id: string, by: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('matching_decisions')
    .set({ removed_by: by, removed_at: at })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// --- Pairs -----------------------------------------------------------------------------------------------

export async function insertPair(db: Queryable, row: Insertable<PairTable>): Promise<void> {
  await db.insertInto('pairs').values(row).execute();
}

export async function insertPairEvent(db: Queryable, row: Insertable<PairEventTable>): Promise<void> {
  await db.insertInto('pair_events').values(row).execute();
}

export async function findPairs(db: Queryable, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('pairs as p')
    .innerJoin('programmes as pr', 'pr.id', 'p.programme_id')
    .selectAll('p')
    .select(['pr.network_id', 'pr.name as programme_name'])
    .select((eb) => eb.fn.coalesce('p.settings', 'pr.settings').as('programme_settings'))
    .where('p.id', 'in', ids)
    .execute();
}

/** Moves a pair on only from the status the caller saw, so two people cannot both decline it. */
export async function transitionPair(
  db: Queryable,
  id: string,
  from: string,
  to: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('pairs')
    .set({ status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function pairsOfPerson(db: Queryable, personId: string) {
  return db
    .selectFrom('pairs as p')
    .innerJoin('programmes as pr', 'pr.id', 'p.programme_id')
    .selectAll('p')
    .select(['pr.network_id', 'pr.name as programme_name'])
    .select((eb) => eb.fn.coalesce('p.settings', 'pr.settings').as('programme_settings'))
    .where((eb) => eb.or([eb('p.adept_id', '=', personId), eb('p.mentor_id', '=', personId)]))
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id')
    .execute();
}

export async function eventsOf(db: Queryable, pairIds: string[]): Promise<PairEventRow[]> {
  if (pairIds.length === 0) return [];
  return db
    .selectFrom('pair_events')
    .selectAll()
    .where('pair_id', 'in', pairIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The application through which a person takes part in a programme in a role (the latest approved). */
export async function participation(db: Queryable, programmeId: string, personId: string, role: string) {
  return participantQuery(db)
    .where('a.programme_id', '=', programmeId)
    .where('a.person_id', '=', personId)
    .where('a.role', '=', role)
    .orderBy('a.submitted_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The applications of these people to these programmes, newest first: what `participation` answers
 * for one person, for many pairs in one query (the first row per programme, person and role wins).
 */
export async function participationsIn(db: Queryable, programmeIds: string[], personIds: string[]) {
  if (programmeIds.length === 0 || personIds.length === 0) return [];
  return participantQuery(db)
    .select(['a.programme_id', 'a.role'])
    .where('a.programme_id', 'in', programmeIds)
    .where('a.person_id', 'in', personIds)
    .orderBy('a.submitted_at', 'desc')
    .execute();
}

// --- Declared conflicts ----------------------------------------------------------------------------------

export async function conflictsOf(db: Queryable, personId: string): Promise<ConflictRow[]> {
  return db
    .selectFrom('declared_conflicts')
    .selectAll()
    .where('person_id', '=', personId)
    .where('withdrawn_at', 'is', null)
    .orderBy('created_at')
    .execute();
}

export async function findConflict(db: Queryable, id: string): Promise<ConflictRow | undefined> {
  return db.selectFrom('declared_conflicts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertConflict(db: Queryable, row: Insertable<DeclaredConflictTable>): Promise<void> {
  await db.insertInto('declared_conflicts').values(row).execute();
}

export async function withdrawConflict(db: Queryable, id: string, at: string): Promise<void> {
  await db
    .updateTable('declared_conflicts')
    .set({ withdrawn_at: at })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .execute();
}

/** How the board names people: each person's latest application to the programme, else their account. */
export async function directory(db: Queryable, programmeId: string, personIds: string[]) {
  const ids = [...new Set(personIds)];
  if (ids.length === 0) return { fromApplications: [], accounts: [] };
  const fromApplications = await db
    .selectFrom('applications as a')
    .innerJoin('people as pe', 'pe.id', 'a.person_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .leftJoin('profiles as prof', 'prof.person_id', 'a.person_id')
    .select([
      'a.person_id',
      'a.role',
      'pe.name',
      'a.basics',
      'prof.basics as profile_basics',
      'a.organisation_id',
      'o.name as organisation_name',
    ])
    .where('a.programme_id', '=', programmeId)
    .where('a.person_id', 'in', ids)
    .orderBy('a.submitted_at', 'desc')
    .execute();
  const found = new Set(fromApplications.map((r) => r.person_id));
  const missing = ids.filter((id) => !found.has(id));
  const accounts =
    missing.length === 0
      ? []
      : await db.selectFrom('people').select(['id', 'name', 'title']).where('id', 'in', missing).execute();
  return { fromApplications, accounts };
}
