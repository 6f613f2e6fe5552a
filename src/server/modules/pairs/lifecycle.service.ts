import { addDays, addMonths } from '../../../shared/calendar.ts';
import { formatDate } from '../../../shared/format.ts';
import { type PairStatus, pairStatuses } from '../../../shared/matching.ts';
import {
  LifecycleLimits,
  type PairLifecycle,
  type PartyRole,
  type Signature,
} from '../../../shared/pair-lifecycle.ts';
import type { PairSummary, PairViewerRole } from '../../../shared/pair-year.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { can, isNetworkAdmin, runsPair } from '../../authz/policy.ts';
import type { Db, Queryable } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../util.ts';
import type { Participant } from '../matching/matching.input.ts';
import * as matchingRepo from '../matching/matching.repository.ts';
import * as repo from './lifecycle.repository.ts';
import { confidentialityVersion } from './lifecycle-texts.ts';
import { claimNotice } from './pair.repository.ts';
import { loadPair, type PairContext, pairFor, partyRole, planStartOf, todayOf } from './pair-access.ts';
import { beforeActive, canMove, isRunning, underway } from './pair-status.ts';

/**
 * The pair's lifecycle: its summary, acceptance, the move to active once both have accepted and
 * signed what the programme asks for, the ending notice, closing. Agreements, requests and advisors
 * are in lifecycle-*.service.ts beside this file.
 */

/** How the caller sees the pair (after `read` was authorized); one who runs it and advises runs it. */
export function viewerRole(actor: Actor, ctx: PairContext): PairViewerRole {
  if (ctx.role) return ctx.role;
  return runsPair(actor, ctx.subject) ? 'coordinator' : 'advisor';
}

export function presentSummary(actor: Actor, ctx: PairContext): PairSummary {
  const { pair, settings, adept, mentor } = ctx;
  return {
    id: pair.id,
    programme: { id: pair.programme_id, name: pair.programme_name },
    status: ctx.status,
    viewerRole: viewerRole(actor, ctx),
    adept: { id: adept.id, name: adept.name, organisation: adept.organisationName },
    mentor: { id: mentor.id, name: mentor.name, organisation: mentor.organisationName },
    planStartsOn: planStartOf(pair),
    activeSince: pair.active_since,
    plannedEndOn: pair.planned_end_on,
    closedAt: pair.closed_at,
    features: {
      contract: settings.documents.contract,
      confidentialityAgreement: settings.documents.confidentialityAgreement,
      mentorBook: settings.documents.mentorBook,
    },
  };
}

export async function pairSummary(db: Db, actor: Actor | null, pairId: string): Promise<PairSummary> {
  const ctx = await pairFor(db, actor, pairId, 'read');
  return presentSummary(actor!, ctx);
}

// --- Helpers --------------------------------------------------------------------------------------------------

export type Ctx = Omit<PairContext, 'role'> & { role?: PairContext['role'] };

export const pairLink = (deps: Deps, pairId: string) => `${deps.config.publicUrl}/pairs/${pairId}`;
export const localeOf = (value: string | null | undefined): Locale => (value === 'en' ? 'en' : 'sv');
export const nowOf = (deps: Deps) => deps.clock.now().toISOString();

/** The role an event records for one who runs the programme (as the matching board names it). */
export const managerRole = (actor: Actor, ctx: Ctx) =>
  isNetworkAdmin(actor, ctx.pair.network_id) ? 'administrator' : 'coordinator';

/**
 * Moves the pair from the status it had when loaded to `to` and records who, as whom, when and why.
 * A conditional update: when someone else moved it first, nothing is written and 409 answers.
 */
export async function transition(
  deps: Deps,
  db: Queryable,
  ctx: Ctx,
  to: PairStatus,
  by: { actorId: string | null; role: string | null; reason?: string | null; detail?: object | null },
  set: Parameters<typeof repo.moveStatus>[4] = {},
): Promise<void> {
  const from = ctx.status;
  if (!canMove(from, to)) throw new AppError('conflict', [{ field: 'status', message: 'not_allowed_now' }]);
  const at = nowOf(deps);
  if (!(await repo.moveStatus(db, ctx.pair.id, from, to, { ...set, updated_at: at }))) {
    throw new AppError('conflict', [{ field: 'status', message: 'changed_meanwhile' }]);
  }
  await matchingRepo.insertPairEvent(db, {
    id: newId(),
    pair_id: ctx.pair.id,
    from_status: from,
    to_status: to,
    actor_id: by.actorId,
    actor_role: by.role,
    reason: by.reason ?? null,
    created_at: at,
    detail: by.detail ? JSON.stringify(by.detail) : null,
  });
  ctx.status = to;
}

const parties = (ctx: Ctx): [Participant, Participant, PartyRole][] => [
  [ctx.adept, ctx.mentor, 'adept'],
  [ctx.mentor, ctx.adept, 'mentor'],
];

/** Mails both parties, each about the other. */
export async function mailBoth<
  K extends
    | 'pair_active'
    | 'pair_ending'
    | 'pair_closed'
    | 'pair_cancelled'
    | 'pair_rematched'
    | 'pair_extension_decided',
>(
  deps: Deps,
  db: Queryable,
  ctx: Ctx,
  kind: K,
  params: (recipient: Participant, other: Participant, role: PartyRole) => object,
): Promise<void> {
  for (const [recipient, other, role] of parties(ctx)) {
    await deps.mailer.enqueue(db, {
      kind,
      to: recipient.email,
      locale: recipient.locale,
      networkId: ctx.pair.network_id,
      // biome-ignore lint/suspicious/noExplicitAny: each kind's parameters are built by its caller
      params: params(recipient, other, role) as any,
    });
  }
}

// --- Becoming active --------------------------------------------------------------------------------------------

/** The signatures of a kind that are of the text as it stands now. */
export function currentSigners(
  signatures: repo.SignatureRow[],
  kind: string,
  version: string | null,
): Set<string> {
  return new Set(
    signatures
      .filter((s) => s.kind === kind && (version === null || s.text_version === version))
      .map((s) => s.role),
  );
}

/** What still stands between the pair and `active`; empty when it may start. */
export async function missingForActive(db: Queryable, ctx: Ctx): Promise<string[]> {
  const signatures = await repo.signaturesOf(db, ctx.pair.id);
  const missing: string[] = [];
  const both = (set: Set<string>) => set.has('adept') && set.has('mentor');
  if (ctx.status !== 'first_meeting_held') missing.push('first_meeting');
  if (!both(currentSigners(signatures, 'acceptance', null))) missing.push('acceptance');
  for (const [kind, required] of [
    ['contract', ctx.settings.documents.contract],
    ['confidentiality', ctx.settings.documents.confidentialityAgreement],
  ] as const) {
    if (!required) continue;
    const version =
      kind === 'contract'
        ? ((await repo.findAgreement(db, ctx.pair.id, kind))?.text_version ?? null)
        : confidentialityVersion(ctx.settings);
    if (!version || !both(currentSigners(signatures, kind, version))) missing.push(kind);
  }
  return missing;
}

/**
 * Makes the pair active when nothing is missing: called after each acceptance, signature and the first
 * meeting, inside the caller's transaction. The one whose step completed it is recorded as its actor.
 */
export async function activateIfReady(
  deps: Deps,
  db: Queryable,
  ctx: Ctx,
  by: { actorId: string | null; role: string | null },
): Promise<boolean> {
  if (ctx.status !== 'first_meeting_held') return false;
  if ((await missingForActive(db, ctx)).length > 0) return false;
  const activeSince = todayOf(deps);
  const plannedEndOn = addMonths(
    planStartOf(ctx.pair),
    ctx.settings.duration.months + ctx.pair.extension_months,
  );
  await transition(deps, db, ctx, 'active', by, { active_since: activeSince, planned_end_on: plannedEndOn });
  ctx.pair.active_since = activeSince;
  ctx.pair.planned_end_on = plannedEndOn;
  await mailBoth(deps, db, ctx, 'pair_active', (recipient, other) => ({
    programme: ctx.pair.programme_name,
    other: other.name,
    link: pairLink(deps, ctx.pair.id),
    plannedEndOn: formatDate(plannedEndOn, recipient.locale),
  }));
  return true;
}

/**
 * Called (inside the caller's transaction) when one of the pair's meetings is marked held: the
 * first one moves an introduced pair on, and on to active when both have already accepted and signed.
 * Owned by the lifecycle part; meetings call it.
 */
export async function onMeetingHeld(
  deps: Deps,
  db: Queryable,
  ctx: PairContext,
  by: { actorId: string | null; role: string | null } = {
    actorId: ctx.role ? (ctx.role === 'adept' ? ctx.adept.id : ctx.mentor.id) : null,
    role: ctx.role,
  },
): Promise<void> {
  if (ctx.status !== 'introduced') return;
  await transition(deps, db, ctx, 'first_meeting_held', { ...by, detail: { trigger: 'meeting_held' } });
  await activateIfReady(deps, db, ctx, by);
}

/** "We want to do this together": one party's acceptance (seed 004). */
export async function accept(deps: Deps, actor: Actor | null, pairId: string): Promise<PairLifecycle> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, 'participate');
  const role = partyRole(ctx);
  if (!beforeActive.includes(ctx.status))
    throw new AppError('conflict', [{ field: 'status', message: 'not_allowed_now' }]);
  await db.transaction().execute(async (trx) => {
    const me = role === 'adept' ? ctx.adept : ctx.mentor;
    await repo.insertSignature(trx, {
      id: newId(),
      pair_id: ctx.pair.id,
      kind: 'acceptance',
      person_id: actor!.personId,
      role,
      signed_name: me.name,
      text_version: 'accept',
      signed_at: nowOf(deps),
    });
    await activateIfReady(deps, trx, ctx, { actorId: actor!.personId, role });
  });
  return lifecycleView(deps, actor, pairId);
}

// --- Ending and closing -------------------------------------------------------------------------------------------

/**
 * The job: an active pair within 30 days of its planned end moves to `ending`, and both are asked to
 * plan the closing conversation (once: the notice key and the conditional move let one instance win).
 */
export async function moveEndingPairs(deps: Deps): Promise<number> {
  const { db } = deps;
  const cutoff = addDays(todayOf(deps), LifecycleLimits.endingNoticeDays);
  let moved = 0;
  for (const pairId of await repo.activePairsEndingBy(db, cutoff)) {
    await db.transaction().execute(async (trx) => {
      const ctx = await loadPair(trx, pairId);
      if (ctx?.status !== 'active' || !ctx.pair.planned_end_on) return;
      const plannedEndOn = ctx.pair.planned_end_on;
      if (!(await repo.moveStatus(trx, pairId, 'active', 'ending', { updated_at: nowOf(deps) }))) return;
      await matchingRepo.insertPairEvent(trx, {
        id: newId(),
        pair_id: pairId,
        from_status: 'active',
        to_status: 'ending',
        actor_id: null,
        actor_role: null,
        reason: null,
        created_at: nowOf(deps),
        detail: JSON.stringify({ trigger: 'planned_end', plannedEndOn }),
      });
      if (await claimNotice(trx, pairId, `lifecycle:ending:${plannedEndOn}`, nowOf(deps))) {
        await mailBoth(deps, trx, ctx, 'pair_ending', (recipient, other) => ({
          programme: ctx.pair.programme_name,
          other: other.name,
          link: pairLink(deps, pairId),
          plannedEndOn: formatDate(plannedEndOn, recipient.locale),
        }));
      }
      moved++;
    });
  }
  return moved;
}

/**
 * The closing conversation is held (seed 000: the mentor ends it consciously and clearly; either party
 * may record it): the pair is closed, the mentor's place is free (closed is not a current status), and
 * an evaluation opens for each of the two.
 */
export async function recordClosing(deps: Deps, actor: Actor | null, pairId: string): Promise<PairLifecycle> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, 'participate');
  const role = partyRole(ctx);
  if (!underway.includes(ctx.status))
    throw new AppError('conflict', [{ field: 'status', message: 'not_allowed_now' }]);
  await db.transaction().execute(async (trx) => {
    const at = nowOf(deps);
    await transition(
      deps,
      trx,
      ctx,
      'closed',
      { actorId: actor!.personId, role, detail: { trigger: 'closing_conversation' } },
      { closed_at: at },
    );
    for (const [person, , partyRoleName] of parties(ctx)) {
      await repo.openEvaluation(trx, {
        pair_id: ctx.pair.id,
        person_id: person.id,
        role: partyRoleName,
        opened_at: at,
      });
    }
    const by = role === 'adept' ? ctx.adept.name : ctx.mentor.name;
    await mailBoth(deps, trx, ctx, 'pair_closed', (_recipient, other) => ({
      programme: ctx.pair.programme_name,
      other: other.name,
      link: pairLink(deps, ctx.pair.id),
      by,
    }));
  });
  return lifecycleView(deps, actor, pairId);
}

// --- The view ---------------------------------------------------------------------------------------------------------

/** A kind's signatures; each is current when it is of `version` (any version, when null). */
export function presentSignatures(
  rows: repo.SignatureRow[],
  kind: string,
  version: string | null,
): Signature[] {
  return rows
    .filter((s) => s.kind === kind)
    .map((s) => ({
      role: s.role as PartyRole,
      name: s.signed_name,
      signedAt: s.signed_at,
      current: version === null || s.text_version === version,
    }));
}

/**
 * The history in the order it happened: moves made in one step (the first meeting that also makes the
 * pair active) share their time, so within one instant the lifecycle's order decides.
 */
function inOrder<E extends { created_at: string; from_status: string | null }>(events: E[]): E[] {
  const rank = (status: string | null) => (status === null ? -1 : pairStatuses.indexOf(status as PairStatus));
  return [...events].sort((a, b) =>
    a.created_at === b.created_at
      ? rank(a.from_status) - rank(b.from_status)
      : a.created_at < b.created_at
        ? -1
        : 1,
  );
}

/** The pair's lifecycle: metadata everyone who may see the pair sees, with what the caller may do. */
export async function lifecycleView(deps: Deps, actor: Actor | null, pairId: string): Promise<PairLifecycle> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, 'read');
  const me = actor!;
  const isParty = ctx.role !== null;
  const manages = can(me, 'manage', ctx.subject);
  const withReasons = can(me, 'readEvents', ctx.subject);
  const signatures = await repo.signaturesOf(db, ctx.pair.id);
  const contract = await repo.findAgreement(db, ctx.pair.id, 'contract');
  const confidentiality = { text_version: confidentialityVersion(ctx.settings) };
  const requests = await repo.requestsOf(db, ctx.pair.id);
  const events = inOrder(await matchingRepo.eventsOf(db, [ctx.pair.id]));
  const names = await matchingRepo.namesOf(db, [
    ...events.map((e) => e.actor_id),
    ...requests.flatMap((r) => [r.requested_by, r.decided_by]),
  ]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const evaluations = await repo.evaluationsOf(db, ctx.pair.id);
  const { duration } = ctx.settings;
  const used = requests.filter((r) => r.kind === 'extension' && r.decision === 'approved').length;
  const openRequest = (kind: string, mine: boolean) =>
    requests.some((r) => r.kind === kind && r.decision === null && (!mine || r.requested_by === me.personId));
  const running = isRunning(ctx.status);
  const advisors = isParty ? await repo.advisorsWithNames(db, ctx.pair.programme_id) : [];

  // A change of mentor is seen by the one who asked and by those who run the programme, never by the
  // other party; advisors see no requests at all.
  const visibleRequests = requests.filter((r) =>
    manages ? true : isParty ? r.kind === 'extension' || r.requested_by === me.personId : false,
  );
  return {
    status: ctx.status,
    activeSince: ctx.pair.active_since,
    plannedEndOn: ctx.pair.planned_end_on,
    closedAt: ctx.pair.closed_at,
    extensionMonths: ctx.pair.extension_months,
    acceptances: signatures
      .filter((s) => s.kind === 'acceptance')
      .map((s) => ({ role: s.role as PartyRole, name: s.signed_name, at: s.signed_at })),
    contract: {
      required: ctx.settings.documents.contract,
      signatures: presentSignatures(signatures, 'contract', contract?.text_version ?? null),
    },
    confidentiality: {
      required: ctx.settings.documents.confidentialityAgreement,
      signatures: presentSignatures(signatures, 'confidentiality', confidentiality.text_version),
    },
    extension: { monthsMax: duration.extensionMonths, used, max: duration.maxExtensions },
    requests: visibleRequests.map((r) => ({
      id: r.id,
      kind: r.kind as 'change_of_mentor' | 'extension',
      role: r.role as PartyRole,
      requestedBy: nameOf(r.requested_by),
      reason: manages || r.requested_by === me.personId ? r.reason : null,
      months: r.months,
      createdAt: r.created_at,
      secondedAt: r.seconded_at,
      decision: r.decision as 'approved' | 'declined' | 'withdrawn' | null,
      decisionReason: r.decision_reason,
      decidedBy: nameOf(r.decided_by),
      decidedAt: r.decided_at,
      isMine: r.requested_by === me.personId,
    })),
    events:
      isParty || withReasons || manages
        ? events.map((e) => ({
            from: e.from_status as PairStatus | null,
            to: e.to_status as PairStatus,
            at: e.created_at,
            by: nameOf(e.actor_id),
            byRole: e.actor_role,
            reason: withReasons ? e.reason : null,
            detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
          }))
        : [],
    advisors: advisors.filter((a) => a.disabled_at === null).map((a) => ({ id: a.id, name: a.name })),
    evaluationsOpened: evaluations.length > 0,
    can: {
      accept:
        isParty &&
        beforeActive.includes(ctx.status) &&
        !signatures.some((s) => s.kind === 'acceptance' && s.role === ctx.role),
      requestChangeOfMentor: isParty && running && !openRequest('change_of_mentor', true),
      requestExtension:
        isParty &&
        underway.includes(ctx.status) &&
        duration.extensionMonths !== null &&
        used < duration.maxExtensions &&
        !openRequest('extension', false),
      recordClosing: isParty && underway.includes(ctx.status),
      contactAdvisor: isParty && advisors.length > 0,
      manage: manages && running,
    },
  };
}
