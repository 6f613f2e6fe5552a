import { z } from 'zod';
import { idParams } from '../../../shared/api.ts';
import { consentSchema, privacyNoticeSchema } from '../../../shared/intake.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import { requireActor } from '../../http/request-context.ts';
import { loadProgrammeForIntake } from '../applications/applications.service.ts';
import * as service from './privacy.service.ts';

const tags = ['privacy'];

export async function privacyRoutes(app: App, { db, clock }: Deps) {
  const r = typed(app);

  r.get(
    '/api/programmes/:id/privacy-notice',
    {
      schema: {
        tags,
        summary: 'The programme’s personal-data notice, current version, with the legal basis per purpose',
        params: idParams,
        response: { 200: privacyNoticeSchema },
      },
    },
    async (request) => {
      const programme = await loadProgrammeForIntake(db, request.actor, request.params.id);
      return service.presentNotice(
        await service.ensureCurrentNotice(
          db,
          { id: programme.id, settings: programme.parsedSettings },
          clock.now().toISOString(),
        ),
      );
    },
  );

  r.post(
    '/api/programmes/:id/consents',
    {
      schema: {
        tags,
        summary: 'Consent to one of the programme’s optional purposes',
        params: idParams,
        body: z.object({ purpose: z.string().trim().min(1).max(40) }),
        response: { 201: consentSchema },
      },
    },
    async (request, reply) => {
      const programme = await loadProgrammeForIntake(db, request.actor, request.params.id);
      const consent = await service.grantOwnConsent(
        db,
        requireActor(request),
        { id: programme.id, settings: programme.parsedSettings },
        request.body.purpose,
        clock.now().toISOString(),
      );
      return reply.status(201).send(consent);
    },
  );

  r.get(
    '/api/me/consents',
    {
      schema: {
        tags,
        summary: 'Consents you have given, and withdrawn',
        response: { 200: z.array(consentSchema) },
      },
    },
    async (request) => service.listOwnConsents(db, requireActor(request)),
  );

  r.post(
    '/api/me/consents/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a consent; it counts from the next request on',
        params: idParams,
        response: { 200: consentSchema },
      },
    },
    async (request) =>
      service.withdrawOwnConsent(db, requireActor(request), request.params.id, clock.now().toISOString()),
  );
}
