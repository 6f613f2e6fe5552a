import { addMonths } from '../../../shared/calendar.ts';
import { formatDate } from '../../../shared/format.ts';
import type { PairLifecycle } from '../../../shared/pair-lifecycle.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Queryable } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { newId } from '../../util.ts';
import * as matchingRepo from '../matching/matching.repository.ts';
import * as repo from './lifecycle.repository.ts';
import {
  lifecycleView,
  localeOf,
  mailBoth,
  managerRole,
  nowOf,
  pairLink,
  transition,
} from './lifecycle.service.ts';
import { type PairContext, pairFor, partyRole, planStartOf } from './pair-access.ts';
import { isRunning, underway } from './pair-status.ts';

/**
 * Requests and the coordinator's decisions on the pair. A change of mentor (seed 004) is asked by
 * either party; its reason is for those who run the programme, never for the other party. An extension
 * (seed 000: one more year; seed 001: up to 1½ years) is asked by one party and seconded by the other,
 * then approved or declined with a reason. Ending a pair as re-matched forbids the pair in matching
 * (as the board's "forbid" does) and puts the adept back among those waiting; cancelling ends it.
 */

const conflict = (message: string, field = 'status') => new AppError('conflict', [{ field, message }]);

/** Those who run the adept's organisation's part of the programme (or the administrators). */
async function mailCoordinators(
  deps: Deps,
  db: Queryable,
  ctx: PairContext,
  kind: 'pair_change_requested' | 'pair_extension_to_decide',
  extra: { months?: number } = {},
) {
  for (const coordinator of await matchingRepo.coordinatorsOf(
    db,
    ctx.pair.network_id,
    ctx.adept.organisationId,
  )) {
    const params = {
      programme: ctx.pair.programme_name,
      adept: ctx.adept.name,
      mentor: ctx.mentor.name,
      link: pairLink(deps, ctx.pair.id),
    };
    if (kind === 'pair_change_requested') {
      await deps.mailer.enqueue(db, {
        kind,
        to: coordinator.email,
        locale: localeOf(coordinator.locale),
        networkId: ctx.pair.network_id,
        params,
      });
    } else {
      await deps.mailer.enqueue(db, {
        kind,
        to: coordinator.email,
        locale: localeOf(coordinator.locale),
        networkId: ctx.pair.network_id,
        params: { ...params, months: extra.months ?? 0 },
      });
    }
  }
}

export async function requestChangeOfMentor(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  reason: string,
): Promise<PairLifecycle> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, 'participate');
  const role = partyRole(ctx);
  if (!isRunning(ctx.status)) throw conflict('pair_ended');
  const requests = await repo.requestsOf(db, ctx.pair.id);
  if (
    requests.some(
      (r) => r.kind === 'change_of_mentor' && r.decision === null && r.requested_by === actor!.personId,
    )
  )
    throw conflict('already_requested', 'reason');
  await db.transaction().execute(async (trx) => {
    await repo.insertRequest(trx, {
      id: newId(),
      pair_id: ctx.pair.id,
      kind: 'change_of_mentor',
      requested_by: actor!.personId,
      role,
      reason,
      months: null,
      seconded_at: null,
      created_at: nowOf(deps),
      decision: null,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
    });
    await mailCoordinators(deps, trx, ctx, 'pair_change_requested');
  });
  return lifecycleView(deps, actor, pairId);
}

export async function requestExtension(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  body: { months: number; reason?: string | undefined },
): Promise<PairLifecycle> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, 'participate');
  const role = partyRole(ctx);
  const { extensionMonths, maxExtensions } = ctx.settings.duration;
  if (extensionMonths === null || maxExtensions === 0) throw AppError.validation('months', 'not_extendable');
  if (body.months > extensionMonths)
    throw AppError.validation('months', 'too_many', { max: extensionMonths });
  if (!underway.includes(ctx.status)) throw conflict('not_allowed_now');
  const requests = await repo.requestsOf(db, ctx.pair.id);
  if (requests.filter((r) => r.kind === 'extension' && r.decision === 'approved').length >= maxExtensions)
    throw AppError.validation('months', 'no_extensions_left');
  if (requests.some((r) => r.kind === 'extension' && r.decision === null))
    throw conflict('already_requested', 'months');
  await db.transaction().execute(async (trx) => {
    await repo.insertRequest(trx, {
      id: newId(),
      pair_id: ctx.pair.id,
      kind: 'extension',
      requested_by: actor!.personId,
      role,
      reason: body.reason && body.reason.length > 0 ? body.reason : null,
      months: body.months,
      seconded_at: null,
      created_at: nowOf(deps),
      decision: null,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
    });
    const [me, other] = role === 'adept' ? [ctx.adept, ctx.mentor] : [ctx.mentor, ctx.adept];
    await deps.mailer.enqueue(trx, {
      kind: 'pair_extension_requested',
      to: other.email,
      locale: other.locale,
      networkId: ctx.pair.network_id,
      params: {
        programme: ctx.pair.programme_name,
        other: me.name,
        link: pairLink(deps, ctx.pair.id),
        months: body.months,
      },
    });
  });
  return lifecycleView(deps, actor, pairId);
}

async function openRequest(db: Queryable, ctx: PairContext, requestId: string) {
  const request = await repo.findRequest(db, ctx.pair.id, requestId);
  if (!request) throw notFound();
  if (request.decision !== null) throw conflict('already_decided', 'decision');
  return request;
}

/** The other party joins an extension request: both have asked, and the coordinator decides. */
export async function secondExtension(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  requestId: string,
): Promise<PairLifecycle> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, 'participate');
  partyRole(ctx);
  const request = await repo.findRequest(db, ctx.pair.id, requestId);
  // Another's change of mentor does not exist as far as the other party can tell.
  if (request?.kind !== 'extension') throw notFound();
  if (request.decision !== null) throw conflict('already_decided', 'decision');
  if (request.requested_by === actor!.personId) throw conflict('own_request', 'request');
  await db.transaction().execute(async (trx) => {
    if (!(await repo.secondRequest(trx, request.id, nowOf(deps))))
      throw conflict('already_seconded', 'request');
    await mailCoordinators(deps, trx, ctx, 'pair_extension_to_decide', { months: request.months ?? 0 });
  });
  return lifecycleView(deps, actor, pairId);
}

/** The one who asked takes their request back. */
export async function withdrawRequest(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  requestId: string,
): Promise<PairLifecycle> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, 'participate');
  const request = await repo.findRequest(db, ctx.pair.id, requestId);
  if (!request || request.requested_by !== actor!.personId) throw notFound();
  const done = await repo.decideRequest(db, request.id, {
    decision: 'withdrawn',
    decision_reason: null,
    decided_by: actor!.personId,
    decided_at: nowOf(deps),
  });
  if (!done) throw conflict('already_decided', 'decision');
  return lifecycleView(deps, actor, pairId);
}

/** The coordinator decides a request with a reason; approving a change of mentor ends the pair as re-matched. */
export async function decideRequest(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  requestId: string,
  body: { decision: 'approved' | 'declined'; reason: string },
): Promise<PairLifecycle> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, 'manage');
  const request = await openRequest(db, ctx, requestId);
  if (body.decision === 'approved' && request.kind === 'change_of_mentor') {
    await endAsRematched(deps, actor, ctx, body.reason, request.id);
    return lifecycleView(deps, actor, pairId);
  }
  if (body.decision === 'approved' && request.seconded_at === null)
    throw AppError.validation('decision', 'not_seconded');
  if (body.decision === 'approved' && !underway.includes(ctx.status)) throw conflict('not_allowed_now');
  const role = managerRole(actor!, ctx);
  await db.transaction().execute(async (trx) => {
    const at = nowOf(deps);
    if (
      !(await repo.decideRequest(trx, request.id, {
        decision: body.decision,
        decision_reason: body.reason,
        decided_by: actor!.personId,
        decided_at: at,
      }))
    )
      throw conflict('already_decided', 'decision');
    if (request.kind === 'change_of_mentor') {
      const asker = request.requested_by === ctx.adept.id ? ctx.adept : ctx.mentor;
      await deps.mailer.enqueue(trx, {
        kind: 'pair_change_declined',
        to: asker.email,
        locale: asker.locale,
        networkId: ctx.pair.network_id,
        params: {
          programme: ctx.pair.programme_name,
          link: pairLink(deps, ctx.pair.id),
          reason: body.reason,
        },
      });
      return;
    }
    const months = request.months ?? 0;
    let plannedEndOn = ctx.pair.planned_end_on;
    if (body.decision === 'approved') {
      const extension = ctx.pair.extension_months + months;
      plannedEndOn = addMonths(planStartOf(ctx.pair), ctx.settings.duration.months + extension);
      const detail = { kind: 'extension', months, requestId: request.id, plannedEndOn };
      // An ending pair whose new end is more than the notice period away is active again.
      const backToActive = ctx.status === 'ending';
      if (backToActive) {
        await transition(
          deps,
          trx,
          ctx,
          'active',
          { actorId: actor!.personId, role, reason: body.reason, detail },
          { extension_months: extension, planned_end_on: plannedEndOn },
        );
      } else {
        if (
          !(await repo.updatePair(trx, ctx.pair.id, ctx.status, {
            extension_months: extension,
            planned_end_on: plannedEndOn,
            updated_at: at,
          }))
        )
          throw conflict('changed_meanwhile');
        await matchingRepo.insertPairEvent(trx, {
          id: newId(),
          pair_id: ctx.pair.id,
          from_status: ctx.status,
          to_status: ctx.status,
          actor_id: actor!.personId,
          actor_role: role,
          reason: body.reason,
          created_at: at,
          detail: JSON.stringify(detail),
        });
      }
    }
    await mailBoth(deps, trx, ctx, 'pair_extension_decided', (recipient) => ({
      programme: ctx.pair.programme_name,
      link: pairLink(deps, ctx.pair.id),
      months,
      approved: body.decision === 'approved',
      reason: body.reason,
      plannedEndOn: plannedEndOn ? formatDate(plannedEndOn, recipient.locale) : null,
    }));
  });
  return lifecycleView(deps, actor, pairId);
}

/**
 * Ends the pair for a change of mentor: re-matched, the pair forbidden in matching (a 'forbid'
 * decision, as the board's), open change requests approved with the same reason; the adept waits
 * for a new mentor, and the new pair starts its own plan. History (events, the mentor book) is kept.
 */
async function endAsRematched(
  deps: Deps,
  actor: Actor | null,
  ctx: PairContext,
  reason: string,
  requestId: string | null,
): Promise<void> {
  if (!isRunning(ctx.status)) throw conflict('pair_ended');
  const role = managerRole(actor!, ctx);
  await deps.db.transaction().execute(async (trx) => {
    const at = nowOf(deps);
    await transition(deps, trx, ctx, 'rematched', {
      actorId: actor!.personId,
      role,
      reason,
      detail: requestId ? { requestId } : null,
    });
    for (const r of await repo.requestsOf(trx, ctx.pair.id)) {
      if (r.decision !== null) continue;
      await repo.decideRequest(trx, r.id, {
        decision: r.kind === 'change_of_mentor' ? 'approved' : 'declined',
        decision_reason: reason,
        decided_by: actor!.personId,
        decided_at: at,
      });
    }
    await matchingRepo.insertDecision(trx, {
      id: newId(),
      programme_id: ctx.pair.programme_id,
      round_id: ctx.pair.round_id,
      adept_id: ctx.pair.adept_id,
      mentor_id: ctx.pair.mentor_id,
      kind: 'forbid',
      reason,
      overridden: null,
      created_by: actor!.personId,
      created_at: at,
      removed_by: null,
      removed_at: null,
    });
    await mailBoth(deps, trx, ctx, 'pair_rematched', (_recipient, other, recipientRole) => ({
      programme: ctx.pair.programme_name,
      other: other.name,
      link: pairLink(deps, ctx.pair.id),
      recipientRole,
    }));
  });
}

/** The coordinator ends the pair as re-matched (with or without a party's request). */
export async function rematchPair(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  reason: string,
): Promise<PairLifecycle> {
  const ctx = await pairFor(deps.db, actor, pairId, 'manage');
  await endAsRematched(deps, actor, ctx, reason, null);
  return lifecycleView(deps, actor, pairId);
}

/** The coordinator cancels the pair with a reason; both are told why. */
export async function cancelPair(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  reason: string,
): Promise<PairLifecycle> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, 'manage');
  if (!isRunning(ctx.status)) throw conflict('pair_ended');
  await db.transaction().execute(async (trx) => {
    const at = nowOf(deps);
    await transition(deps, trx, ctx, 'cancelled', {
      actorId: actor!.personId,
      role: managerRole(actor!, ctx),
      reason,
    });
    for (const r of await repo.requestsOf(trx, ctx.pair.id)) {
      if (r.decision === null)
        await repo.decideRequest(trx, r.id, {
          decision: 'declined',
          decision_reason: reason,
          decided_by: actor!.personId,
          decided_at: at,
        });
    }
    await mailBoth(deps, trx, ctx, 'pair_cancelled', (_recipient, other) => ({
      programme: ctx.pair.programme_name,
      other: other.name,
      link: pairLink(deps, ctx.pair.id),
      reason,
    }));
  });
  return lifecycleView(deps, actor, pairId);
}
