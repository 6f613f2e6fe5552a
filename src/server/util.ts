import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** A secret for a cookie or a mailed link, and the digest that is all the database keeps of it. */
export function newSecretToken(): { token: string; digest: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, digest: digestToken(token) };
}

export const digestToken = (token: string): string => createHash('sha256').update(token).digest('hex');
