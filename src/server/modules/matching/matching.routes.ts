import { z } from 'zod';
import { idParams } from '../../../shared/api.ts';
import {
  adeptBodySchema,
  boardQuerySchema,
  candidatesSchema,
  conflictBodySchema,
  conflictSchema,
  decisionBodySchema,
  decisionSchema,
  declineBodySchema,
  matchingBoardSchema,
  matchingRunSchema,
  myPairSchema,
  publishBodySchema,
  publishResultSchema,
  runBodySchema,
  swapPreviewBodySchema,
  swapPreviewSchema,
} from '../../../shared/matching.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import * as service from './matching.service.ts';
import * as pairs from './pairs.service.ts';

const tags = ['matching'];

export async function matchingRoutes(app: App, deps: Deps) {
  const r = typed(app);
  const { db, clock } = deps;
  const now = () => clock.now().toISOString();

  r.get(
    '/api/programmes/:id/matching',
    {
      schema: {
        tags,
        summary:
          'The matching board of a programme round: the latest run, waiting adepts, decisions and pairs (administrators; coordinators see what involves their organisations)',
        params: idParams,
        querystring: boardQuerySchema,
        response: { 200: matchingBoardSchema },
      },
    },
    async (request) =>
      service.getBoard(db, request.actor, request.params.id, request.query.roundId, request.locale, now()),
  );

  r.post(
    '/api/programmes/:id/matching/runs',
    {
      schema: {
        tags,
        summary:
          'Run matching for a cohort round, keeping the locks; small runs finish before the answer, large ones run in a worker (poll the run)',
        params: idParams,
        body: runBodySchema,
        response: { 201: matchingRunSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.startBatchRun(
            deps,
            request.actor,
            request.params.id,
            request.body.roundId,
            request.locale,
          ),
        ),
  );

  r.get(
    '/api/matching-runs/:id',
    {
      schema: {
        tags,
        summary: 'A run: status and progress, and when done what the caller may see of its result',
        params: idParams,
        response: { 200: matchingRunSchema },
      },
    },
    async (request) => service.getRun(db, request.actor, request.params.id, request.locale, now()),
  );

  r.post(
    '/api/matching-runs/:id/swap-preview',
    {
      schema: {
        tags,
        summary:
          'What locking another mentor for an adept would cost: broken hard constraints and the run’s score',
        params: idParams,
        body: swapPreviewBodySchema,
        response: { 200: swapPreviewSchema },
      },
    },
    async (request) => service.swapPreview(db, request.actor, request.params.id, request.body, now()),
  );

  r.post(
    '/api/matching-runs/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish proposals as introduced pairs: both parties get a mail introducing the other',
        params: idParams,
        body: publishBodySchema,
        response: { 200: publishResultSchema },
      },
    },
    async (request) => service.publish(deps, request.actor, request.params.id, request.body.pairs),
  );

  r.post(
    '/api/programmes/:id/matching/candidates',
    {
      schema: {
        tags,
        summary: 'Every mentor for one waiting adept, best first, with why (one adept at a time)',
        params: idParams,
        body: adeptBodySchema,
        response: { 200: candidatesSchema },
      },
    },
    async (request) =>
      service.candidates(db, request.actor, request.params.id, request.body, request.locale, now()),
  );

  r.post(
    '/api/programmes/:id/matching/rematch',
    {
      schema: {
        tags,
        summary: 'Re-match one adept (after a decline) without changing any other pair',
        params: idParams,
        body: adeptBodySchema,
        response: { 201: matchingRunSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.rematch(deps, request.actor, request.params.id, request.body, request.locale)),
  );

  r.post(
    '/api/programmes/:id/matching/decisions',
    {
      schema: {
        tags,
        summary: 'Lock a pair (kept in every run; by hand it may break a hard constraint) or forbid it',
        params: idParams,
        body: decisionBodySchema,
        response: { 201: decisionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.decide(db, request.actor, request.params.id, request.body, now())),
  );

  r.delete(
    '/api/matching-decisions/:id',
    {
      schema: {
        tags,
        summary: 'Remove a lock or a forbidden pair',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.removeDecision(db, request.actor, request.params.id, now());
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/me/pairs',
    {
      schema: {
        tags,
        summary: 'The caller’s pairs: the other party’s summary and contact details',
        response: { 200: z.array(myPairSchema) },
      },
    },
    async (request) => pairs.myPairs(db, request.actor, request.locale),
  );

  r.post(
    '/api/pairs/:id/decline',
    {
      schema: {
        tags,
        summary: 'Decline a pair (either party), with a reason kept for the coordinator',
        params: idParams,
        body: declineBodySchema,
        response: { 200: myPairSchema },
      },
    },
    async (request) =>
      pairs.declinePair(deps, request.actor, request.params.id, request.body.reason, request.locale),
  );

  r.get(
    '/api/me/conflicts',
    {
      schema: {
        tags,
        summary: 'People the caller should not be matched with',
        response: { 200: z.array(conflictSchema) },
      },
    },
    async (request) => pairs.myConflicts(db, request.actor),
  );

  r.post(
    '/api/me/conflicts',
    {
      schema: {
        tags,
        summary: 'Declare someone the caller should not be matched with, and why (seen by coordinators only)',
        body: conflictBodySchema,
        response: { 201: conflictSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await pairs.declareConflict(db, request.actor, request.body, now())),
  );

  r.delete(
    '/api/me/conflicts/:id',
    {
      schema: {
        tags,
        summary: 'Withdraw a declared conflict',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await pairs.withdrawConflict(db, request.actor, request.params.id, now());
      return reply.status(204).send(null);
    },
  );
}
