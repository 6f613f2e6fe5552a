import { z } from 'zod';
import {
  acceptInvitationBodySchema,
  idParams,
  invitationBodySchema,
  invitationPreviewSchema,
  invitationSchema,
  networkParams,
  sessionResponseSchema,
  tokenSchema,
} from '../../../shared/api.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import { clientInfo } from '../../http/request-context.ts';
import { startSession } from '../auth/session-reply.ts';
import * as service from './invitations.service.ts';

const tags = ['invitations'];

export async function invitationRoutes(app: App, deps: Deps) {
  const r = typed(app);
  const { db, config, mailer, clock } = deps;

  r.get(
    '/api/networks/:networkId/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations you may see: all for administrators, your organisations for coordinators',
        params: networkParams,
        response: { 200: z.array(invitationSchema) },
      },
    },
    async (request) =>
      service.listInvitations(db, request.actor, request.params.networkId, clock.now().toISOString()),
  );

  r.post(
    '/api/networks/:networkId/invitations',
    {
      schema: {
        tags,
        summary: 'Invite a person by e-mail to a role in an organisation',
        params: networkParams,
        body: invitationBodySchema,
        response: { 201: invitationSchema },
      },
    },
    async (request, reply) => {
      const invitation = await service.createInvitation(
        { db, mailer, publicUrl: config.publicUrl, clock },
        request.actor,
        request.params.networkId,
        request.body,
      );
      return reply.status(201).send(invitation);
    },
  );

  r.post(
    '/api/invitations/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Withdraw an invitation not yet accepted',
        params: idParams,
        response: { 200: invitationSchema },
      },
    },
    async (request) =>
      service.revokeInvitation(db, request.actor, request.params.id, clock.now().toISOString()),
  );

  r.get(
    '/api/invitations/preview',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'What an invitation link offers',
        querystring: z.object({ token: tokenSchema }),
        response: { 200: invitationPreviewSchema },
      },
    },
    async (request) => service.previewInvitation(db, request.query.token, clock.now().toISOString()),
  );

  r.post(
    '/api/invitations/accept',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Accept an invitation and sign in',
        body: acceptInvitationBodySchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const session = await service.acceptInvitation(deps, request.body, clientInfo(request));
      return startSession(deps, request, reply, session);
    },
  );
}
