import { z } from 'zod';
import {
  idParams,
  networkParams,
  peopleQuerySchema,
  personSchema,
  updatePersonBodySchema,
} from '../../../shared/api.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import * as service from './people.service.ts';

const tags = ['people'];

export async function peopleRoutes(app: App, { db, clock }: Deps) {
  const r = typed(app);

  r.get(
    '/api/networks/:networkId/people',
    {
      schema: {
        tags,
        summary: 'People of the network (administrators) or of your organisations (coordinators)',
        params: networkParams,
        querystring: peopleQuerySchema,
        response: { 200: z.array(personSchema) },
      },
    },
    async (request) => service.listPeople(db, request.actor, request.params.networkId, request.query),
  );

  r.get(
    '/api/people/:id',
    { schema: { tags, summary: 'One person', params: idParams, response: { 200: personSchema } } },
    async (request) => service.getPerson(db, request.actor, request.params.id, clock.now().toISOString()),
  );

  r.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Change a person, or disable/enable their account',
        params: idParams,
        body: updatePersonBodySchema,
        response: { 200: personSchema },
      },
    },
    async (request) =>
      service.updatePerson(db, request.actor, request.params.id, request.body, clock.now().toISOString()),
  );
}
