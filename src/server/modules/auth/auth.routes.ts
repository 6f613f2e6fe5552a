import { z } from 'zod';
import {
  csrfResponseSchema,
  emailOnlyBodySchema,
  passwordResetConfirmBodySchema,
  sessionResponseSchema,
  signInBodySchema,
  tokenBodySchema,
  updateMeBodySchema,
} from '../../../shared/api.ts';
import { type App, type Deps, typed } from '../../deps.ts';
import { clearSessionCookie, clientInfo, renewCsrfSecret, requireActor } from '../../http/request-context.ts';
import * as service from './auth.service.ts';
import { updateOwnProfile } from './profile.service.ts';
import { startSession } from './session-reply.ts';

const tags = ['auth'];

export async function authRoutes(app: App, deps: Deps) {
  const r = typed(app);
  const { db, config } = deps;

  r.get(
    '/api/csrf',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Get a CSRF token to send as x-csrf-token',
        response: { 200: csrfResponseSchema },
      },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  r.get(
    '/api/session',
    {
      schema: {
        tags,
        summary: 'The signed-in person, their roles and scopes',
        response: { 200: sessionResponseSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return service.describeSession(db, actor, await service.sessionExpiry(db, actor, config));
    },
  );

  r.post(
    '/api/auth/sign-in',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: signInBodySchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const session = await service.signInWithPassword(deps, request.body, clientInfo(request));
      return startSession(deps, request, reply, session);
    },
  );

  r.post(
    '/api/auth/sign-out',
    { schema: { tags, summary: 'End the current session', response: { 204: z.null() } } },
    async (request, reply) => {
      await service.signOut(db, requireActor(request));
      clearSessionCookie(reply);
      renewCsrfSecret(request, reply);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/api/auth/magic-link',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Mail a one-time sign-in link',
        body: emailOnlyBodySchema,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      await service.requestMagicLink(deps, request.body.email, request.locale);
      return reply.status(202).send(null);
    },
  );

  r.post(
    '/api/auth/magic-link/verify',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with a mailed link',
        body: tokenBodySchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request, reply) => {
      const session = await service.signInWithMagicLink(deps, request.body.token, clientInfo(request));
      return startSession(deps, request, reply, session);
    },
  );

  r.post(
    '/api/auth/password-reset',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Mail a link to choose a new password',
        body: emailOnlyBodySchema,
        response: { 202: z.null() },
      },
    },
    async (request, reply) => {
      await service.requestPasswordReset(deps, request.body.email, request.locale);
      return reply.status(202).send(null);
    },
  );

  r.post(
    '/api/auth/password-reset/confirm',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Choose a new password with a mailed link; ends all sessions',
        body: passwordResetConfirmBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await service.confirmPasswordReset(deps, request.body.token, request.body.password);
      return reply.status(204).send(null);
    },
  );

  r.patch(
    '/api/me',
    {
      schema: {
        tags,
        summary: 'Change your own name or language',
        body: updateMeBodySchema,
        response: { 200: sessionResponseSchema },
      },
    },
    async (request) => {
      const actor = await updateOwnProfile(
        db,
        requireActor(request),
        request.body,
        deps.clock.now().toISOString(),
      );
      return service.describeSession(db, actor, await service.sessionExpiry(db, actor, config));
    },
  );
}
