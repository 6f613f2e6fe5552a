import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import type { Deps } from './deps.ts';
import { AppError } from './errors.ts';
import { registerErrorHandler, sendProblem } from './http/error-handler.ts';
import { CSRF_COOKIE, registerRequestContext } from './http/request-context.ts';
import { validatorCompiler } from './http/validation.ts';
import { pickLocale } from './i18n/messages.ts';
import { applicationRoutes } from './modules/applications/applications.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { homeRoutes } from './modules/home/home.routes.ts';
import { importRoutes } from './modules/imports/imports.routes.ts';
import { createMailer, type Mailer } from './modules/mail/mail.service.ts';
import { outboxRoutes } from './modules/mail/outbox.routes.ts';
import { matchingRoutes } from './modules/matching/matching.routes.ts';
import { networkRoutes } from './modules/network/network.routes.ts';
import { organisationRoutes } from './modules/organisations/organisations.routes.ts';
import { bookRoutes } from './modules/pairs/book.routes.ts';
import type { Keyring } from './modules/pairs/content-crypto.ts';
import { resolveKeyring } from './modules/pairs/keyring.ts';
import { lifecycleRoutes } from './modules/pairs/lifecycle.routes.ts';
import { meetingsRoutes } from './modules/pairs/meetings.routes.ts';
import { planRoutes } from './modules/pairs/plan.routes.ts';
import { invitationRoutes } from './modules/people/invitations.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { poolRoutes } from './modules/pool/pool.routes.ts';
import { privacyRoutes } from './modules/privacy/privacy.routes.ts';
import { profileRoutes } from './modules/profiles/profiles.routes.ts';
import { programmeRoutes } from './modules/programmes/programmes.routes.ts';

export interface RegisteredRoute {
  method: string;
  url: string;
  public: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RegisteredRoute[];
  }
}

export interface BuildAppOptions {
  config: Config;
  db: Db;
  mailer?: Mailer;
  /** Defaults to the system clock; tests pass one they can move. */
  clock?: Clock;
  /** Defaults to the keys from configuration (or the development key file). */
  keyring?: Keyring;
  /** Folder of the built client; served when it exists. */
  clientDir?: string;
}

const defaultClientDir = resolve(import.meta.dirname, '../../dist/client');

/** Registered in order: external plugins, then our request context, then each module's routes. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, db } = options;
  const clock = options.clock ?? systemClock;
  const mailer = options.mailer ?? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock });
  const deps: Deps = {
    db,
    config,
    mailer,
    clock,
    keyring: options.keyring ?? resolveKeyring(config),
  };

  const app = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // Forwarding headers only from the proxies the operator names (TRUST_PROXY), never by default.
    trustProxy: toFastifyTrustProxy(config.trustProxy),
    bodyLimit: 1_048_576,
    // One line per request, written below: by route pattern, so no ids or tokens reach the log.
    logController: new LogController({ disableRequestLogging: true }),
    // One resource, one answer: `//api/me` and `/api/me/` are `/api/me` (percent-decoding the router does anyway).
    routerOptions: { ignoreTrailingSlash: true, ignoreDuplicateSlashes: true },
    // Malformed and over-long URLs leave as our problem+json too, without echoing the URL.
    frameworkErrors: (error, request, reply) => {
      // Refused before routing, so before the request context: pick the language here.
      request.locale = pickLocale(request.headers['accept-language']) ?? 'sv';
      request.log.info({ code: error.code }, 'request refused');
      const appError =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new AppError('uri_too_long')
          : AppError.validation('path', 'invalid_format');
      return sendProblem(request, reply, appError);
    },
  });
  // Every route, as registered: the authorization matrix test checks that none is left out.
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    // Read `public` when asked: a scope's own onRoute hook (publicScope below) may set it after this one.
    for (const method of [route.method].flat())
      routeTable.push({
        method,
        url: route.url,
        get public() {
          return !!route.config?.public;
        },
      });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // The client's files are served many at a time: their lines only at debug level.
  app.addHook('onResponse', async (request, reply) => {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? '(no route)',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    const api = !request.routeOptions.config.public || line.route.startsWith('/api/');
    if (api) request.log.info(line, 'request');
    else request.log.debug(line, 'request');
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: config.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyCsrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', httpOnly: true, secure: true, sameSite: 'strict', signed: true },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Bollplank API',
        description:
          'Mentor programmes for networks of public-sector organisations. State-changing requests need the ' +
          'session cookie and an x-csrf-token header from GET /api/csrf. Errors are application/problem+json.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: '__Host-bp_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The API's documentation is public, like the document it shows.
  await app.register(
    publicScope(async (scope) => {
      await scope.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    }),
  );

  registerErrorHandler(app);
  registerRequestContext(app, db, config);

  for (const routes of [
    healthRoutes,
    authRoutes,
    networkRoutes,
    organisationRoutes,
    peopleRoutes,
    invitationRoutes,
    importRoutes,
    programmeRoutes,
    profileRoutes,
    privacyRoutes,
    applicationRoutes,
    poolRoutes,
    matchingRoutes,
    lifecycleRoutes,
    planRoutes,
    meetingsRoutes,
    bookRoutes,
    outboxRoutes,
    homeRoutes,
  ]) {
    await app.register(async (scope) => routes(scope, deps));
  }

  const clientDir = options.clientDir ?? defaultClientDir;
  if (existsSync(join(clientDir, 'index.html'))) {
    await app.register(
      publicScope(async (scope) => {
        await scope.register(fastifyStatic, { root: clientDir, prefix: '/', wildcard: false, index: false });
        // Client-side routes (/programmes/…, /auth/magic?token=…) all load the single page; an
        // unknown API path does not. The wildcard is the decoded path, as the router saw it.
        scope.get('/*', { schema: { hide: true } }, (request, reply) => {
          const path = (request.params as { '*': string })['*'];
          if (/^api(\/|$)/i.test(path)) return reply.callNotFound();
          return reply.header('cache-control', 'no-cache').sendFile('index.html');
        });
      }),
    );
  }
  return app;
}

/** A hop count trusts that many proxies nearest to us (Fastify's types lack the number form). */
function toFastifyTrustProxy(trust: Config['trustProxy']) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/** A plugin whose routes are all reachable without a session (the client's files, the API docs). */
function publicScope(register: (scope: FastifyInstance) => Promise<void>) {
  return async (scope: FastifyInstance) => {
    scope.addHook('onRoute', (route) => {
      route.config = Object.assign(route.config ?? {}, { public: true });
    });
    await register(scope);
  };
}
