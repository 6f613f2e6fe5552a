import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Locale } from '../../shared/roles.ts';
import type { Actor } from '../authz/actor.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { pickLocale } from '../i18n/messages.ts';
import { type NewSession, resolveSession } from '../modules/auth/auth.service.ts';

export const SESSION_COOKIE = '__Host-bp_session';
export const CSRF_COOKIE = '__Host-bp_csrf';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (sign-in, health, invitations by token). Everything else needs one. */
    public?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is asking and in which language, then refuses what needs a session and has none,
 * and any state-changing request without a valid CSRF token.
 *
 * Both decisions rest on the route the router matched and on the method, never on the text of
 * the URL: the router decodes and normalises paths (`/%61pi/me` is `/api/me`), so a test on
 * `request.url` would disagree with what actually runs.
 */
export function registerRequestContext(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'sv');

  app.addHook('onRequest', async (request, reply) => {
    const headerLocale = pickLocale(request.headers['accept-language']);
    request.locale = headerLocale ?? 'sv';
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await resolveSession(db, config, token) : null;
    if (token && !request.actor) clearSessionCookie(reply);
    if (!headerLocale && request.actor) request.locale = request.actor.locale;

    // Deny by default: a matched route needs a session unless it is declared public. An unmatched
    // request reaches only the not-found handler, which reveals nothing.
    if (request.is404 || request.routeOptions.config.public) return;
    if (!request.actor) throw new AppError('unauthenticated');
  });

  // The CSRF plugin answers a bad token itself (through the error handler) and calls done otherwise.
  app.addHook('onRequest', (request, reply, done) => {
    if (safeMethods.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  });
}

/** The signed-in person; routes that are not public only run with one (see above). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}

export function setSessionCookie(reply: FastifyReply, session: NewSession, config: Config): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}

/**
 * A new CSRF secret for a new session: a token fetched before sign-in (perhaps planted by
 * someone else) must not stay valid after it.
 */
export function renewCsrfSecret(request: FastifyRequest, reply: FastifyReply): void {
  delete request.cookies[CSRF_COOKIE];
  reply.generateCsrf();
}

export function clientInfo(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}
