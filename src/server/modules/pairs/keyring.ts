import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../../config.ts';
import { type Keyring, parseKeyring } from './content-crypto.ts';

export const DEV_KEY_FILE = 'mentor-book.key';

/**
 * The keys for mentor-book content. MENTOR_BOOK_KEYS when set (required in production and with
 * PostgreSQL). In development on SQLite, a key file beside the database file, made on first start
 * and readable by its owner only, so that the database file alone still reveals nothing; an
 * in-memory database gets a key that lives as long as it does.
 */
export function resolveKeyring(config: Config): Keyring {
  if (config.mentorBookKeys) return config.mentorBookKeys;
  if (config.database.kind !== 'sqlite') throw new Error('MENTOR_BOOK_KEYS is required with PostgreSQL');
  const fresh = () => `dev:${randomBytes(32).toString('base64')}`;
  if (config.database.path === ':memory:') return parseKeyring(fresh());
  const file = join(dirname(config.database.path), DEV_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${fresh()}\n`, { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return parseKeyring(readFileSync(file, 'utf8').trim(), file);
}
