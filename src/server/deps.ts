import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import type { Mailer } from './modules/mail/mail.service.ts';
import type { Keyring } from './modules/pairs/content-crypto.ts';

/** What every module's routes are given. */
export interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
  /** The time the whole server runs on (see clock.ts). */
  clock: Clock;
  /** Keys for mentor-book content at rest. */
  keyring: Keyring;
}

export type App = FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
