import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Queryable } from '../../db/connection.ts';
import type {
  PairAgreementTable,
  PairRequestTable,
  PairSignatureTable,
  PairTable,
} from '../../db/database.ts';
import { newId } from '../../util.ts';

/** The lifecycle's SQL: agreements and signatures, requests, status moves, evaluations, advisors. */

export type AgreementRow = Selectable<PairAgreementTable>;
export type SignatureRow = Selectable<PairSignatureTable>;
export type RequestRow = Selectable<PairRequestTable>;

// --- Status ----------------------------------------------------------------------------------------------------

/**
 * Moves a pair from the status the caller saw (and sets the dates that go with it); false when
 * someone else moved it first.
 */
export async function moveStatus(
  db: Queryable,
  pairId: string,
  from: string,
  to: string,
  set: Omit<Updateable<PairTable>, 'status' | 'id'>,
): Promise<boolean> {
  const result = await db
    .updateTable('pairs')
    .set({ ...set, status: to })
    .where('id', '=', pairId)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updatePair(
  db: Queryable,
  pairId: string,
  expectedStatus: string,
  set: Omit<Updateable<PairTable>, 'id'>,
): Promise<boolean> {
  const result = await db
    .updateTable('pairs')
    .set(set)
    .where('id', '=', pairId)
    .where('status', '=', expectedStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Active pairs whose planned end is on or before the date (the ending job's candidates). */
export async function activePairsEndingBy(db: Queryable, date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('pairs')
    .select('id')
    .where('status', '=', 'active')
    .where('planned_end_on', 'is not', null)
    .where('planned_end_on', '<=', date)
    .execute();
  return rows.map((r) => r.id);
}

// --- Agreements and signatures ------------------------------------------------------------------------------

export async function findAgreement(
  db: Queryable,
  pairId: string,
  kind: string,
): Promise<AgreementRow | undefined> {
  return db
    .selectFrom('pair_agreements')
    .selectAll()
    .where('pair_id', '=', pairId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function insertAgreement(db: Queryable, row: Insertable<PairAgreementTable>): Promise<void> {
  await db.insertInto('pair_agreements').values(row).execute();
}

export async function updateAgreement(
  db: Queryable,
  id: string,
  set: Pick<AgreementRow, 'content' | 'text_version' | 'updated_by' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('pair_agreements').set(set).where('id', '=', id).execute();
}

export async function signaturesOf(db: Queryable, pairId: string): Promise<SignatureRow[]> {
  return db
    .selectFrom('pair_signatures')
    .selectAll()
    .where('pair_id', '=', pairId)
    .orderBy('signed_at')
    .orderBy('id')
    .execute();
}

/** Records a signature once per kind, role and version of the text (signing again changes nothing). */
export async function insertSignature(db: Queryable, row: Insertable<PairSignatureTable>): Promise<void> {
  await db
    .insertInto('pair_signatures')
    .values(row)
    .onConflict((oc) => oc.columns(['pair_id', 'kind', 'role', 'text_version']).doNothing())
    .execute();
}

// --- Requests ----------------------------------------------------------------------------------------------------

export async function requestsOf(db: Queryable, pairId: string): Promise<RequestRow[]> {
  return db
    .selectFrom('pair_requests')
    .selectAll()
    .where('pair_id', '=', pairId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findRequest(
  db: Queryable,
  pairId: string,
  requestId: string,
): Promise<RequestRow | undefined> {
  return db
    .selectFrom('pair_requests')
    .selectAll()
    .where('pair_id', '=', pairId)
    .where('id', '=', requestId)
    .executeTakeFirst();
}

export async function insertRequest(db: Queryable, row: Insertable<PairRequestTable>): Promise<void> {
  await db.insertInto('pair_requests').values(row).execute();
}

/** Decides an open request; false when it was already decided (or withdrawn). */
export async function decideRequest(
  db: Queryable,
  id: string,
  set: Pick<RequestRow, 'decision' | 'decision_reason' | 'decided_by' | 'decided_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('pair_requests')
    .set(set)
    .where('id', '=', id)
    .where('decision', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function secondRequest(db: Queryable, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('pair_requests')
    .set({ seconded_at: at })
    .where('id', '=', id)
    .where('decision', 'is', null)
    .where('seconded_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// --- Evaluations and notices ------------------------------------------------------------------------------------

export async function openEvaluation(
  db: Queryable,
  row: { pair_id: string; person_id: string; role: string; opened_at: string },
): Promise<void> {
  await db
    .insertInto('evaluations')
    .values({ id: newId(), completed_at: null, ...row })
    .onConflict((oc) => oc.columns(['pair_id', 'role']).doNothing())
    .execute();
}

export async function evaluationsOf(db: Queryable, pairId: string) {
  return db.selectFrom('evaluations').selectAll().where('pair_id', '=', pairId).execute();
}

// --- Advisors -----------------------------------------------------------------------------------------------------

export async function advisorsWithNames(db: Queryable, programmeId: string) {
  return db
    .selectFrom('programme_advisors as pa')
    .innerJoin('people as pe', 'pe.id', 'pa.person_id')
    .select(['pe.id', 'pe.name', 'pe.email', 'pe.locale', 'pe.disabled_at'])
    .where('pa.programme_id', '=', programmeId)
    .orderBy('pe.name')
    .orderBy('pe.id')
    .execute();
}

/** The organisation names of people's roles in a network (the first one found per person). */
export async function organisationsInNetwork(db: Queryable, networkId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('role_assignments as ra')
    .leftJoin('organisations as o', 'o.id', 'ra.organisation_id')
    .select(['ra.person_id', 'o.name as organisation'])
    .where('ra.network_id', '=', networkId)
    .where('ra.person_id', 'in', personIds)
    .orderBy('ra.created_at')
    .execute();
}

/** Those of these people who are active members (any role) of the network. */
export async function activeMembers(
  db: Queryable,
  networkId: string,
  personIds: string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('role_assignments as ra')
    .innerJoin('people as pe', 'pe.id', 'ra.person_id')
    .select('ra.person_id')
    .where('ra.network_id', '=', networkId)
    .where('ra.person_id', 'in', personIds)
    .where('pe.disabled_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

export async function replaceAdvisors(
  db: Queryable,
  programmeId: string,
  personIds: string[],
  by: string,
  at: string,
): Promise<void> {
  await db.deleteFrom('programme_advisors').where('programme_id', '=', programmeId).execute();
  if (personIds.length === 0) return;
  await db
    .insertInto('programme_advisors')
    .values(
      personIds.map((id) => ({ programme_id: programmeId, person_id: id, created_by: by, created_at: at })),
    )
    .execute();
}

/** Pairs of the programmes a person advises, with the parties' names. */
export async function advisedPairs(db: Queryable, personId: string) {
  return db
    .selectFrom('programme_advisors as pa')
    .innerJoin('pairs as p', 'p.programme_id', 'pa.programme_id')
    .innerJoin('programmes as pr', 'pr.id', 'p.programme_id')
    .innerJoin('people as a', 'a.id', 'p.adept_id')
    .innerJoin('people as m', 'm.id', 'p.mentor_id')
    .select([
      'p.id',
      'p.status',
      'p.planned_end_on',
      'pr.id as programme_id',
      'pr.name as programme_name',
      'a.name as adept_name',
      'm.name as mentor_name',
    ])
    .where('pa.person_id', '=', personId)
    .orderBy('pr.name')
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id')
    .execute();
}
