import { sql } from 'kysely';
import { z } from 'zod';
import { healthSchema } from '../../../shared/api.ts';
import { type App, type Deps, typed } from '../../deps.ts';

export async function healthRoutes(app: App, { db }: Deps) {
  typed(app).get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        summary: 'Liveness and database reachability',
        response: {
          200: healthSchema,
          503: z.object({ status: z.literal('unavailable'), database: z.string() }),
        },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ok' as const, database: 'ok' as const };
      } catch (error) {
        request.log.error({ err: error }, 'health check: database unreachable');
        return reply.status(503).send({ status: 'unavailable' as const, database: 'unreachable' });
      }
    },
  );
}
