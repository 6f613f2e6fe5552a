import { type ApproverName, approverIn } from '../../../shared/approval-texts.ts';
import type { Approval, DecidedApproval } from '../../../shared/intake.ts';
import type { ProgrammeSettings } from '../../../shared/programme.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { type ApprovalSubject, authorize, authorizeLinkDecision, can } from '../../authz/policy.ts';
import type { Queryable } from '../../db/connection.ts';
import type { Deps as IntakeDeps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { digestToken, newId, newSecretToken } from '../../util.ts';
import { findPersonByEmail } from '../auth/auth.repository.ts';
import { roleNames } from '../mail/mail.templates.ts';
import { parseSettings, presentApproval, presentForApprover } from './applications.presenter.ts';
import * as repo from './applications.repository.ts';

/** How long an approval link works; a reminder sends a fresh one. */
export const approvalLinkDays = 30;

interface Approver {
  name: string | null;
  email: string | null;
}

/**
 * Who is asked for a step: the manager the applicant named, the organisation's HR (its first
 * coordinator), or the network's administrators, who also answer for HR where the organisation has
 * no coordinator. The applicant is never asked about their own application.
 */
async function resolveApprover(
  db: Queryable,
  application: repo.ApplicationView,
  approver: string,
  manager: { name: string; email: string } | null,
): Promise<Approver> {
  if (approver === 'manager') return { name: manager?.name ?? null, email: manager?.email ?? null };
  if (approver === 'hr') {
    const hr = await repo.firstActiveHolder(
      db,
      { role: 'org_coordinator', organisationId: application.organisation_id },
      application.person_id,
    );
    if (hr) return hr;
  }
  const admin = await repo.firstActiveHolder(
    db,
    { role: 'network_admin', networkId: application.network_id },
    application.person_id,
  );
  return admin ?? { name: null, email: null };
}

/** The step as the policy weighs it: whose application, and whom the step asks. */
async function approvalSubject(
  db: Queryable,
  approval: repo.ApprovalRow,
  application: repo.ApplicationView,
): Promise<ApprovalSubject> {
  return {
    type: 'approval',
    networkId: application.network_id,
    organisationId: application.organisation_id,
    applicantId: application.person_id,
    applicantEmail: application.applicant_email,
    approver: approval.approver as ApprovalSubject['approver'],
    approverEmail: approval.approver_email,
    organisationHasOtherHr:
      approval.approver === 'hr' &&
      (await repo.firstActiveHolder(
        db,
        { role: 'org_coordinator', organisationId: application.organisation_id },
        application.person_id,
      )) !== undefined,
  };
}

/**
 * Creates the programme's approval steps for this application, in order, and asks the first. A
 * chain started again (the application moved to another organisation) follows the old steps.
 */
export async function createApprovalChain(
  deps: IntakeDeps,
  db: Queryable,
  application: repo.ApplicationView,
  settings: ProgrammeSettings,
  manager: { name: string; email: string } | null,
  firstPosition = 0,
): Promise<void> {
  const steps = settings.approvalSteps.filter((s) =>
    s.appliesTo.includes(application.role as 'adept' | 'mentor'),
  );
  const rows: repo.ApprovalRow[] = [];
  for (const [index, step] of steps.entries()) {
    const approver = await resolveApprover(db, application, step.approver, manager);
    rows.push({
      id: newId(),
      application_id: application.id,
      position: firstPosition + index,
      step_key: step.key,
      approver: step.approver,
      label: JSON.stringify(step.approverName),
      description: step.description ? JSON.stringify(step.description) : null,
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
  const now = deps.clock.now();
  if (next) {
    await requestApproval(deps, db, application, next, false, now);
    return;
  }
  await repo.updateApplication(db, application.id, {
    status: 'pending_review',
    updated_at: now.toISOString(),
  });
  // The applicant, if an administrator, is not asked to review their own application.
  const admins = await repo.activeAdministrators(db, application.network_id, application.person_id);
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
  at: Date,
): Promise<boolean> {
  const { token, digest } = newSecretToken();
  const now = at.toISOString();
  // The link works for `approvalLinkDays` from the moment it is sent.
  const expiresAt = new Date(at.getTime() + approvalLinkDays * 86_400_000).toISOString();
  const moved = reminder
    ? await repo.claimReminder(db, approval.id, approval.reminded_at, {
        token_hash: digest,
        token_expires_at: expiresAt,
        reminded_at: now,
      })
    : await repo.transitionApproval(db, approval.id, 'waiting', {
        status: 'pending',
        token_hash: digest,
        token_expires_at: expiresAt,
        requested_at: now,
      });
  if (!moved || !approval.approver_email) return moved;
  const approverAccount = await findPersonByEmail(db, approval.approver_email);
  const locale = ((approverAccount?.locale as Locale | undefined) ?? application.applicant_locale) as Locale;
  const approverName = JSON.parse(approval.label) as ApproverName;
  const description = approval.description ? (JSON.parse(approval.description) as ApproverName) : null;
  await deps.mailer.enqueue(db, {
    kind: 'approval_requested',
    to: approval.approver_email,
    locale,
    networkId: application.network_id,
    params: {
      applicant: application.applicant_name,
      programme: application.programme_name,
      roleName: roleNames[locale][application.role] ?? application.role,
      approver: approverIn(approverName, locale),
      description: description ? approverIn(description, locale) : null,
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
  /** For a declined step: who did not approve, by the programme's name for them. */
  approverName: ApproverName | null = null,
): Promise<void> {
  const locale = application.applicant_locale as Locale;
  await deps.mailer.enqueue(db, {
    kind: 'application_decided',
    to: application.applicant_email,
    locale,
    networkId: application.network_id,
    params: {
      programme: application.programme_name,
      outcome,
      approver: approverName ? approverIn(approverName, locale) : null,
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
  // Not approving always says why: the applicant and the coordinator read it (the schema asks too).
  if (decision === 'decline' && !comment?.trim())
    throw AppError.validation('comment', 'reason_required_to_decline');
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const moved = await repo.transitionApproval(trx, approval.id, 'pending', {
      status: decision === 'approve' ? 'approved' : 'declined',
      comment,
      decided_at: now,
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
        updated_at: now,
      });
      await notifyApplicant(deps, trx, application, 'declined', comment, JSON.parse(approval.label));
    }
    return presentApproval((await repo.findApproval(trx, approval.id))!);
  });
}

async function approvalForToken(deps: IntakeDeps, token: string): Promise<repo.ApprovalView> {
  const approval = await repo.findApprovalByTokenHash(deps.db, digestToken(token));
  const now = deps.clock.now().toISOString();
  if (approval?.status !== 'pending' || !approval.token_expires_at || approval.token_expires_at <= now) {
    throw new AppError('token_invalid');
  }
  return approval;
}

/** The step and the approver's summary of the application (presentForApprover), with the labels to show it. */
async function approvalRequest(deps: IntakeDeps, approval: repo.ApprovalView, locale: Locale) {
  const application = (await repo.findApplication(deps.db, approval.application_id))!;
  const settings = parseSettings(application.programme_settings);
  return {
    approval: presentApproval(approval),
    application: await presentForApprover(deps.db, application, locale, deps.clock.now().toISOString()),
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

/** Deciding from the mailed link: whoever reads the address it went to, unless that is the applicant. */
export async function decideByToken(
  deps: IntakeDeps,
  actor: Actor | null,
  token: string,
  decision: 'approve' | 'decline',
  comment: string | null,
): Promise<Approval> {
  const approval = await approvalForToken(deps, token);
  const application = (await repo.findApplication(deps.db, approval.application_id))!;
  authorizeLinkDecision(actor, await approvalSubject(deps.db, approval, application));
  return decide(deps, approval, decision, comment, actor?.personId ?? null);
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
  if (!approval || !application) throw notFound();
  // A step not addressed to you does not exist, as far as you can tell; your own application's steps are not yours to decide (403).
  authorize(actor, 'decide', await approvalSubject(deps.db, approval, application));
  if (approval.status !== 'pending') throw new AppError('conflict');
  return decide(deps, approval, decision, comment, actor.personId);
}

/**
 * The pending steps the actor may decide, as the policy has it (never those of their own
 * applications), each with its application. Whatever lists or counts someone's approvals uses this,
 * so no list can disagree with what deciding allows.
 */
export async function decidableApprovals(db: Queryable, actor: Actor) {
  const candidates = await repo.listPendingApprovalsFor(db, {
    email: actor.email,
    coordinatedOrganisationIds: actor.roles
      .filter((r) => r.role === 'org_coordinator' && r.organisationId)
      .map((r) => r.organisationId as string),
    administeredNetworkIds: actor.roles.filter((r) => r.role === 'network_admin').map((r) => r.networkId),
  });
  const result: { approval: repo.ApprovalView; application: repo.ApplicationView }[] = [];
  for (const candidate of candidates) {
    const approval = (await repo.findApproval(db, candidate.id))!;
    const application = (await repo.findApplication(db, approval.application_id))!;
    if (can(actor, 'decide', await approvalSubject(db, approval, application)))
      result.push({ approval, application });
  }
  return result;
}

export async function listOwnPendingApprovals(deps: IntakeDeps, actor: Actor, locale: Locale) {
  const result = [];
  for (const { approval } of await decidableApprovals(deps.db, actor)) {
    result.push(await approvalRequest(deps, approval, locale));
  }
  return result;
}

/** How many decided steps the history shows. */
export const approvalHistoryLimit = 100;

/** The steps the actor has decided, newest first: what, when, the decision and the comment. */
export async function listOwnDecidedApprovals(deps: IntakeDeps, actor: Actor): Promise<DecidedApproval[]> {
  const rows = await repo.listDecidedApprovalsBy(
    deps.db,
    { personId: actor.personId, email: actor.email },
    approvalHistoryLimit,
  );
  return rows.map((row) => ({
    approval: presentApproval(row),
    application: {
      id: row.application_id,
      programmeName: row.programme_name,
      role: row.role as DecidedApproval['application']['role'],
      applicantName: row.applicant_name,
      organisationName: row.organisation_name,
    },
  }));
}

// --- Reminders ------------------------------------------------------------------------------------

/**
 * Mails a fresh link for every approval that has waited longer than its programme's reminder
 * interval since it was asked or last reminded, as of `now` (the clock's time unless given). Safe
 * to run from every instance: the conditional update lets only one of them remind each approval.
 */
export async function sendApprovalReminders(deps: IntakeDeps, now: Date = deps.clock.now()): Promise<number> {
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
