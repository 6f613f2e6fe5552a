import type { SessionInfo } from '../../../shared/api.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import { systemClock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Db, Queryable } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { digestToken, newSecretToken } from '../../util.ts';
import * as repo from './auth.repository.ts';
import { hashPassword, verifyPassword } from './password.ts';

export const TokenLifetimes = {
  magicLinkMinutes: 15,
  passwordResetMinutes: 60,
} as const;

/** Mail requests (sign-in links, resets) per address per hour, so nobody can flood an inbox. */
const mailRequestsPerHour = 5;
const lastSeenWriteIntervalMs = 60_000;
const ipAttemptsFactor = 10;

export type AuthDeps = Pick<Deps, 'db' | 'config' | 'mailer' | 'clock'>;

/**
 * Sessions alone run on the system clock, not on `deps.clock`: the browser counts a session's
 * lifetime too (the cookie's Max-Age, in real seconds), so a client signed in to a server whose
 * clock a test moves by days stays signed in. Sign-in limits and one-time links run on `deps.clock`.
 */
const sessionClock = systemClock;

export interface NewSession {
  token: string;
  expiresAt: string;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

export async function createSession(db: Queryable, personId: string, client: ClientInfo, config: Config) {
  const { token, digest } = newSecretToken();
  const now = sessionClock.now();
  const expiresAt = new Date(now.getTime() + config.sessionAbsoluteMs).toISOString();
  await repo.insertSession(db, {
    id: digest,
    person_id: personId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
    ip: client.ip,
  });
  return { token, expiresAt } satisfies NewSession;
}

export async function signInWithPassword(
  deps: AuthDeps,
  input: { email: string; password: string },
  client: ClientInfo,
): Promise<NewSession> {
  const { db, config } = deps;
  // Offices sit behind shared addresses, so an address gets many more tries than an account.
  const emailKey = `login:email:${input.email}`;
  const ipKey = `login:ip:${client.ip}`;
  // Every attempt is counted before the password is checked, atomically, so concurrent attempts
  // cannot all slip under the limit; a successful one is taken back below.
  const now = deps.clock.now();
  const overLimit = [
    (await repo.countHit(db, emailKey, config.loginWindowMs, now)) > config.loginMaxAttempts,
    (await repo.countHit(db, ipKey, config.loginWindowMs, now)) > config.loginMaxAttempts * ipAttemptsFactor,
  ].some(Boolean);
  if (overLimit) {
    throw new AppError('rate_limited', [], { retryAfterSeconds: Math.ceil(config.loginWindowMs / 1000) });
  }
  const person = await repo.findPersonByEmail(db, input.email);
  const valid = await verifyPassword(person?.password_hash ?? null, input.password);
  if (!person || !valid || person.disabled_at) throw new AppError('invalid_credentials');
  await repo.clearHits(db, emailKey);
  await repo.uncountHit(db, ipKey);
  return createSession(db, person.id, client, config);
}

/**
 * Resolves the session cookie to an actor, ending sessions that are idle or past their absolute
 * lifetime, and those of disabled people.
 */
export async function resolveSession(db: Db, config: Config, token: string): Promise<Actor | null> {
  const digest = digestToken(token);
  const session = await repo.findSession(db, digest);
  if (!session) return null;
  const now = sessionClock.now().getTime();
  const idleExpired = Date.parse(session.last_seen_at) + config.sessionIdleMs <= now;
  const absoluteExpired = Date.parse(session.expires_at) <= now;
  const person =
    idleExpired || absoluteExpired ? undefined : await repo.findPersonById(db, session.person_id);
  if (!person || person.disabled_at) {
    await repo.deleteSession(db, digest);
    return null;
  }
  if (now - Date.parse(session.last_seen_at) > lastSeenWriteIntervalMs) {
    await repo.touchSession(db, digest, new Date(now).toISOString());
  }
  return {
    personId: person.id,
    email: person.email,
    name: person.name,
    locale: person.locale as Locale,
    sessionId: digest,
    roles: await repo.findRoles(db, person.id),
  };
}

/** Removes sessions that can no longer be used; they are refused anyway, this only keeps the table small. */
export async function deleteEndedSessions(db: Queryable, config: Config): Promise<void> {
  const now = sessionClock.now();
  await repo.deleteExpiredSessions(
    db,
    new Date(now.getTime() - config.sessionIdleMs).toISOString(),
    now.toISOString(),
  );
}

export async function signOut(db: Queryable, actor: Actor): Promise<void> {
  await repo.deleteSession(db, actor.sessionId);
}

async function allowMailRequest(db: Queryable, email: string, now: Date): Promise<boolean> {
  return (await repo.countHit(db, `mail:${email}`, 3_600_000, now)) <= mailRequestsPerHour;
}

/**
 * Mails a one-time link (sign-in or password reset) to an address with an active account. Always
 * succeeds from the caller's view, so the answer never tells whether an address has an account.
 */
async function mailOneTimeLink(
  deps: AuthDeps,
  email: string,
  locale: Locale,
  link: { kind: 'magic_link' | 'password_reset'; path: string; minutes: number },
): Promise<void> {
  const { db, config, mailer } = deps;
  const now = deps.clock.now();
  if (!(await allowMailRequest(db, email, now))) return;
  const person = await repo.findPersonByEmail(db, email);
  if (!person || person.disabled_at) return;
  const { token, digest } = newSecretToken();
  await db.transaction().execute(async (trx) => {
    await repo.insertOneTimeToken(trx, {
      id: digest,
      purpose: link.kind,
      person_id: person.id,
      invitation_id: null,
      expires_at: new Date(now.getTime() + link.minutes * 60_000).toISOString(),
      used_at: null,
      created_at: now.toISOString(),
    });
    await mailer.enqueue(trx, {
      kind: link.kind,
      to: person.email,
      locale: (person.locale as Locale) ?? locale,
      networkId: await firstNetworkOf(trx, person.id),
      params: { link: `${config.publicUrl}${link.path}?token=${token}`, minutes: link.minutes },
    });
  });
}

export const requestMagicLink = (deps: AuthDeps, email: string, locale: Locale) =>
  mailOneTimeLink(deps, email, locale, {
    kind: 'magic_link',
    path: '/auth/magic',
    minutes: TokenLifetimes.magicLinkMinutes,
  });

export const requestPasswordReset = (deps: AuthDeps, email: string, locale: Locale) =>
  mailOneTimeLink(deps, email, locale, {
    kind: 'password_reset',
    path: '/auth/reset',
    minutes: TokenLifetimes.passwordResetMinutes,
  });

export async function signInWithMagicLink(
  deps: AuthDeps,
  token: string,
  client: ClientInfo,
): Promise<NewSession> {
  const { db } = deps;
  return db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const used = await repo.consumeOneTimeToken(trx, digestToken(token), 'magic_link', now);
    const person = used?.person_id ? await repo.findPersonById(trx, used.person_id) : undefined;
    if (!person || person.disabled_at) throw new AppError('token_invalid');
    return createSession(trx, person.id, client, deps.config);
  });
}

/** Sets the new password and ends every session of the person: whoever knew the old one is out. */
export async function confirmPasswordReset(deps: AuthDeps, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const used = await repo.consumeOneTimeToken(trx, digestToken(token), 'password_reset', now);
    if (!used?.person_id) throw new AppError('token_invalid');
    await repo.setPassword(trx, used.person_id, passwordHash, now);
    await repo.deleteSessionsOfPerson(trx, used.person_id);
  });
}

async function firstNetworkOf(db: Queryable, personId: string): Promise<string | null> {
  const roles = await repo.findRoles(db, personId);
  return roles[0]?.networkId ?? null;
}

export async function describeSession(db: Queryable, actor: Actor, expiresAt: string): Promise<SessionInfo> {
  const networkIds = [...new Set(actor.roles.map((r) => r.networkId))];
  const organisationIds = [
    ...new Set(actor.roles.map((r) => r.organisationId).filter((id): id is string => !!id)),
  ];
  const networks =
    networkIds.length === 0
      ? []
      : await db
          .selectFrom('networks')
          .select(['id', 'name'])
          .where('id', 'in', networkIds)
          .orderBy('name')
          .execute();
  const organisations =
    organisationIds.length === 0
      ? []
      : await db
          .selectFrom('organisations')
          .select(['id', 'name', 'network_id'])
          .where('id', 'in', organisationIds)
          .orderBy('name')
          .execute();
  return {
    person: { id: actor.personId, email: actor.email, name: actor.name, locale: actor.locale },
    roles: actor.roles,
    networks,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, networkId: o.network_id })),
    expiresAt,
  };
}

export async function sessionExpiry(db: Queryable, actor: Actor, config: Config): Promise<string> {
  const session = await repo.findSession(db, actor.sessionId);
  const now = sessionClock.now().getTime();
  const absolute = session ? Date.parse(session.expires_at) : now;
  const idle = now + config.sessionIdleMs;
  return new Date(Math.min(absolute, idle)).toISOString();
}
