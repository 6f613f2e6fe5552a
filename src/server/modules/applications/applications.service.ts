import type { z } from 'zod';
import { todayInSweden } from '../../../shared/calendar.ts';
import type {
  Application,
  ApplyBody,
  applicationDecisionBodySchema,
  applicationListQuerySchema,
  bulkActionBodySchema,
  Eligibility,
  MentorProfile,
  ProfileBasics,
} from '../../../shared/intake.ts';
import type { ProgrammeSettings, Round } from '../../../shared/programme.ts';
import type { Locale, ParticipantRole } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { authorize, can, isOwnApplication, visibleOrganisationIds } from '../../authz/policy.ts';
import type { Queryable } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError, type FieldError, notFound } from '../../errors.ts';
import type { UncheckedBody } from '../../http/validation.ts';
import { newId } from '../../util.ts';
import { roleNames } from '../mail/mail.templates.ts';
import { recordAudit } from '../privacy/audit.ts';
import { findLatestNotice } from '../privacy/privacy.repository.ts';
import { grantConsents, optionalPurposes } from '../privacy/privacy.service.ts';
import { saveProfileFromApplication } from '../profiles/profiles.service.ts';
import { findProgramme, listRounds } from '../programmes/programmes.repository.ts';
import { type ApplyParts, applicationErrors, periodErrors, readApplyInput } from './application-input.ts';
import { currentApprovals, parseSettings, present } from './applications.presenter.ts';
import * as repo from './applications.repository.ts';
import { createApprovalChain, notifyApplicant } from './approvals.service.ts';
import { assessEligibility } from './eligibility.ts';

/** What the intake services need: the database, the configuration (public URL) and the mailer. */
export type IntakeDeps = Deps;

// --- Loading with access checks ---------------------------------------------------------------

async function loadProgramme(db: Queryable, actor: Actor | null, programmeId: string) {
  const row = await findProgramme(db, programmeId);
  if (!row) throw notFound();
  authorize(actor, 'read', { type: 'programme', networkId: row.network_id });
  return { ...row, parsedSettings: parseSettings(row.settings) };
}

const applicationSubject = (row: repo.ApplicationView) => ({
  type: 'application' as const,
  networkId: row.network_id,
  organisationId: row.organisation_id,
  applicantId: row.person_id,
});

async function loadApplication(db: Queryable, actor: Actor | null, id: string) {
  const row = await repo.findApplication(db, id);
  if (!row) throw notFound();
  authorize(actor, 'read', applicationSubject(row));
  return row;
}

// --- Validation of what an applicant sends ------------------------------------------------------

function validateAnswers(
  settings: ProgrammeSettings,
  role: ParticipantRole,
  answers: ApplyBody['answers'],
): FieldError[] {
  const errors: FieldError[] = [];
  const questions = settings.applicationQuestions.filter((q) => q.forRoles.includes(role));
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) errors.push({ field: `answers.${key}`, message: 'unrecognized_keys' });
  }
  for (const question of questions) {
    const field = `answers.${question.key}`;
    const value = answers[question.key];
    const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (question.required) errors.push({ field, message: 'required' });
      continue;
    }
    const optionKeys = question.options.map((o) => o.key);
    switch (question.type) {
      case 'text':
        if (typeof value !== 'string') errors.push({ field, message: 'invalid_type' });
        break;
      case 'choice':
        if (typeof value !== 'string' || !optionKeys.includes(value)) {
          errors.push({ field, message: 'invalid_value', params: { options: optionKeys.join(', ') } });
        }
        break;
      case 'multiple_choice':
        if (!Array.isArray(value) || value.some((v) => !optionKeys.includes(v))) {
          errors.push({ field, message: 'invalid_value', params: { options: optionKeys.join(', ') } });
        }
        break;
      case 'scale':
        if (
          typeof value !== 'number' ||
          !Number.isInteger(value) ||
          value < 1 ||
          value > (question.scaleMax ?? 5)
        ) {
          errors.push({ field, message: 'scale_range', params: { max: question.scaleMax ?? 5 } });
        }
        break;
    }
  }
  return errors;
}

function needsManager(settings: ProgrammeSettings, role: ParticipantRole): boolean {
  return settings.approvalSteps.some((s) => s.approver === 'manager' && s.appliesTo.includes(role));
}

/**
 * Checks everything about an application, the schema's findings included, and throws every
 * problem at once: the person fixes them in one go rather than one round at a time. Reads only.
 * `checkPeriod`: whether the round's application period applies (not when completing an
 * application in the round it was sent to).
 */
async function validateApplication(
  db: Queryable,
  actor: Actor,
  programme: Awaited<ReturnType<typeof loadProgramme>>,
  input: ApplyParts,
  locale: Locale,
  checkPeriod: boolean,
  now: string,
): Promise<{ body: ApplyBody; eligibility: Eligibility | null; noticeId: string }> {
  const settings = programme.parsedSettings;
  const today = todayInSweden(new Date(now));
  const errors: FieldError[] = [];
  const { role } = input;

  const ownOrganisations = actor.roles
    .filter((r) => r.networkId === programme.network_id && r.organisationId)
    .map((r) => r.organisationId as string);
  if (input.organisationId !== undefined && !ownOrganisations.includes(input.organisationId)) {
    errors.push({ field: 'organisationId', message: 'apply_not_your_organisation' });
  }
  if (input.roundId !== undefined) {
    const rounds = (await listRounds(db, programme.id)).map(roundOf);
    if (input.roundId !== null && !rounds.some((r) => r.id === input.roundId)) {
      errors.push({ field: 'roundId', message: 'not_in_programme' });
    } else if (checkPeriod) {
      errors.push(...periodErrors(rounds, input.roundId, today, locale));
    }
  }
  if (role === 'adept' && !input.needsSent) errors.push({ field: 'needs', message: 'required' });
  if (role === 'mentor' && !input.mentorSent) errors.push({ field: 'mentor', message: 'required' });
  const areaKeys = new Set(settings.developmentAreas.map((a) => a.key));
  const unknownArea = (field: string, keys: string[] | undefined) => {
    if (keys?.some((key) => !areaKeys.has(key)))
      errors.push({ field, message: 'invalid_value', params: { options: [...areaKeys].join(', ') } });
  };
  if (role === 'adept') unknownArea('needs.developmentAreas', input.developmentAreas);
  if (role === 'mentor') unknownArea('mentor.competences', input.competences);
  if (role && input.answers) errors.push(...validateAnswers(settings, role, input.answers));
  if (role && needsManager(settings, role) && !input.managerSent)
    errors.push({ field: 'manager', message: 'required' });
  if (input.managerEmail !== undefined && input.managerEmail === actor.email)
    errors.push({ field: 'manager.email', message: 'not_yourself' });

  // The notice as the applicant read it: one changed since has no row yet, so any id is outdated.
  const latest = await findLatestNotice(db, programme.id);
  const notice = latest?.content === JSON.stringify(settings.privacy) ? latest : undefined;
  if (input.noticeId !== undefined && input.noticeId !== notice?.id)
    errors.push({ field: 'noticeId', message: 'notice_outdated' });
  const allowed = optionalPurposes(settings);
  if (input.consents?.some((purpose) => !allowed.includes(purpose)))
    errors.push({ field: 'consents', message: 'invalid_value', params: { options: allowed.join(', ') } });

  let eligibility: Eligibility | null = null;
  if (role && input.managingStaffSince !== undefined && (role === 'adept' || input.capacity !== undefined)) {
    const training = await repo.completedTrainingSteps(db, [
      { personId: actor.personId, programmeId: programme.id },
    ]);
    eligibility = assessEligibility(
      settings,
      {
        role,
        basics: { managingStaffSince: input.managingStaffSince },
        mentor: role === 'mentor' && input.capacity !== undefined ? { capacity: input.capacity } : null,
        completedTrainingSteps: training.get(`${actor.personId}:${programme.id}`) ?? [],
        on: today,
        applying: true,
      },
      locale,
      'applicant',
    );
    const blocking = eligibility.checks.filter((c) => c.met === false);
    if (blocking.length > 0) {
      if (!settings.eligibility.allowExceptions) {
        for (const check of blocking) {
          errors.push({
            field: check.rule === 'min_capacity' ? 'mentor.capacity' : 'basics.managingStaffSince',
            message: check.text,
          });
        }
      } else if (!input.exceptionReason) {
        errors.push({ field: 'exceptionReason', message: 'required_when_ineligible' });
      }
    }
  }
  const all = applicationErrors(input.schemaErrors, errors, settings, locale);
  if (all.length > 0 || !input.body || !notice) throw new AppError('validation_failed', all);
  return { body: input.body, eligibility, noticeId: notice.id };
}

const roundOf = (row: Awaited<ReturnType<typeof listRounds>>[number]): Round => ({
  id: row.id,
  programmeId: row.programme_id,
  name: row.name,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  applicationsOpenOn: row.applications_open_on,
  applicationsCloseOn: row.applications_close_on,
});

/** Eligibility against the programme's rules before applying, with the caller's own training; writes nothing. */
export async function checkEligibility(
  db: Queryable,
  actor: Actor | null,
  programmeId: string,
  input: { role: ParticipantRole; basics: ProfileBasics; mentor: MentorProfile | null },
  locale: Locale,
  now: string,
): Promise<Eligibility> {
  const programme = await loadProgramme(db, actor, programmeId);
  const training = await repo.completedTrainingSteps(db, [
    { personId: actor!.personId, programmeId: programme.id },
  ]);
  return assessEligibility(
    programme.parsedSettings,
    {
      ...input,
      completedTrainingSteps: training.get(`${actor!.personId}:${programme.id}`) ?? [],
      on: todayInSweden(new Date(now)),
      applying: true,
    },
    locale,
    'applicant',
  );
}

// --- Applying ------------------------------------------------------------------------------------

export async function applyToProgramme(
  deps: IntakeDeps,
  actor: Actor | null,
  programmeId: string,
  sent: ApplyBody | UncheckedBody,
  locale: Locale,
): Promise<Application> {
  const { db } = deps;
  const now = deps.clock.now().toISOString();
  const programme = await loadProgramme(db, actor, programmeId);
  authorize(actor, 'apply', { type: 'programme', networkId: programme.network_id });
  const input = readApplyInput(sent);
  // Refusals that no field can fix still come with what the schema found, so nothing is left for later.
  const refuse = (field: string, message: string) =>
    new AppError('validation_failed', [
      { field, message },
      ...applicationErrors(input.schemaErrors, [], programme.parsedSettings, locale),
    ]);
  if (programme.status !== 'open') throw refuse('programme', 'programme_not_open');
  if (input.role && (await repo.findOpenApplication(db, actor!.personId, programmeId, input.role))) {
    throw refuse('role', 'already_applied');
  }
  const { body, noticeId } = await validateApplication(db, actor!, programme, input, locale, true, now);

  const id = newId();
  await db.transaction().execute(async (trx) => {
    await repo.insertApplication(trx, {
      id,
      programme_id: programmeId,
      round_id: body.roundId,
      person_id: actor!.personId,
      organisation_id: body.organisationId,
      role: body.role,
      status: 'awaiting_approval',
      basics: JSON.stringify(body.basics),
      needs: body.role === 'adept' && body.needs ? JSON.stringify(body.needs) : null,
      mentor: body.role === 'mentor' && body.mentor ? JSON.stringify(body.mentor) : null,
      answers: JSON.stringify(body.answers),
      exception_reason: body.exceptionReason ?? null,
      notice_id: noticeId,
      notice_acknowledged_at: now,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      submitted_at: now,
      updated_at: now,
    });
    await grantConsents(trx, actor!.personId, programmeId, noticeId, body.consents, now);
    await saveProfileFromApplication(
      trx,
      actor!.personId,
      {
        basics: body.basics,
        needs: body.role === 'adept' ? body.needs : undefined,
        mentor: body.role === 'mentor' ? body.mentor : undefined,
      },
      now,
    );
    const view = (await repo.findApplication(trx, id))!;
    await deps.mailer.enqueue(trx, {
      kind: 'application_submitted',
      to: actor!.email,
      locale: actor!.locale,
      networkId: programme.network_id,
      params: {
        programme: programme.name,
        roleName: roleNames[actor!.locale][body.role] ?? body.role,
        link: `${deps.config.publicUrl}/applications/${id}`,
      },
    });
    await createApprovalChain(deps, trx, view, programme.parsedSettings, body.manager ?? null);
  });
  return getApplication(db, actor, id, locale, now);
}

/** The applicant completes the application when asked to; what was approved stays approved. */
export async function resubmitApplication(
  deps: IntakeDeps,
  actor: Actor | null,
  id: string,
  sent: ApplyBody | UncheckedBody,
  locale: Locale,
): Promise<Application> {
  const { db } = deps;
  const now = deps.clock.now().toISOString();
  const row = await loadApplication(db, actor, id);
  authorize(actor, 'update', applicationSubject(row));
  if (row.status !== 'completion_requested') throw new AppError('conflict');
  const input = readApplyInput(sent);
  if (input.role !== undefined && input.role !== row.role) throw AppError.validation('role', 'cannot_change');
  const programme = await loadProgramme(db, actor, row.programme_id);
  // Completing what the coordinator asked for is part of an application sent in time: the period
  // applies only when the application moves to another round.
  const movesRound = input.roundId !== undefined && input.roundId !== row.round_id;
  const { body, noticeId } = await validateApplication(db, actor!, programme, input, locale, movesRound, now);
  const approvals = (await repo.approvalsOf(db, [id])).get(id) ?? [];
  // Approvals were given for one organisation: an application that moves asks the new one afresh.
  const moved = body.organisationId !== row.organisation_id;
  const allApproved = !moved && currentApprovals(approvals).every((a) => a.status === 'approved');
  await db.transaction().execute(async (trx) => {
    await repo.updateApplication(trx, id, {
      status: allApproved ? 'pending_review' : 'awaiting_approval',
      round_id: body.roundId,
      organisation_id: body.organisationId,
      basics: JSON.stringify(body.basics),
      needs: row.role === 'adept' && body.needs ? JSON.stringify(body.needs) : null,
      mentor: row.role === 'mentor' && body.mentor ? JSON.stringify(body.mentor) : null,
      answers: JSON.stringify(body.answers),
      exception_reason: body.exceptionReason ?? null,
      notice_id: noticeId,
      notice_acknowledged_at: now,
      updated_at: now,
    });
    await grantConsents(trx, actor!.personId, row.programme_id, noticeId, body.consents, now);
    await saveProfileFromApplication(
      trx,
      actor!.personId,
      { basics: body.basics, needs: body.needs, mentor: body.mentor },
      now,
    );
    if (moved) {
      await repo.supersedeApprovals(trx, id);
      const nextPosition = Math.max(-1, ...approvals.map((a) => a.position)) + 1;
      const view = (await repo.findApplication(trx, id))!;
      await createApprovalChain(
        deps,
        trx,
        view,
        programme.parsedSettings,
        body.manager ?? null,
        nextPosition,
      );
    }
  });
  return getApplication(db, actor, id, locale, now);
}

export async function withdrawApplication(deps: IntakeDeps, actor: Actor | null, id: string, locale: Locale) {
  const { db } = deps;
  const row = await loadApplication(db, actor, id);
  authorize(actor, 'withdraw', applicationSubject(row));
  if (['withdrawn', 'rejected', 'declined'].includes(row.status)) throw new AppError('conflict');
  const now = deps.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await repo.updateApplication(trx, id, { status: 'withdrawn', updated_at: now });
    await repo.cancelOpenApprovals(trx, id);
  });
  return getApplication(db, actor, id, locale, now);
}

// --- Reading --------------------------------------------------------------------------------------

/** The application as read at `now` (an ISO instant), which is also when a reading is audited. */
export async function getApplication(
  db: Queryable,
  actor: Actor | null,
  id: string,
  locale: Locale,
  now: string,
) {
  const row = await loadApplication(db, actor, id);
  const own = actor !== null && actor.personId === row.person_id;
  if (actor && !own) {
    await recordAudit(db, actor, 'read', 'application', id, row.network_id, now);
  }
  return (await present(db, [row], { locale, reader: own ? 'applicant' : 'about', now }))[0]!;
}

export async function listOwnApplications(db: Queryable, actor: Actor, locale: Locale, now: string) {
  return present(db, await repo.listApplicationsOfPerson(db, actor.personId), {
    locale,
    reader: 'applicant',
    now,
  });
}

export async function listProgrammeApplications(
  db: Queryable,
  actor: Actor | null,
  programmeId: string,
  query: z.infer<typeof applicationListQuerySchema>,
  locale: Locale,
  now: string,
): Promise<Application[]> {
  const programme = await loadProgramme(db, actor, programmeId);
  authorize(actor, 'reviewApplications', { type: 'programme', networkId: programme.network_id });
  const rows = await repo.listApplicationsOfProgramme(db, programmeId, {
    organisationIds: visibleOrganisationIds(actor!, programme.network_id),
    role: query.role,
    organisationId: query.organisationId,
    status: query.status,
    roundId: query.roundId,
  });
  const applications = await present(db, rows, { locale, reader: 'about', now });
  if (query.eligible === undefined) return applications;
  const wanted = query.eligible === 'true';
  return applications.filter((a) => a.eligibility.eligible === wanted);
}

// --- The coordinator's decisions --------------------------------------------------------------------

const fits: Record<z.infer<typeof bulkActionBodySchema>['action'], string[]> = {
  approve: ['pending_review'],
  reject: ['awaiting_approval', 'pending_review', 'completion_requested'],
  request_completion: ['awaiting_approval', 'pending_review'],
};
const outcomeOf = {
  approve: 'approved',
  reject: 'rejected',
  request_completion: 'completion_requested',
} as const;

type DecisionAction = z.infer<typeof bulkActionBodySchema>['action'];

/**
 * One decision on one application, inside the caller's transaction: whether it may be taken (the
 * reason when not), and if so the change, who and when, and the mail to the applicant.
 */
async function decideOne(
  deps: IntakeDeps,
  trx: Queryable,
  actor: Actor,
  row: repo.ApplicationView,
  action: DecisionAction,
  reason: string | null,
  now: string,
): Promise<string | null> {
  const subject = applicationSubject(row);
  if (!can(actor, 'decide', subject)) {
    // Your own application is yours to read, but somebody else decides on it.
    return isOwnApplication(actor, subject) ? 'own_application' : 'not_found';
  }
  if (!fits[action].includes(row.status)) return `status_${row.status}`;
  const outcome = outcomeOf[action];
  const moved = await repo.transitionApplication(trx, row.id, row.status, {
    status: outcome,
    decision_reason: reason,
    decided_by: actor.personId,
    decided_at: now,
    updated_at: now,
  });
  if (!moved) return `status_${row.status}`;
  if (outcome === 'rejected') await repo.cancelOpenApprovals(trx, row.id);
  await notifyApplicant(deps, trx, row, outcome, reason);
  return null;
}

export async function bulkDecide(
  deps: IntakeDeps,
  actor: Actor | null,
  programmeId: string,
  body: z.infer<typeof bulkActionBodySchema>,
) {
  const { db } = deps;
  const programme = await loadProgramme(db, actor, programmeId);
  authorize(actor, 'reviewApplications', { type: 'programme', networkId: programme.network_id });
  const now = deps.clock.now().toISOString();
  const updated: string[] = [];
  const skipped: { id: string; reason: string }[] = [];
  await db.transaction().execute(async (trx) => {
    for (const id of new Set(body.ids)) {
      const row = await repo.findApplication(trx, id);
      if (!row || row.programme_id !== programmeId) {
        skipped.push({ id, reason: 'not_found' });
        continue;
      }
      const refused = await decideOne(deps, trx, actor!, row, body.action, body.reason ?? null, now);
      if (refused) skipped.push({ id, reason: refused });
      else updated.push(id);
    }
  });
  return { updated, skipped };
}

/**
 * The coordinator's decision from the application's own page: admit, reject (with a reason) or ask
 * for completion (with what to complete). 403 on one's own application, 409 when the status does
 * not fit the decision (someone else decided first, or approvals are still missing).
 */
export async function decideApplication(
  deps: IntakeDeps,
  actor: Actor | null,
  id: string,
  body: z.infer<typeof applicationDecisionBodySchema>,
  locale: Locale,
): Promise<Application> {
  const { db } = deps;
  const row = await loadApplication(db, actor, id);
  authorize(actor, 'decide', applicationSubject(row));
  if (body.action !== 'approve' && !body.reason?.trim()) throw AppError.validation('reason', 'required');
  const now = deps.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const refused = await decideOne(deps, trx, actor!, row, body.action, body.reason ?? null, now);
    // Someone decided first, or the application is not where the decision fits (approvals missing).
    if (refused) throw new AppError('conflict');
  });
  return getApplication(db, actor, id, locale, now);
}

export async function loadProgrammeForIntake(db: Queryable, actor: Actor | null, programmeId: string) {
  return loadProgramme(db, actor, programmeId);
}
