import type { ExpressionBuilder } from 'kysely';
import type { Queryable } from '../../db/connection.ts';
import type { ApplicationApprovalTable, ApplicationTable, Database } from '../../db/database.ts';

export type ApplicationRow = ApplicationTable;
export type ApprovalRow = ApplicationApprovalTable;
/**
 * An approval step with the name of whoever decided it signed in, and the account (if any) whose
 * address it was sent to: the manager the applicant named is shown by their own account's name.
 */
export type ApprovalView = ApprovalRow & {
  decided_by_name: string | null;
  approver_account_id: string | null;
  approver_account_name: string | null;
};

/** An application with what every view of it shows: the applicant, the organisation, the programme. */
export type ApplicationView = ApplicationRow & {
  applicant_name: string;
  applicant_email: string;
  applicant_locale: string;
  organisation_name: string;
  programme_name: string;
  network_id: string;
  programme_settings: string;
  /** Who made the intake decision (admitted, rejected, asked for completion), if anyone has. */
  decided_by_name: string | null;
};

function selectApplications(db: Queryable) {
  return db
    .selectFrom('applications as a')
    .innerJoin('people as pe', 'pe.id', 'a.person_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .innerJoin('programmes as pr', 'pr.id', 'a.programme_id')
    .leftJoin('people as decider', 'decider.id', 'a.decided_by')
    .selectAll('a')
    .select([
      'decider.name as decided_by_name',
      'pe.name as applicant_name',
      'pe.email as applicant_email',
      'pe.locale as applicant_locale',
      'o.name as organisation_name',
      'pr.name as programme_name',
      'pr.network_id as network_id',
      'pr.settings as programme_settings',
    ]);
}

export async function findApplication(db: Queryable, id: string): Promise<ApplicationView | undefined> {
  return selectApplications(db).where('a.id', '=', id).executeTakeFirst();
}

export async function listApplicationsOfPerson(db: Queryable, personId: string): Promise<ApplicationView[]> {
  return selectApplications(db)
    .where('a.person_id', '=', personId)
    .orderBy('a.submitted_at', 'desc')
    .orderBy('a.id')
    .execute();
}

export interface ApplicationFilter {
  organisationIds: 'all' | string[];
  role?: string | undefined;
  organisationId?: string | undefined;
  status?: string | undefined;
  roundId?: string | undefined;
}

export async function listApplicationsOfProgramme(
  db: Queryable,
  programmeId: string,
  filter: ApplicationFilter,
): Promise<ApplicationView[]> {
  if (filter.organisationIds !== 'all' && filter.organisationIds.length === 0) return [];
  let query = selectApplications(db).where('a.programme_id', '=', programmeId);
  if (filter.organisationIds !== 'all')
    query = query.where('a.organisation_id', 'in', filter.organisationIds);
  if (filter.role) query = query.where('a.role', '=', filter.role);
  if (filter.organisationId) query = query.where('a.organisation_id', '=', filter.organisationId);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.roundId) query = query.where('a.round_id', '=', filter.roundId);
  return query.orderBy('a.submitted_at', 'desc').orderBy('a.id').execute();
}

export async function findOpenApplication(
  db: Queryable,
  personId: string,
  programmeId: string,
  role: string,
) {
  return db
    .selectFrom('applications')
    .select('id')
    .where('person_id', '=', personId)
    .where('programme_id', '=', programmeId)
    .where('role', '=', role)
    .where('status', 'in', ['awaiting_approval', 'pending_review', 'completion_requested', 'approved'])
    .executeTakeFirst();
}

export async function insertApplication(db: Queryable, row: ApplicationRow): Promise<void> {
  await db.insertInto('applications').values(row).execute();
}

export async function updateApplication(
  db: Queryable,
  id: string,
  changes: Partial<Omit<ApplicationRow, 'id' | 'programme_id' | 'person_id'>> & { updated_at: string },
): Promise<void> {
  await db.updateTable('applications').set(changes).where('id', '=', id).execute();
}

/** Moves an application on only from the status the caller saw, so two deciders cannot both win. */
export async function transitionApplication(
  db: Queryable,
  id: string,
  from: string,
  changes: Partial<Omit<ApplicationRow, 'id' | 'programme_id' | 'person_id'>> & { updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The version number of each of these personal-data notices. */
export async function noticeVersions(db: Queryable, noticeIds: string[]): Promise<Map<string, number>> {
  if (noticeIds.length === 0) return new Map();
  const notices = await db
    .selectFrom('privacy_notices')
    .select(['id', 'version'])
    .where('id', 'in', noticeIds)
    .execute();
  return new Map(notices.map((n) => [n.id, Number(n.version)]));
}

// --- Approvals ----------------------------------------------------------------------------------

export async function insertApprovals(db: Queryable, rows: ApprovalRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('application_approvals').values(rows).execute();
}

function selectApprovals(db: Queryable) {
  return (
    db
      .selectFrom('application_approvals as ap')
      .leftJoin('people as decider', 'decider.id', 'ap.decided_by')
      // Addresses are kept in lower case (the e-mail schema), so equality finds the account.
      .leftJoin('people as addressed', 'addressed.email', 'ap.approver_email')
      .selectAll('ap')
      .select([
        'decider.name as decided_by_name',
        'addressed.id as approver_account_id',
        'addressed.name as approver_account_name',
      ])
  );
}

export async function approvalsOf(
  db: Queryable,
  applicationIds: string[],
): Promise<Map<string, ApprovalView[]>> {
  const byApplication = new Map<string, ApprovalView[]>();
  if (applicationIds.length === 0) return byApplication;
  const rows = await selectApprovals(db)
    .where('ap.application_id', 'in', applicationIds)
    .orderBy('ap.position')
    .execute();
  for (const row of rows) {
    const list = byApplication.get(row.application_id) ?? [];
    list.push(row);
    byApplication.set(row.application_id, list);
  }
  return byApplication;
}

export async function findApproval(db: Queryable, id: string): Promise<ApprovalView | undefined> {
  return selectApprovals(db).where('ap.id', '=', id).executeTakeFirst();
}

export async function findApprovalByTokenHash(
  db: Queryable,
  tokenHash: string,
): Promise<ApprovalView | undefined> {
  return selectApprovals(db).where('ap.token_hash', '=', tokenHash).executeTakeFirst();
}

/** Moves an approval on only from the status the caller saw, so two deciders cannot both win. */
export async function transitionApproval(
  db: Queryable,
  id: string,
  from: string,
  changes: Partial<Omit<ApprovalRow, 'id' | 'application_id'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('application_approvals')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Takes the right to remind an approval; fails if another instance reminded it since it was read. */
export async function claimReminder(
  db: Queryable,
  id: string,
  previousRemindedAt: string | null,
  changes: Pick<ApprovalRow, 'token_hash' | 'token_expires_at' | 'reminded_at'>,
): Promise<boolean> {
  const result = await db
    .updateTable('application_approvals')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) =>
      previousRemindedAt === null
        ? eb('reminded_at', 'is', null)
        : eb('reminded_at', '=', previousRemindedAt),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The steps that no longer count, the application having moved: kept in the trail as superseded. */
export async function supersedeApprovals(db: Queryable, applicationId: string): Promise<void> {
  await db
    .updateTable('application_approvals')
    .set({ status: 'superseded', token_hash: null })
    .where('application_id', '=', applicationId)
    .where('status', 'in', ['waiting', 'pending', 'approved'])
    .execute();
}

export async function cancelOpenApprovals(db: Queryable, applicationId: string): Promise<void> {
  await db
    .updateTable('application_approvals')
    .set({ status: 'cancelled', token_hash: null })
    .where('application_id', '=', applicationId)
    .where('status', 'in', ['waiting', 'pending'])
    .execute();
}

/** Pending approvals whose last mail is older than the cut-off of their programme. */
export async function listPendingApprovals(db: Queryable) {
  return db
    .selectFrom('application_approvals as ap')
    .innerJoin('applications as a', 'a.id', 'ap.application_id')
    .innerJoin('programmes as pr', 'pr.id', 'a.programme_id')
    .selectAll('ap')
    .select(['pr.settings as programme_settings'])
    .where('ap.status', '=', 'pending')
    .execute();
}

/** Who a pending approval can be addressed to, as the queries over `ap`, `a` and `pr` see it. */
export interface ApproverScope {
  email: string;
  coordinatedOrganisationIds: string[];
  administeredNetworkIds: string[];
}

type ApprovalTables = Database & {
  ap: Database['application_approvals'];
  a: Database['applications'];
  pr: Database['programmes'];
};

/**
 * Approvals addressed to this person: by e-mail, HR steps of organisations they coordinate, and the
 * administrators' steps of their networks. The policy has the last word on who decides.
 */
export function addressedTo(eb: ExpressionBuilder<ApprovalTables, 'ap' | 'a' | 'pr'>, who: ApproverScope) {
  const conditions = [eb('ap.approver_email', '=', who.email)];
  if (who.coordinatedOrganisationIds.length > 0) {
    conditions.push(
      eb.and([eb('ap.approver', '=', 'hr'), eb('a.organisation_id', 'in', who.coordinatedOrganisationIds)]),
    );
  }
  if (who.administeredNetworkIds.length > 0) {
    conditions.push(
      eb.and([
        eb('ap.approver', 'in', ['hr', 'coordinator', 'board']),
        eb('pr.network_id', 'in', who.administeredNetworkIds),
      ]),
    );
  }
  return eb.or(conditions);
}

/** Pending approvals that may be addressed to a signed-in person: by e-mail, or to a group they belong to; the policy has the last word. */
export async function listPendingApprovalsFor(db: Queryable, who: ApproverScope) {
  return db
    .selectFrom('application_approvals as ap')
    .innerJoin('applications as a', 'a.id', 'ap.application_id')
    .innerJoin('programmes as pr', 'pr.id', 'a.programme_id')
    .selectAll('ap')
    .where('ap.status', '=', 'pending')
    .where((eb) => addressedTo(eb, who))
    .orderBy('ap.requested_at')
    .execute();
}

/**
 * Steps a person has decided: signed in, or from the link mailed to their address while signed out
 * (the address is theirs). Newest first, at most `limit`.
 */
export async function listDecidedApprovalsBy(
  db: Queryable,
  who: { personId: string; email: string },
  limit: number,
): Promise<
  (ApprovalView & {
    programme_name: string;
    role: string;
    applicant_name: string;
    organisation_name: string;
  })[]
> {
  return selectApprovals(db)
    .innerJoin('applications as a', 'a.id', 'ap.application_id')
    .innerJoin('programmes as pr', 'pr.id', 'a.programme_id')
    .innerJoin('people as applicant', 'applicant.id', 'a.person_id')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select([
      'pr.name as programme_name',
      'a.role',
      'applicant.name as applicant_name',
      'o.name as organisation_name',
    ])
    .where('ap.status', 'in', ['approved', 'declined'])
    .where((eb) =>
      eb.or([
        eb('ap.decided_by', '=', who.personId),
        eb.and([eb('ap.decided_by', 'is', null), eb('ap.approver_email', '=', who.email)]),
      ]),
    )
    .orderBy('ap.decided_at', 'desc')
    .orderBy('ap.id')
    .limit(limit)
    .execute();
}

// --- Whom a step asks ------------------------------------------------------------------------------

/**
 * The first active holder of a role in an organisation (coordinators) or a network (administrators),
 * leaving out one person (the applicant, who never approves their own application).
 */
export async function firstActiveHolder(
  db: Queryable,
  where: { role: 'org_coordinator'; organisationId: string } | { role: 'network_admin'; networkId: string },
  excludePersonId: string,
): Promise<{ name: string; email: string } | undefined> {
  let query = db
    .selectFrom('role_assignments as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['p.name', 'p.email'])
    .where('r.role', '=', where.role)
    .where('p.disabled_at', 'is', null)
    .where('p.id', '!=', excludePersonId);
  query =
    where.role === 'org_coordinator'
      ? query.where('r.organisation_id', '=', where.organisationId)
      : query.where('r.network_id', '=', where.networkId);
  return query.orderBy('r.created_at').orderBy('r.id').executeTakeFirst();
}

/** The active administrators of a network, leaving out one person. */
export async function activeAdministrators(db: Queryable, networkId: string, excludePersonId: string) {
  return db
    .selectFrom('role_assignments as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['p.email', 'p.locale'])
    .where('r.role', '=', 'network_admin')
    .where('r.network_id', '=', networkId)
    .where('p.disabled_at', 'is', null)
    .where('p.id', '!=', excludePersonId)
    .execute();
}

export async function completedTrainingSteps(
  db: Queryable,
  pairs: { personId: string; programmeId: string }[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (pairs.length === 0) return result;
  const rows = await db
    .selectFrom('training_records')
    .select(['person_id', 'programme_id', 'step_key'])
    .where(
      'person_id',
      'in',
      pairs.map((p) => p.personId),
    )
    .execute();
  for (const row of rows) {
    const key = `${row.person_id}:${row.programme_id}`;
    result.set(key, [...(result.get(key) ?? []), row.step_key]);
  }
  return result;
}
