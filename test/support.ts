import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { type Clock, systemClock } from '../src/server/clock.ts';
import { type Config, loadConfig } from '../src/server/config.ts';
import { createDatabase, type Db } from '../src/server/db/connection.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import type { Deps } from '../src/server/deps.ts';
import { createMailer } from '../src/server/modules/mail/mail.service.ts';
import { resolveKeyring } from '../src/server/modules/pairs/keyring.ts';

export type Dialect = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const dialects: Dialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-cookies-0123456789';
/** A fixed mentor-book key for tests (never used anywhere else). */
export const TEST_MENTOR_BOOK_KEYS = `test:${Buffer.alloc(32, 7).toString('base64')}`;

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    DEMO_SEED: 'false',
    NODE_ENV: 'test',
    SESSION_SECRET: TEST_SECRET,
    PUBLIC_URL: 'http://localhost:3000',
    MENTOR_BOOK_KEYS: TEST_MENTOR_BOOK_KEYS,
    ...overrides,
  });
}

export interface TestDatabase {
  db: Db;
  dialect: Dialect;
  /** For PostgreSQL, the schema this database lives in; a second app can share it. */
  schema?: string;
  drop(): Promise<void>;
}

/** What services and jobs are given, over a database of the test's own. */
export function testDeps(db: Db, config: Config = testConfig(), clock: Clock = systemClock): Deps {
  return {
    db,
    config,
    mailer: createMailer({ smtpUrl: undefined, from: config.mailFrom, clock }),
    clock,
    keyring: resolveKeyring(config),
  };
}

/** A fresh, migrated database of its own: an in-memory SQLite, or a new PostgreSQL schema. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const db = createDatabase({ kind: 'sqlite', path: ':memory:' });
    await migrateToLatest(db);
    return { db, dialect, drop: () => db.destroy() };
  }
  const url = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = createDatabase({ kind: 'postgres', url, schema });
  await migrateToLatest(db, { schema });
  return {
    db,
    dialect,
    schema,
    async drop() {
      await db.destroy();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}

export interface TestServer {
  app: FastifyInstance;
  db: Db;
  dialect: Dialect;
  baseUrl: string;
  config: Config;
  testDb: TestDatabase;
  /** The same database, configuration, clock and keys as the server's, for calling services and jobs directly. */
  deps: Deps;
  close(): Promise<void>;
}

/** The real app on a real port over a real database. */
export async function startTestServer(
  dialect: Dialect,
  overrides: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<TestServer> {
  const testDb = await createTestDatabase(dialect);
  const config = testConfig(overrides);
  const clock = options.clock ?? systemClock;
  const app = await buildApp({ config, db: testDb.db, clientDir: '/nonexistent', clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    db: testDb.db,
    dialect,
    baseUrl: `http://127.0.0.1:${port}`,
    config,
    testDb,
    deps: testDeps(testDb.db, config, clock),
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like HTTP client: keeps cookies (including __Host- ones, which a browser would only
 * keep over HTTPS or on localhost) and sends the CSRF token on state-changing requests.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;
  locale = 'sv';

  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'accept-language': this.locale, ...options.headers };
    const stateChanging = !['GET', 'HEAD'].includes(method);
    if (stateChanging && options.csrf !== false && !headers['x-csrf-token'])
      headers['x-csrf-token'] = await this.ensureCsrf();
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.cookie = cookie;
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    this.storeCookies(response.headers);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON; keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, options?: { csrf?: boolean }) {
    return this.request<T>('POST', path, body ?? {}, options);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body ?? {});
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async ensureCsrf(): Promise<string> {
    if (!this.csrfToken) {
      const response = await this.get<{ token: string }>('/api/csrf');
      this.csrfToken = response.body.token;
    }
    return this.csrfToken;
  }

  async signIn(email: string, password: string = TEST_PASSWORD): Promise<ApiResponse> {
    const response = await this.post('/api/auth/sign-in', { email, password });
    if (response.status !== 200)
      throw new Error(`sign-in as ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }

  private storeCookies(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line);
      // A new CSRF secret (at sign-in and sign-out) voids the token we hold, as in a browser.
      if (name === '__Host-bp_csrf') this.csrfToken = null;
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export const TEST_PASSWORD = 'correct horse battery staple';
