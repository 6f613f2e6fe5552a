import { type CheckinAnswer, type CheckinState, PlanLimits } from '../../../shared/pair-plan.ts';
import type { Actor } from '../../authz/actor.ts';
import { runsPair } from '../../authz/policy.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../util.ts';
import * as matchingRepo from '../matching/matching.repository.ts';
import {
  auditContent,
  openForPair,
  type PairContext,
  pairFor,
  partyRole,
  sealForPair,
} from './pair-access.ts';
import * as repo from './plan.repository.ts';
import { checkinConfig, checkinOpen, factsOf, type PlanFacts } from './plan.service.ts';

/**
 * "How is it working?" at the third meeting (seed 004). Each party answers once: a rating 1–5 and
 * an optional text, encrypted at rest, that reaches the coordinator only when its author marks it
 * so. The other party does not read it either: what one says to the coordinator stays there.
 * A rating of 2 or lower alerts the coordinators of the adept's organisation at once.
 */

const location = (rowId: string) => ({ table: 'pair_checkins', column: 'comment', rowId });

function present(deps: Deps, actor: Actor, ctx: PairContext, facts: PlanFacts): CheckinState {
  const config = checkinConfig(ctx);
  const open = checkinOpen(ctx, facts);
  const runs = !ctx.role && runsPair(actor, ctx.subject);
  const answers: CheckinAnswer[] = facts.checkins.map((c) => {
    const own = c.person_id === actor.personId && c.role === ctx.role;
    const forCoordinator = c.comment_for_coordinator === 1;
    const readable = c.comment !== null && (own || (runs && forCoordinator));
    return {
      role: c.role as 'adept' | 'mentor',
      name: c.name ?? '',
      rating: c.rating,
      comment: readable ? openForPair(deps, ctx.pair.data_key!, location(c.id), c.comment!) : null,
      hasComment: c.comment !== null,
      commentForCoordinator: forCoordinator,
      answeredAt: c.created_at,
      low: c.rating <= PlanLimits.lowRatingMax,
    };
  });
  const answered = ctx.role ? facts.checkins.some((c) => c.role === ctx.role) : true;
  return {
    applies: config.applies,
    afterMeeting: config.afterMeeting,
    meetingsHeld: facts.meetings.length,
    open,
    canAnswer: open && ctx.role !== null && !answered,
    answers,
  };
}

export async function getCheckin(deps: Deps, actor: Actor | null, pairId: string): Promise<CheckinState> {
  const ctx = await pairFor(deps.db, actor, pairId, 'read');
  const facts = (await factsOf(deps.db, [ctx])).get(ctx.pair.id)!;
  const state = present(deps, actor!, ctx, facts);
  // A coordinator reading a text marked for them reads the pair's content: it is logged.
  if (!ctx.role && state.answers.some((a) => a.comment !== null)) {
    await auditContent(deps.db, actor!, 'read', ctx, 'pair_checkin_comment', deps.clock.now().toISOString());
  }
  return state;
}

export async function answerCheckin(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  body: { rating: number; comment: string; commentForCoordinator: boolean },
): Promise<CheckinState> {
  const ctx = await pairFor(deps.db, actor, pairId, 'participate');
  const role = partyRole(ctx);
  const facts = (await factsOf(deps.db, [ctx])).get(ctx.pair.id)!;
  if (!checkinConfig(ctx).applies)
    throw new AppError('conflict', [{ field: 'rating', message: 'checkin_none' }]);
  if (!checkinOpen(ctx, facts)) {
    const meetings = checkinConfig(ctx).afterMeeting ?? 1;
    throw new AppError('conflict', [{ field: 'rating', message: 'checkin_not_open', params: { meetings } }]);
  }
  const comment = body.comment.trim();
  const at = deps.clock.now().toISOString();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const sealed = comment ? await sealForPair(deps, trx, pairId, location(id), comment) : null;
    const inserted = await repo.insertCheckin(trx, {
      id,
      pairId,
      personId: actor!.personId,
      role,
      rating: body.rating,
      comment: sealed,
      forCoordinator: comment !== '' && body.commentForCoordinator,
      at,
    });
    if (!inserted) throw new AppError('conflict', [{ field: 'rating', message: 'checkin_answered' }]);
    if (body.rating <= PlanLimits.lowRatingMax) {
      for (const c of await matchingRepo.coordinatorsOf(trx, ctx.pair.network_id, ctx.adept.organisationId)) {
        const locale = c.locale === 'en' ? 'en' : 'sv';
        await deps.mailer.enqueue(trx, {
          kind: 'plan_checkin_low',
          to: c.email,
          locale,
          networkId: ctx.pair.network_id,
          params: {
            programme: ctx.pair.programme_name,
            adept: ctx.adept.name,
            mentor: ctx.mentor.name,
            who: locale === 'en' ? `the ${role}` : role === 'adept' ? 'adepten' : 'mentorn',
            rating: body.rating,
            hasText: comment !== '' && body.commentForCoordinator,
            link: `${deps.config.publicUrl}/pairs/${pairId}`,
          },
        });
      }
    }
  });
  const reloaded = await pairFor(deps.db, actor, pairId, 'read');
  const after = (await factsOf(deps.db, [reloaded])).get(pairId)!;
  return present(deps, actor!, reloaded, after);
}
