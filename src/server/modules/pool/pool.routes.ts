import { z } from 'zod';
import { idParams, networkParams } from '../../../shared/api.ts';
import {
  experienceExchangeBodySchema,
  poolMentorSchema,
  trainingBodySchema,
  trainingRecordSchema,
} from '../../../shared/intake.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import * as service from './pool.service.ts';

const tags = ['mentor pool'];

export async function poolRoutes(app: App, { db, clock }: Deps) {
  const r = typed(app);

  r.get(
    '/api/networks/:networkId/mentor-pool',
    {
      schema: {
        tags,
        summary: 'Approved mentors with profile, free capacity, training and experience exchange',
        params: networkParams,
        querystring: z.object({ programmeId: z.uuid().optional() }),
        response: { 200: z.array(poolMentorSchema) },
      },
    },
    async (request) =>
      service.listMentorPool(
        db,
        request.actor,
        request.params.networkId,
        request.query.programmeId,
        request.locale,
        clock.now().toISOString(),
      ),
  );

  r.post(
    '/api/people/:id/training',
    {
      schema: {
        tags,
        summary: 'Record a completed step of a programme’s mentor training',
        params: idParams,
        body: trainingBodySchema,
        response: { 201: trainingRecordSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.recordTraining(
            db,
            request.actor,
            request.params.id,
            request.body,
            clock.now().toISOString(),
          ),
        ),
  );

  r.delete(
    '/api/training-records/:id',
    { schema: { tags, summary: 'Remove a training record', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.deleteTrainingRecord(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/people/:id/experience-exchanges',
    {
      schema: {
        tags,
        summary: 'Record that a mentor took part in the yearly experience exchange',
        params: idParams,
        body: experienceExchangeBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.recordExperienceExchange(
        db,
        request.actor,
        request.params.id,
        request.body.year,
        clock.now().toISOString(),
      );
      return reply.status(204).send(null);
    },
  );

  r.delete(
    '/api/people/:id/experience-exchanges/:year',
    {
      schema: {
        tags,
        summary: 'Undo a recorded experience exchange (the year’s record of a mentor’s attendance)',
        params: idParams.extend({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.deleteExperienceExchange(db, request.actor, request.params.id, request.params.year);
      return reply.status(204).send(null);
    },
  );
}
