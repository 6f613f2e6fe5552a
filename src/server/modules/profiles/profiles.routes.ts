import { profileSchema, updateProfileBodySchema } from '../../../shared/intake.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import { requireActor } from '../../http/request-context.ts';
import * as service from './profiles.service.ts';

const tags = ['profiles'];

export async function profileRoutes(app: App, { db, clock }: Deps) {
  const r = typed(app);

  r.get(
    '/api/me/profile',
    {
      schema: {
        tags,
        summary: 'Your profile: basics, needs profile, mentor profile',
        response: { 200: profileSchema },
      },
    },
    async (request) => service.getOwnProfile(db, requireActor(request)),
  );

  r.put(
    '/api/me/profile',
    {
      schema: {
        tags,
        summary: 'Change your profile, or pause your availability as a mentor',
        body: updateProfileBodySchema,
        response: { 200: profileSchema },
      },
    },
    async (request) =>
      service.updateOwnProfile(db, requireActor(request), request.body, clock.now().toISOString()),
  );
}
