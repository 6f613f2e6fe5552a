import { type ExpressionBuilder, sql } from 'kysely';
import type { Queryable } from '../../db/connection.ts';
import type { Database } from '../../db/database.ts';
import { addressedTo } from '../applications/applications.repository.ts';

/**
 * What waits for someone, counted over the intake tables in a few set-based queries. This module
 * only reads: applications, approvals, training and programmes belong to their own modules.
 */

/**
 * Applications the person reviews: every organisation of `networkIds` (where they administer the
 * network) and `organisationIds` (which they coordinate), as `visibleOrganisationIds` decides.
 */
export interface ReviewScope {
  networkIds: string[];
  organisationIds: string[];
  /** The reviewer, whose own applications are someone else's to decide. */
  reviewerId: string;
}

export const isEmptyScope = (scope: ReviewScope) =>
  scope.networkIds.length === 0 && scope.organisationIds.length === 0;

type Scoped = ExpressionBuilder<
  Database & { a: Database['applications']; pr: Database['programmes'] },
  'a' | 'pr'
>;

function inScope(eb: Scoped, scope: ReviewScope) {
  const conditions = [];
  if (scope.networkIds.length > 0) conditions.push(eb('pr.network_id', 'in', scope.networkIds));
  if (scope.organisationIds.length > 0) conditions.push(eb('a.organisation_id', 'in', scope.organisationIds));
  return eb.and([eb.or(conditions), eb('a.person_id', '!=', scope.reviewerId)]);
}

export async function programmesOfNetworks(db: Queryable, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('programmes')
    .select(['id', 'name', 'network_id', 'status', 'settings'])
    .where('network_id', 'in', networkIds)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** How many applications in the scope have each of these statuses, per programme. */
export async function countApplications(db: Queryable, scope: ReviewScope, statuses: string[]) {
  if (isEmptyScope(scope) || statuses.length === 0) return [];
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('programmes as pr', 'pr.id', 'a.programme_id')
    .select(['a.programme_id', 'a.status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .where((eb) => inScope(eb, scope))
    .where('a.status', 'in', statuses)
    .groupBy(['a.programme_id', 'a.status'])
    .execute();
  return rows.map((r) => ({ programmeId: r.programme_id, status: r.status, count: Number(r.count) }));
}

/** The `limit` applicants who have waited longest in each programme and status. */
export async function firstApplicants(db: Queryable, scope: ReviewScope, statuses: string[], limit: number) {
  if (isEmptyScope(scope) || statuses.length === 0) return [];
  const ranked = db
    .selectFrom('applications as a')
    .innerJoin('programmes as pr', 'pr.id', 'a.programme_id')
    .innerJoin('people as pe', 'pe.id', 'a.person_id')
    .select([
      'a.id as application_id',
      'a.programme_id',
      'a.status',
      'pe.name',
      sql<number>`row_number() over (partition by a.programme_id, a.status order by a.updated_at, a.id)`.as(
        'position',
      ),
    ])
    .where((eb) => inScope(eb, scope))
    .where('a.status', 'in', statuses);
  return db
    .selectFrom(ranked.as('ranked'))
    .selectAll()
    .where('ranked.position', '<=', limit)
    .orderBy('ranked.programme_id')
    .orderBy('ranked.position')
    .execute();
}

/** Approved mentors in the scope (the mentor pool) with each training step they have completed in that programme. */
export async function poolMentorTraining(db: Queryable, scope: ReviewScope) {
  if (isEmptyScope(scope)) return [];
  return db
    .selectFrom('applications as a')
    .innerJoin('programmes as pr', 'pr.id', 'a.programme_id')
    .innerJoin('people as pe', 'pe.id', 'a.person_id')
    .leftJoin('training_records as t', (join) =>
      join.onRef('t.person_id', '=', 'a.person_id').onRef('t.programme_id', '=', 'a.programme_id'),
    )
    .select(['a.id as application_id', 'a.programme_id', 'pe.name', 't.step_key'])
    .where((eb) => inScope(eb, scope))
    .where('a.role', '=', 'mentor')
    .where('a.status', '=', 'approved')
    .where('pe.disabled_at', 'is', null)
    .orderBy('a.updated_at')
    .orderBy('a.id')
    .execute();
}

/**
 * Pending approval steps that may be addressed to this person: by e-mail, HR steps of the
 * organisations they coordinate, HR, coordinator and board steps of the networks they administer
 * (as `listPendingApprovalsFor`), with what the policy's approval subject needs to have the last word.
 */
export async function pendingApprovalsFor(
  db: Queryable,
  who: { email: string; coordinatedOrganisationIds: string[]; administeredNetworkIds: string[] },
) {
  const rows = await db
    .selectFrom('application_approvals as ap')
    .innerJoin('applications as a', 'a.id', 'ap.application_id')
    .innerJoin('programmes as pr', 'pr.id', 'a.programme_id')
    .innerJoin('people as pe', 'pe.id', 'a.person_id')
    .select((eb) => [
      'ap.id as approval_id',
      'ap.approver',
      'ap.approver_email',
      'a.id as application_id',
      'a.person_id as applicant_id',
      'a.organisation_id',
      'a.programme_id',
      'pr.name as programme_name',
      'pr.network_id',
      'pr.status as programme_status',
      'pe.name',
      'pe.email as applicant_email',
      // Whether the organisation has an active coordinator besides the applicant to answer for HR.
      eb
        .exists(
          eb
            .selectFrom('role_assignments as r')
            .innerJoin('people as hr', 'hr.id', 'r.person_id')
            .select('r.id')
            .where('r.role', '=', 'org_coordinator')
            .whereRef('r.organisation_id', '=', 'a.organisation_id')
            .where('hr.disabled_at', 'is', null)
            .whereRef('hr.id', '!=', 'a.person_id'),
        )
        .as('organisation_has_other_hr'),
    ])
    .where('ap.status', '=', 'pending')
    .where((eb) => addressedTo(eb, who))
    .orderBy('ap.requested_at')
    .orderBy('ap.id')
    .execute();
  // SQLite answers 0 or 1, PostgreSQL a boolean.
  return rows.map((row) => ({ ...row, organisation_has_other_hr: Boolean(row.organisation_has_other_hr) }));
}

/** The person's own applications, newest first, each with the approval step it waits for, if any. */
export async function ownApplications(db: Queryable, personId: string) {
  return (
    db
      .selectFrom('applications as a')
      .innerJoin('programmes as pr', 'pr.id', 'a.programme_id')
      .leftJoin('application_approvals as ap', (join) =>
        join.onRef('ap.application_id', '=', 'a.id').on('ap.status', '=', 'pending'),
      )
      // The account the step was sent to, whose name is the one to show.
      .leftJoin('people as addressed', 'addressed.email', 'ap.approver_email')
      .select([
        'a.id',
        'a.programme_id',
        'pr.name as programme_name',
        'pr.network_id',
        'a.role',
        'a.status',
        'a.submitted_at',
        'a.updated_at',
        'a.decision_reason',
        'ap.approver',
        'ap.label',
        'ap.description',
        'ap.approver_name',
        'addressed.name as approver_account_name',
        'ap.requested_at',
      ])
      .where('a.person_id', '=', personId)
      .orderBy('a.submitted_at', 'desc')
      .orderBy('a.id')
      .execute()
  );
}

/** Programmes taking applications in these networks, with every round's application period. */
export async function openProgrammesWithRounds(db: Queryable, networkIds: string[]) {
  if (networkIds.length === 0) return [];
  return db
    .selectFrom('programmes as pr')
    .leftJoin('rounds as r', 'r.programme_id', 'pr.id')
    .select([
      'pr.id',
      'pr.name',
      'pr.network_id',
      'r.id as round_id',
      'r.ends_on',
      'r.applications_open_on',
      'r.applications_close_on',
    ])
    .where('pr.network_id', 'in', networkIds)
    .where('pr.status', '=', 'open')
    .orderBy('pr.name')
    .orderBy('pr.id')
    .execute();
}
