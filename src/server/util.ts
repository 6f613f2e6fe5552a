import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
/**
 * The system clock's time, for test fixtures only: the server reads the time from `deps.clock`
 * (src/server/clock.ts), so that one clock dates everything.
 */
export const nowIso = (): string => new Date().toISOString();

/** A secret for a cookie or a mailed link, and the digest that is all the database keeps of it. */
export function newSecretToken(): { token: string; digest: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, digest: digestToken(token) };
}

export const digestToken = (token: string): string => createHash('sha256').update(token).digest('hex');
