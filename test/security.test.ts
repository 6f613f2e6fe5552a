import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast } from './factories.ts';
import { dialects, startTestServer, TestClient, type TestServer } from './support.ts';

/**
 * The guards an outside probe tested, each against the way it was once got around: encoded paths,
 * concurrent and forged sign-in attempts, a CSRF token from before sign-in, control characters,
 * and framework errors that echoed the URL.
 */

/** The ways to spell `/api/<rest>` that the router takes as that path. */
const spellings = (rest: string) => [
  `/api/${rest}`,
  `/%61pi/${rest}`,
  `/ap%69/${rest}`,
  `//api/${rest}`,
  `/api//${rest}`,
  `/api/${rest}/`,
  `/api/%${rest.charCodeAt(0).toString(16)}${rest.slice(1)}`,
];

type Cast = Awaited<ReturnType<typeof buildCast>>;

describe.each(dialects)('security guards on %s', (dialect) => {
  let server: TestServer;
  let cast: Cast;

  beforeAll(async () => {
    server = await startTestServer(dialect, { LOGIN_MAX_ATTEMPTS: '5' });
    cast = await buildCast(server.db);
  });
  afterAll(() => server.close());

  const nameOf = async (personId: string) =>
    (await server.db.selectFrom('people').select('name').where('id', '=', personId).executeTakeFirstOrThrow())
      .name;

  it('asks for a session on every spelling of a private path, and never fails with a 500', async () => {
    const anonymous = new TestClient(server.baseUrl);
    for (const path of [...spellings('session'), ...spellings('me/applications')]) {
      expect([path, (await anonymous.get(path)).status]).toEqual([path, 401]);
    }
    for (const path of spellings('me')) {
      const response = await anonymous.patch(path, { name: 'Anonym' });
      expect([path, response.status]).toEqual([path, 401]);
    }
  });

  it('wants a CSRF token on every state-changing request, however the path is spelled', async () => {
    const client = new TestClient(server.baseUrl);
    await client.signIn(cast.mentor.email);
    const before = await nameOf(cast.mentor.id);
    for (const path of [...spellings('me'), '/API/me', '/Api/me']) {
      const response = await client.request('PATCH', path, { name: 'Utan token' }, { csrf: false });
      expect([path, response.status, response.body.code]).toEqual([path, 403, 'csrf_invalid']);
    }
    expect(await nameOf(cast.mentor.id)).toBe(before);
    // With the token, the router's spellings reach the same route; a different case is no route.
    for (const path of spellings('me')) expect((await client.patch(path, { name: before })).status).toBe(200);
    expect((await client.patch('/API/me', { name: 'Versaler' })).status).toBe(404);
    expect(await nameOf(cast.mentor.id)).toBe(before);
  });

  it('lets at most the limit of concurrent wrong passwords reach the password check', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 25 }, () =>
        new TestClient(server.baseUrl).post('/api/auth/sign-in', {
          email: cast.manager.email,
          password: 'not the password',
        }),
      ),
    );
    const statuses = attempts.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });

  it('voids a CSRF token fetched before sign-in', async () => {
    const client = new TestClient(server.baseUrl);
    const before = await client.ensureCsrf();
    await client.signIn(cast.adept.email);
    const response = await client.request(
      'PATCH',
      '/api/me',
      { locale: 'sv' },
      { headers: { 'x-csrf-token': before } },
    );
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('csrf_invalid');
    expect((await client.patch('/api/me', { locale: 'sv' })).status).toBe(200);
  });

  it('answers over-long and malformed paths as problem+json without echoing them', async () => {
    const client = new TestClient(server.baseUrl);
    await client.signIn(cast.admin.email);
    const long = await client.get(`/api/people/${'x'.repeat(500)}`);
    expect(long.status).toBe(414);
    expect(long.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(long.body)).not.toContain('xxxx');
    const malformed = await client.get('/api/people/%E0%A4%Azzz');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(malformed.body)).not.toContain('zzz');
  });

  it('refuses control characters in text, naming the field, and stores nothing', async () => {
    const client = new TestClient(server.baseUrl);
    await client.signIn(cast.adept.email);
    const before = await nameOf(cast.adept.id);
    for (const name of ['a\u0000b', 'a\u0007b', 'a\u001bb', 'a\u0085b']) {
      const response = await client.patch('/api/me', { name });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        { field: 'name', message: expect.stringContaining('styrtecken') },
      ]);
    }
    const twoLines = await client.patch('/api/me', { name: 'Anna\nAndersson' });
    expect(twoLines.status).toBe(400);
    expect(twoLines.body.errors).toEqual([{ field: 'name', message: expect.stringContaining('en rad') }]);
    expect(await nameOf(cast.adept.id)).toBe(before);

    // In a query string and in a key no schema names, too.
    const admin = new TestClient(server.baseUrl);
    await admin.signIn(cast.admin.email);
    const query = await admin.get(`/api/networks/${cast.network.id}/people?role=%00`);
    expect(query.status).toBe(400);
    const key = await client.patch('/api/me', { 'x\u0000': 1 });
    expect(key.status).toBe(400);
    expect(JSON.stringify(key.body)).not.toContain('\u0000');
  });

  it('keeps line breaks and tabs in multi-line text', async () => {
    const admin = new TestClient(server.baseUrl);
    await admin.signIn(cast.admin.email);
    const description = 'Första raden\r\nAndra raden\n\tindragen';
    const created = await admin.post(`/api/networks/${cast.network.id}/programmes`, {
      templateKey: 'union_branch',
      name: 'Flera rader',
      description,
    });
    expect(created.status).toBe(201);
    expect(created.body.description).toBe(description);
  });
});

describe('the client address behind a proxy', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  /** Eleven sign-ins for eleven addresses, each with its own forged X-Forwarded-For. */
  async function forgedAttempts(server: TestServer) {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await new TestClient(server.baseUrl).request(
        'POST',
        '/api/auth/sign-in',
        { email: `nobody-${i}@example.org`, password: 'not the password' },
        { headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } },
      );
      statuses.push(response.status);
    }
    return statuses;
  }

  it('ignores X-Forwarded-For in production unless TRUST_PROXY names the proxy', async () => {
    // One attempt per address means ten per IP address, so the eleventh from one address is refused.
    const untrusted = await startTestServer('sqlite', { NODE_ENV: 'production', LOGIN_MAX_ATTEMPTS: '1' });
    servers.push(untrusted);
    expect((await forgedAttempts(untrusted)).at(-1)).toBe(429);

    const behindProxy = await startTestServer('sqlite', {
      NODE_ENV: 'production',
      LOGIN_MAX_ATTEMPTS: '1',
      TRUST_PROXY: '127.0.0.1',
    });
    servers.push(behindProxy);
    expect(await forgedAttempts(behindProxy)).toEqual(Array(11).fill(401));
  });
});
