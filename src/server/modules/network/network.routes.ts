import { networkParams, networkSchema } from '../../../shared/api.ts';
import { authorize } from '../../authz/policy.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { findNetwork } from './network.repository.ts';

export async function networkRoutes(app: App, { db }: Deps) {
  typed(app).get(
    '/api/networks/:networkId',
    {
      schema: {
        tags: ['network'],
        summary: 'A network you belong to',
        params: networkParams,
        response: { 200: networkSchema },
      },
    },
    async (request) => {
      const { networkId } = request.params;
      authorize(request.actor, 'read', { type: 'network', networkId });
      const network = await findNetwork(db, networkId);
      if (!network) throw notFound();
      return { id: network.id, name: network.name, createdAt: network.created_at };
    },
  );
}
