import { idParams } from '../../../shared/api.ts';
import {
  checkinBodySchema,
  checkinStateSchema,
  followUpQuerySchema,
  followUpSchema,
  milestoneParams,
  pairPlanSchema,
} from '../../../shared/pair-plan.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import * as checkin from './checkin.service.ts';
import * as plan from './plan.service.ts';

const tags = ['process plan'];

/**
 * The pair's process plan and check-in, and the coordinator's follow-up of a programme's pairs.
 * Metadata only: whoever may see the pair (parties, its organisations' coordinators, administrators,
 * advisors) reads the checklist; the parties tick it off. Answers 404 to whoever may not see the pair.
 */
export async function planRoutes(app: App, deps: Deps) {
  const r = typed(app);

  r.get(
    '/api/pairs/:id/plan',
    {
      schema: {
        tags,
        summary: "The pair's checklist with deadlines and status, and the cadence watch (metadata)",
        params: idParams,
        response: { 200: pairPlanSchema },
      },
    },
    async (request) => plan.getPlan(deps, request.actor, request.params.id),
  );

  r.post(
    '/api/pairs/:id/plan/:key/done',
    {
      schema: {
        tags,
        summary: 'Mark a milestone done (the pair)',
        params: milestoneParams,
        response: { 200: pairPlanSchema },
      },
    },
    async (request) => plan.markMilestone(deps, request.actor, request.params.id, request.params.key),
  );

  r.delete(
    '/api/pairs/:id/plan/:key/done',
    {
      schema: {
        tags,
        summary: 'Undo marking a milestone done (the pair); what a fact completed stays done',
        params: milestoneParams,
        response: { 200: pairPlanSchema },
      },
    },
    async (request) => plan.undoMilestone(deps, request.actor, request.params.id, request.params.key),
  );

  r.get(
    '/api/pairs/:id/checkin',
    {
      schema: {
        tags,
        summary:
          'The check-in at the third meeting: ratings; a text only to its author, and to the coordinator when marked',
        params: idParams,
        response: { 200: checkinStateSchema },
      },
    },
    async (request) => checkin.getCheckin(deps, request.actor, request.params.id),
  );

  r.post(
    '/api/pairs/:id/checkin',
    {
      schema: {
        tags,
        summary: 'Answer the check-in (each party once); a low rating alerts the coordinator',
        params: idParams,
        body: checkinBodySchema,
        response: { 201: checkinStateSchema },
      },
    },
    async (request, reply) => {
      const state = await checkin.answerCheckin(deps, request.actor, request.params.id, request.body);
      return reply.code(201).send(state);
    },
  );

  r.get(
    '/api/programmes/:id/pairs',
    {
      schema: {
        tags,
        summary:
          "The follow-up: a programme's pairs the caller runs, with their health at a glance (metadata only)",
        params: idParams,
        querystring: followUpQuerySchema,
        response: { 200: followUpSchema },
      },
    },
    async (request) => plan.followUp(deps, request.actor, request.params.id, request.query),
  );
}
