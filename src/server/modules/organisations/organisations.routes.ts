import { z } from 'zod';
import { idParams, networkParams, organisationBodySchema, organisationSchema } from '../../../shared/api.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import * as service from './organisations.service.ts';

const tags = ['organisations'];

export async function organisationRoutes(app: App, { db, clock }: Deps) {
  const now = () => clock.now().toISOString();
  const r = typed(app);

  r.get(
    '/api/networks/:networkId/organisations',
    {
      schema: {
        tags,
        summary: 'Member organisations of a network',
        params: networkParams,
        response: { 200: z.array(organisationSchema) },
      },
    },
    async (request) => service.listOrganisations(db, request.actor, request.params.networkId),
  );

  r.post(
    '/api/networks/:networkId/organisations',
    {
      schema: {
        tags,
        summary: 'Add a member organisation (network administrators)',
        params: networkParams,
        body: organisationBodySchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createOrganisation(db, request.actor, request.params.networkId, request.body, now()),
        ),
  );

  r.get(
    '/api/organisations/:id',
    {
      schema: { tags, summary: 'One organisation', params: idParams, response: { 200: organisationSchema } },
    },
    async (request) =>
      service.presentOrganisation(await service.getOrganisation(db, request.actor, request.params.id)),
  );

  r.patch(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organisation (network administrators)',
        params: idParams,
        body: organisationBodySchema,
        response: { 200: organisationSchema },
      },
    },
    async (request) => service.updateOrganisation(db, request.actor, request.params.id, request.body, now()),
  );
}
