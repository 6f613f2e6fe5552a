import { z } from 'zod';
import { idParams, networkParams } from '../../../shared/api.ts';
import {
  createProgrammeBodySchema,
  programmeSchema,
  programmeTemplateSchema,
  roundBodySchema,
  roundSchema,
  updateProgrammeBodySchema,
} from '../../../shared/programme.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import { programmeTemplates } from './programme.templates.ts';
import * as service from './programmes.service.ts';

const tags = ['programmes'];

export async function programmeRoutes(app: App, { db, clock }: Deps) {
  const now = () => clock.now().toISOString();
  const r = typed(app);

  r.get(
    '/api/programme-templates',
    {
      schema: {
        tags,
        summary: 'The built-in programme templates',
        response: { 200: z.array(programmeTemplateSchema) },
      },
    },
    async () => [...programmeTemplates],
  );

  r.get(
    '/api/networks/:networkId/programmes',
    {
      schema: {
        tags,
        summary: 'Programmes of a network',
        params: networkParams,
        response: { 200: z.array(programmeSchema) },
      },
    },
    async (request) => service.listProgrammes(db, request.actor, request.params.networkId),
  );

  r.post(
    '/api/networks/:networkId/programmes',
    {
      schema: {
        tags,
        summary: 'Create a programme from a template (network administrators)',
        params: networkParams,
        body: createProgrammeBodySchema,
        response: { 201: programmeSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createProgramme(db, request.actor, request.params.networkId, request.body, now()),
        ),
  );

  r.get(
    '/api/programmes/:id',
    {
      schema: {
        tags,
        summary: 'One programme with all its settings',
        params: idParams,
        response: { 200: programmeSchema },
      },
    },
    async (request) => service.getProgramme(db, request.actor, request.params.id),
  );

  r.put(
    '/api/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Replace a programme’s name, description, status and settings (network administrators)',
        params: idParams,
        body: updateProgrammeBodySchema,
        response: { 200: programmeSchema },
      },
    },
    async (request) => service.updateProgramme(db, request.actor, request.params.id, request.body, now()),
  );

  r.get(
    '/api/programmes/:id/rounds',
    {
      schema: {
        tags,
        summary: 'Rounds (cohorts) of a programme',
        params: idParams,
        response: { 200: z.array(roundSchema) },
      },
    },
    async (request) => service.listRounds(db, request.actor, request.params.id),
  );

  r.post(
    '/api/programmes/:id/rounds',
    {
      schema: {
        tags,
        summary: 'Add a round (cohort)',
        params: idParams,
        body: roundBodySchema,
        response: { 201: roundSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createRound(db, request.actor, request.params.id, request.body, now())),
  );

  r.put(
    '/api/rounds/:id',
    {
      schema: {
        tags,
        summary: 'Change a round',
        params: idParams,
        body: roundBodySchema,
        response: { 200: roundSchema },
      },
    },
    async (request) => service.updateRound(db, request.actor, request.params.id, request.body, now()),
  );

  r.delete(
    '/api/rounds/:id',
    { schema: { tags, summary: 'Remove a round', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await service.deleteRound(db, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
