import type { Approval } from '../../../shared/intake.ts';
import type { ProgrammeSettings } from '../../../shared/programme.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { coordinatesOrganisation, isNetworkAdmin } from '../../authz/policy.ts';
import type { Queryable } from '../../db/connection.ts';
import type { Deps as IntakeDeps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { digestToken, isoAfter, newId, newSecretToken, nowIso } from '../../util.ts';
import { findPersonByEmail } from '../auth/auth.repository.ts';
import { roleNames } from '../mail/mail.templates.ts';
import { parseSettings, present, presentApproval } from './applications.presenter.ts';
import * as repo from './applications.repository.ts';

/** How long an approval link works; a reminder sends a fresh one. */
export const approvalLinkDays = 30;

interface Approver {
  name: string | null;
  email: string | null;
}

/** Who is asked for a step: the manager the applicant named, the organisation's HR, or the network's administrators. */
async function resolveApprover(
  db: Queryable,
  application: repo.ApplicationView,
  approver: string,
  manager: { name: string; email: string } | null,
): Promise<Approver> {
  if (approver === 'manager') return { name: manager?.name ?? null, email: manager?.email ?? null };
  const role = approver === 'hr' ? 'org_coordinator' : 'network_admin';
  let query = db
    .selectFrom('role_assignments as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['p.name', 'p.email'])
    .where('r.role', '=', role)
    .where('p.disabled_at', 'is', null);
  query =
    role === 'org_coordinator'
      ? query.where('r.organisation_id', '=', application.organisation_id)
      : query.where('r.network_id', '=', application.network_id);
  const first = await query.orderBy('r.created_at').orderBy('r.id').executeTakeFirst();
  if (first) return first;
  // No HR contact in the organisation: the network's administrators answer for it.
  return approver === 'hr'
    ? resolveApprover(db, application, 'coordinator', null)
    : { name: null, email: null };
}

/** Creates the programme's approval steps for this application, in order, and asks the first. */
export async function createApprovalChain(
  deps: IntakeDeps,
  db: Queryable,
  application: repo.ApplicationView,
  settings: ProgrammeSettings,
  manager: { name: string; email: string } | null,
): Promise<void> {
  const steps = settings.approvalSteps.filter((s) =>
    s.appliesTo.includes(application.role as 'adept' | 'mentor'),
  );
  const rows: repo.ApprovalRow[] = [];
  for (const [position, step] of steps.entries()) {
    const approver = await resolveApprover(db, application, step.approver, manager);
    rows.push({
      id: newId(),
      application_id: application.id,
      position,
      step_key: step.key,
      approver: step.approver,
      label: JSON.stringify(step.label),
      approver_name: approver.name,
      approver_email: approver.email,
      status: 'waiting',
      comment: null,
      token_hash: null,
      token_expires_at: null,
      requested_at: null,
      reminded_at: null,
      decided_at: null,
      decided_by: null,
    });
  }
  await repo.insertApprovals(db, rows);
  await advance(deps, db, application);
}

/**
 * Asks the next waiting step, or, when every step is approved, hands the application to the
 * coordinator for review.
 */
async function advance(deps: IntakeDeps, db: Queryable, application: repo.ApplicationView): Promise<void> {
  const approvals = (await repo.approvalsOf(db, [application.id])).get(application.id) ?? [];
  if (approvals.some((a) => a.status === 'pending')) return;
  const next = approvals.find((a) => a.status === 'waiting');
  if (next) {
    await requestApproval(deps, db, application, next, false);
    return;
  }
  await repo.updateApplication(db, application.id, { status: 'pending_review', updated_at: nowIso() });
  const admins = await db
    .selectFrom('role_assignments as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select(['p.email', 'p.locale'])
    .where('r.role', '=', 'network_admin')
    .where('r.network_id', '=', application.network_id)
    .where('p.disabled_at', 'is', null)
    .execute();
  for (const admin of admins) {
    await deps.mailer.enqueue(db, {
      kind: 'application_ready',
      to: admin.email,
      locale: admin.locale as Locale,
      networkId: application.network_id,
      params: {
        applicant: application.applicant_name,
        programme: application.programme_name,
        link: `${deps.config.publicUrl}/applications/${application.id}`,
      },
    });
  }
}

async function requestApproval(
  deps: IntakeDeps,
  db: Queryable,
  application: repo.ApplicationView,
  approval: repo.ApprovalRow,
  reminder: boolean,
  at: Date = new Date(),
): Promise<boolean> {
  const { token, digest } = newSecretToken();
  const now = at.toISOString();
  const moved = reminder
    ? await repo.claimReminder(db, approval.id, approval.reminded_at, {
        token_hash: digest,
        token_expires_at: isoAfter(approvalLinkDays * 86_400_000, at),
        reminded_at: now,
      })
    : await repo.transitionApproval(db, approval.id, 'waiting', {
        status: 'pending',
        token_hash: digest,
        token_expires_at: isoAfter(approvalLinkDays * 86_400_000),
        requested_at: now,
      });
  if (!moved || !approval.approver_email) return moved;
  const approverAccount = await findPersonByEmail(db, approval.approver_email);
  const locale = ((approverAccount?.locale as Locale | undefined) ?? application.applicant_locale) as Locale;
  const label = JSON.parse(approval.label) as Record<Locale, string>;
  await deps.mailer.enqueue(db, {
    kind: 'approval_requested',
    to: approval.approver_email,
    locale,
    networkId: application.network_id,
    params: {
      applicant: application.applicant_name,
      programme: application.programme_name,
      roleName: roleNames[locale][application.role] ?? application.role,
      step: label[locale],
      link: `${deps.config.publicUrl}/approvals/respond?token=${token}`,
      days: approvalLinkDays,
      reminder,
    },
  });
  return moved;
}

export async function notifyApplicant(
  deps: IntakeDeps,
  db: Queryable,
  application: repo.ApplicationView,
  outcome: 'approved' | 'declined' | 'rejected' | 'completion_requested',
  reason: string | null,
): Promise<void> {
  await deps.mailer.enqueue(db, {
    kind: 'application_decided',
    to: application.applicant_email,
    locale: application.applicant_locale as Locale,
    networkId: application.network_id,
    params: {
      programme: application.programme_name,
      outcome,
      reason,
      link: `${deps.config.publicUrl}/applications/${application.id}`,
    },
  });
}

// --- Deciding ---------------------------------------------------------------------------------------

async function decide(
  deps: IntakeDeps,
  approval: repo.ApprovalRow,
  decision: 'approve' | 'decline',
  comment: string | null,
  decidedBy: string | null,
): Promise<Approval> {
  return deps.db.transaction().execute(async (trx) => {
    const moved = await repo.transitionApproval(trx, approval.id, 'pending', {
      status: decision === 'approve' ? 'approved' : 'declined',
      comment,
      decided_at: nowIso(),
      decided_by: decidedBy,
      token_hash: null,
    });
    if (!moved) throw new AppError('conflict');
    const application = (await repo.findApplication(trx, approval.application_id))!;
    if (decision === 'approve') {
      await advance(deps, trx, application);
    } else {
      await repo.cancelOpenApprovals(trx, application.id);
      await repo.updateApplication(trx, application.id, {
        status: 'declined',
        decision_reason: comment,
        updated_at: nowIso(),
      });
      await notifyApplicant(deps, trx, application, 'declined', comment);
    }
    return presentApproval((await repo.findApproval(trx, approval.id))!);
  });
}

async function approvalForToken(deps: IntakeDeps, token: string) {
  const approval = await repo.findApprovalByTokenHash(deps.db, digestToken(token));
  if (approval?.status !== 'pending' || !approval.token_expires_at || approval.token_expires_at <= nowIso()) {
    throw new AppError('token_invalid');
  }
  return approval;
}

/** The step and a summary of the application without private answers, with the labels to show it. */
async function approvalRequest(deps: IntakeDeps, approval: repo.ApprovalRow, locale: Locale) {
  const application = (await repo.findApplication(deps.db, approval.application_id))!;
  const settings = parseSettings(application.programme_settings);
  return {
    approval: presentApproval(approval),
    application: (await present(deps.db, [application], { locale, forApprover: true }))[0]!,
    labels: {
      developmentAreas: settings.developmentAreas,
      applicationQuestions: settings.applicationQuestions.filter((q) => !q.private),
    },
  };
}

/** What the approver sees from the mailed link. */
export async function getApprovalByToken(deps: IntakeDeps, token: string, locale: Locale) {
  return approvalRequest(deps, await approvalForToken(deps, token), locale);
}

export async function decideByToken(
  deps: IntakeDeps,
  token: string,
  decision: 'approve' | 'decline',
  comment: string | null,
): Promise<Approval> {
  const approval = await approvalForToken(deps, token);
  return decide(deps, approval, decision, comment, null);
}

/** Whether a signed-in person is the one asked: addressed by e-mail, HR of the organisation, or an administrator. */
function mayDecide(actor: Actor, approval: repo.ApprovalRow, application: repo.ApplicationView): boolean {
  if (approval.approver_email && approval.approver_email === actor.email) return true;
  if (approval.approver === 'hr') return coordinatesOrganisation(actor, application.organisation_id);
  if (approval.approver === 'coordinator' || approval.approver === 'board') {
    return isNetworkAdmin(actor, application.network_id);
  }
  return false;
}

export async function decideAsSignedIn(
  deps: IntakeDeps,
  actor: Actor,
  approvalId: string,
  decision: 'approve' | 'decline',
  comment: string | null,
): Promise<Approval> {
  const approval = await repo.findApproval(deps.db, approvalId);
  const application = approval ? await repo.findApplication(deps.db, approval.application_id) : undefined;
  // An approval that is not yours does not exist, as far as you can tell.
  if (!approval || !application || !mayDecide(actor, approval, application)) throw notFound();
  if (approval.status !== 'pending') throw new AppError('conflict');
  return decide(deps, approval, decision, comment, actor.personId);
}

export async function listOwnPendingApprovals(deps: IntakeDeps, actor: Actor, locale: Locale) {
  const rows = await repo.listPendingApprovalsFor(deps.db, {
    email: actor.email,
    coordinatedOrganisationIds: actor.roles
      .filter((r) => r.role === 'org_coordinator' && r.organisationId)
      .map((r) => r.organisationId as string),
    administeredNetworkIds: actor.roles.filter((r) => r.role === 'network_admin').map((r) => r.networkId),
  });
  const result = [];
  for (const approval of rows) result.push(await approvalRequest(deps, approval, locale));
  return result;
}

// --- Reminders ------------------------------------------------------------------------------------

/**
 * Mails a fresh link for every approval that has waited longer than its programme's reminder
 * interval since it was asked or last reminded. Safe to run from every instance: the conditional
 * update lets only one of them remind each approval.
 */
export async function sendApprovalReminders(deps: IntakeDeps, now: Date = new Date()): Promise<number> {
  const pending = await repo.listPendingApprovals(deps.db);
  let sent = 0;
  for (const approval of pending) {
    const settings = parseSettings(approval.programme_settings);
    const last = approval.reminded_at ?? approval.requested_at;
    if (!last) continue;
    const due = Date.parse(last) + settings.intake.approvalReminderDays * 86_400_000;
    if (due > now.getTime()) continue;
    await deps.db.transaction().execute(async (trx) => {
      const application = (await repo.findApplication(trx, approval.application_id))!;
      if (await requestApproval(deps, trx, application, approval, true, now)) sent++;
    });
  }
  return sent;
}
