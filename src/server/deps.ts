import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import type { Mailer } from './modules/mail/mail.service.ts';

/** What every module's routes are given. */
export interface Deps {
  db: Db;
  config: Config;
  mailer: Mailer;
}

export type App = FastifyInstance;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
