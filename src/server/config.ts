import { isIP } from 'node:net';
import { z } from 'zod';
import { ConfigError } from './config-error.ts';
import { type Keyring, MENTOR_BOOK_KEYS_VARIABLE, parseKeyring } from './modules/pairs/content-crypto.ts';

/**
 * Every environment variable the server reads, validated once at start-up.
 * With none set, Bollplank runs on SQLite at ./data/bollplank.db on port 3000.
 */
const envSchema = z.object({
  /** HTTP port to listen on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind to. */
  HOST: z.string().min(1).default('0.0.0.0'),
  /** PostgreSQL connection string; when absent the embedded SQLite database is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Path of the SQLite database file (only when DATABASE_URL is not set). */
  SQLITE_PATH: z.string().min(1).default('./data/bollplank.db'),
  /** SMTP server for outgoing mail, e.g. smtp://user:pass@mail.example.org:587. Without it mail is kept in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** Sender address of outgoing mail. */
  MAIL_FROM: z.string().min(3).default('Bollplank <no-reply@bollplank.local>'),
  /** The address people reach the app at; used in links in mail and for the CSRF origin check. */
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://mentor.example.org' }).optional(),
  /** Secret for signing cookies (at least 32 characters). Generated per start when absent, which signs everyone out on restart. */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  /** Hours after sign-in after which a session ends whatever the activity. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  /** Failed sign-in attempts allowed per e-mail address and per IP address in LOGIN_WINDOW_MINUTES. */
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Log level for the JSON logs. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set to "false" to skip creating the demo network on an empty database. */
  DEMO_SEED: z.enum(['true', 'false']).default('true'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * Which proxies' X-Forwarded-For to believe for the client's address (rate limits, logs): a hop
   * count ("1": the nearest proxy) or a comma-separated list of proxy addresses or CIDR ranges.
   * Off by default: without it the address is the TCP peer's.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .refine((value) => parseTrustProxy(value) !== undefined, {
      message:
        'must be a hop count (e.g. 1), a comma-separated list of proxy addresses or CIDR ranges (e.g. 10.0.0.5,10.1.0.0/16), or false',
    })
    .optional(),
  /** Who runs this installation, named in the accessibility statement and the personal-data page. */
  OPERATOR_NAME: z
    .string()
    .trim()
    .min(1, 'must not be blank')
    .max(120, 'must be at most 120 characters')
    .regex(/^\P{Cc}*$/u, 'must be one line without control characters')
    .optional(),
  /** Where people report accessibility problems and ask about their personal data. */
  OPERATOR_EMAIL: z
    .email({ message: 'must be an e-mail address such as tillganglighet@example.org' })
    .optional(),
  /**
   * Keys that encrypt mentor-book content at rest: "<key id>:<base64 of 32 bytes>", current first,
   * older ones after a comma until re-wrapped (docs/encryption.md). Required in production and with
   * DATABASE_URL; otherwise a key file is created next to the SQLite database.
   */
  MENTOR_BOOK_KEYS: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'sqlite'; path: string };
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  sessionSecret: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  loginMaxAttempts: number;
  loginWindowMs: number;
  logLevel: Env['LOG_LEVEL'];
  demoSeed: boolean;
  production: boolean;
  /** Fastify's trustProxy: false, a hop count, or the proxies' addresses. */
  trustProxy: false | number | string[];
  /** Who runs the installation; null: the pages speak of the network's programme managers. */
  operatorName: string | null;
  /** Their contact address; null: the pages point to the programme's coordinator. */
  operatorEmail: string | null;
  /** From MENTOR_BOOK_KEYS; null in development on SQLite, where a key file is used instead. */
  mentorBookKeys: Keyring | null;
}

export { ConfigError };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set", as in most shells' `VAR= npm start`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.')}: ${issue.message} (got "${env[String(issue.path[0])]}")`,
      ),
    );
  }
  const e = parsed.data;
  if (e.DATABASE_URL && !e.SESSION_SECRET) {
    throw new ConfigError([
      'SESSION_SECRET: required when DATABASE_URL is set, so that every instance sharing the database signs cookies alike',
    ]);
  }
  if (!e.MENTOR_BOOK_KEYS && (e.NODE_ENV === 'production' || e.DATABASE_URL)) {
    throw new ConfigError([
      `${MENTOR_BOOK_KEYS_VARIABLE}: required in production and with DATABASE_URL; set it to "<key id>:<base64 of 32 random bytes>" (see docs/encryption.md)`,
    ]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', path: e.SQLITE_PATH },
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET ?? randomSecret(),
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    loginMaxAttempts: e.LOGIN_MAX_ATTEMPTS,
    loginWindowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
    logLevel: e.LOG_LEVEL,
    demoSeed: e.DEMO_SEED === 'true',
    production: e.NODE_ENV === 'production',
    trustProxy: e.TRUST_PROXY === undefined ? false : (parseTrustProxy(e.TRUST_PROXY) ?? false),
    operatorName: e.OPERATOR_NAME ?? null,
    operatorEmail: e.OPERATOR_EMAIL ?? null,
    mentorBookKeys: e.MENTOR_BOOK_KEYS ? parseKeyring(e.MENTOR_BOOK_KEYS) : null,
  };
}

/** `undefined` for a value that is none of: false, a hop count, a list of addresses or CIDR ranges. */
export function parseTrustProxy(value: string): false | number | string[] | undefined {
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops >= 1 && hops <= 10 ? hops : undefined;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isAddressOrRange) ? entries : undefined;
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

function randomSecret(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
}
