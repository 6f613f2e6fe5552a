import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/connection.ts';
import { buildCast } from './factories.ts';
import { dialects, startTestServer, TestClient, type TestServer } from './support.ts';

/**
 * Driven by the OpenAPI document, as an outside probe would be: every write route gets missing,
 * wrong-typed, oversized, control-character, prototype-polluting and malformed bodies, and every
 * route with a query string gets bad query values. No answer may be a 5xx, no control character
 * may be taken, and after any 4xx the database must be exactly as before. New routes are fuzzed without anyone writing a case.
 *
 * Bounded: a fixed set of cases per property, at most `maxCasesPerRoute` a route.
 */

const maxCasesPerRoute = 40;
/** Tables a refused request may still touch: the session's last-seen time, sign-in attempt counters. */
const volatileTables = new Set(['sessions', 'rate_limits']);
/** Routes not worth sending garbage to as the administrator: ending the session would end the run. */
const skipped = new Set(['POST /api/auth/sign-out']);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
  $ref?: string;
};

interface Operation {
  method: string;
  path: string;
  body: JsonSchema | null;
  multipart: boolean;
  query: { name: string; schema: JsonSchema }[];
}

function operationsOf(document: any): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries<Record<string, any>>(document.paths)) {
    for (const [method, operation] of Object.entries<any>(methods)) {
      const content = operation.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        body: content['application/json']?.schema ?? null,
        multipart: 'multipart/form-data' in content,
        query: (operation.parameters ?? [])
          .filter((p: any) => p.in === 'query')
          .map((p: any) => ({ name: p.name, schema: p.schema ?? {} })),
      });
    }
  }
  return operations.sort((a, b) => `${a.method} ${a.path}`.localeCompare(`${b.method} ${b.path}`));
}

/** A plausible value for a schema: the base each case breaks one part of. */
function example(schema: JsonSchema, ids: Record<string, string>, depth = 0): unknown {
  if (depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return example(choice.find((s) => s.type !== 'null') ?? choice[0]!, ids, depth + 1);
  if (schema.allOf) return example(schema.allOf[0]!, ids, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {}))
        value[key] = example(property, ids, depth + 1);
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 1 }, () => example(schema.items ?? {}, ids, depth + 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') return ids.organisationId;
      if (schema.format === 'email') return `fuzz-${crypto.randomUUID().slice(0, 8)}@example.org`;
      if (schema.format === 'date') return '2026-12-01';
      if (schema.format === 'date-time') return '2026-12-01T10:00:00.000Z';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return 'x';
  }
}

const wrongTypeFor = (value: unknown): unknown[] =>
  typeof value === 'string'
    ? [42, ['x'], { x: 1 }]
    : typeof value === 'number'
      ? ['1', 1.5, 1e308, -1e308]
      : typeof value === 'boolean'
        ? ['true', 0]
        : Array.isArray(value)
          ? ['x', { 0: 'x' }, Array(10_000).fill('x')]
          : ['x', [], 1];

const controlStrings = ['a\u0000b', 'a\u001bb', '\u0007'];
const oversized = 'x'.repeat(300_000);

/** Every case for one body schema: the whole body broken, then each property in turn. */
function bodyCases(schema: JsonSchema, ids: Record<string, string>): { name: string; body: string | null }[] {
  const base = example(schema, ids);
  const cases: { name: string; body: string | null }[] = [
    { name: 'no body', body: null },
    { name: 'empty object', body: '{}' },
    { name: 'malformed JSON', body: '{"name": "x",' },
    { name: 'an array', body: '[1,2,3]' },
    { name: 'a string', body: '"x"' },
    { name: 'deep nesting', body: `${'['.repeat(50_000)}${']'.repeat(50_000)}` },
    { name: '__proto__', body: '{"__proto__":{"isAdmin":true,"roles":["network_admin"]}}' },
    { name: 'constructor.prototype', body: '{"constructor":{"prototype":{"isAdmin":true}}}' },
    { name: 'a control character in a key', body: JSON.stringify({ 'x\u0000': 1 }) },
  ];
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    for (const [key, value] of Object.entries(base)) {
      const withValue = (v: unknown) => JSON.stringify({ ...base, [key]: v });
      const { [key]: _removed, ...without } = base as Record<string, unknown>;
      cases.push({ name: `${key} missing`, body: JSON.stringify(without) });
      for (const wrong of wrongTypeFor(value))
        cases.push({ name: `${key} wrong type`, body: withValue(wrong) });
      if (typeof value === 'string') {
        cases.push({ name: `${key} oversized`, body: withValue(oversized) });
        for (const s of controlStrings) cases.push({ name: `${key} control character`, body: withValue(s) });
      }
      cases.push({
        name: `${key} with __proto__`,
        body: withValue(JSON.parse('{"__proto__":{"polluted":true}}')),
      });
    }
  }
  return cases.slice(0, maxCasesPerRoute);
}

function queryCases(operation: Operation): { name: string; query: string }[] {
  return operation.query
    .flatMap(({ name }) => [
      { name: `${name} control character`, query: `${name}=%00` },
      { name: `${name} oversized`, query: `${name}=${'x'.repeat(5_000)}` },
      { name: `${name} repeated`, query: `${name}=a&${name}=b` },
      { name: `${name} bracketed`, query: `${name}[x]=1` },
    ])
    .slice(0, maxCasesPerRoute);
}

/** The whole database as text, but for the tables a refused request may touch. Tables are listed anew, so new ones are watched. */
async function snapshot(db: Db, dialect: string): Promise<string> {
  const tables =
    dialect === 'sqlite'
      ? await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(
          db,
        )
      : await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%' order by table_name`.execute(
          db,
        );
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    if (volatileTables.has(name)) continue;
    const rows = await sql`select * from ${sql.table(name)}`.execute(db);
    parts.push(name, JSON.stringify(rows.rows.map((r) => JSON.stringify(r)).sort()));
  }
  return parts.join('\n');
}

describe.each(dialects)('fuzzing every route from the OpenAPI document on %s', (dialect) => {
  let server: TestServer;
  let admin: TestClient;
  let operations: Operation[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    server = await startTestServer(dialect, { LOGIN_MAX_ATTEMPTS: '1000' });
    const cast = await buildCast(server.db);
    admin = new TestClient(server.baseUrl);
    await admin.signIn(cast.admin.email);
    const programme = await admin.post(`/api/networks/${cast.network.id}/programmes`, {
      templateKey: 'municipal_individual',
      name: 'Fuzz',
    });
    ids = {
      networkId: cast.network.id,
      organisationId: cast.orgA.id,
      programmeId: programme.body.id,
      personId: cast.adept.id,
    };
    operations = operationsOf((await admin.get('/api/docs/json')).body);
  });
  afterAll(() => server.close());

  /** A real id where the path names a kind we have, so the service runs; a fresh one otherwise. */
  function fillPath(path: string): string {
    const kind = path.split('/')[2];
    const byKind: Record<string, string | undefined> = {
      networks: ids.networkId,
      organisations: ids.organisationId,
      programmes: ids.programmeId,
      people: ids.personId,
    };
    return path
      .replace('{networkId}', ids.networkId!)
      .replace('{id}', byKind[kind ?? ''] ?? crypto.randomUUID());
  }

  it('finds the write routes to fuzz', () => {
    expect(operations.filter((o) => o.method !== 'GET').length).toBeGreaterThan(30);
  });

  it('never answers 5xx, and leaves the database as it was after every 4xx', async () => {
    const failures: string[] = [];
    let before = await snapshot(server.db, dialect);
    let sent = 0;
    for (const operation of operations) {
      const route = `${operation.method} ${operation.path}`;
      if (skipped.has(route) || operation.path.startsWith('/api/docs')) continue;
      const path = fillPath(operation.path);
      const cases: { name: string; path: string; body: string | null; contentType?: string }[] = [];
      if (operation.method !== 'GET') {
        if (operation.body) for (const c of bodyCases(operation.body, ids)) cases.push({ ...c, path });
        if (operation.multipart) {
          cases.push({ name: 'JSON instead of a file', path, body: '{"file":"x"}' });
          cases.push({
            name: 'a broken multipart body',
            path,
            body: '--b\r\nContent-Disposition: form-data; name="file"\r\n\r\nx',
            contentType: 'multipart/form-data; boundary=b',
          });
        }
      }
      for (const c of queryCases(operation))
        cases.push({ name: c.name, path: `${path}?${c.query}`, body: null });

      for (const c of cases) {
        sent++;
        const headers: Record<string, string> = { 'content-type': c.contentType ?? 'application/json' };
        const response = await admin.request(operation.method, c.path, c.body ?? undefined, {
          headers: c.body === null ? {} : headers,
        });
        const after = await snapshot(server.db, dialect);
        if (response.status >= 500) failures.push(`${route} (${c.name}): ${response.status}`);
        else if (response.status < 300 && c.name.includes('control character'))
          failures.push(`${route} (${c.name}): ${response.status}, the control character was taken`);
        else if (response.status >= 400 && after !== before)
          failures.push(`${route} (${c.name}): ${response.status} but the database changed`);
        before = after;
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(300);
  }, 240_000);
});
