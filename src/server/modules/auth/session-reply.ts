import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionInfo } from '../../../shared/api.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import { renewCsrfSecret, setSessionCookie } from '../../http/request-context.ts';
import { describeSession, type NewSession, resolveSession, signOut } from './auth.service.ts';

/**
 * Hands a new session to the browser. Any session the request came with ends, and so does the
 * CSRF secret, so neither a session id nor a CSRF token carries over a sign-in.
 */
export async function startSession(
  deps: { db: Db; config: Config },
  request: FastifyRequest,
  reply: FastifyReply,
  session: NewSession,
): Promise<SessionInfo> {
  if (request.actor) await signOut(deps.db, request.actor);
  setSessionCookie(reply, session, deps.config);
  renewCsrfSecret(request, reply);
  const actor = await resolveSession(deps.db, deps.config, session.token);
  if (!actor) throw new AppError('internal');
  return describeSession(deps.db, actor, session.expiresAt);
}
