import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, buildPerson } from '../../../../test/factories.ts';
import {
  dialects,
  startTestServer,
  TEST_PASSWORD,
  TestClient,
  type TestServer,
} from '../../../../test/support.ts';
import { deleteEndedSessions } from './auth.service.ts';

describe.each(dialects)('auth on %s', (dialect) => {
  let server: TestServer;
  let networkId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { LOGIN_MAX_ATTEMPTS: '3' });
    networkId = (await buildNetwork(server.db)).id;
  });
  afterAll(() => server.close());

  const personWithRole = (email: string) =>
    buildPerson(server.db, { email, roles: [{ role: 'network_admin', networkId }] });

  it('signs in with e-mail and password and knows who you are', async () => {
    await personWithRole('anna@example.org');
    const client = new TestClient(server.baseUrl);
    const signIn = await client.post('/api/auth/sign-in', {
      email: 'Anna@Example.org',
      password: TEST_PASSWORD,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.person.email).toBe('anna@example.org');
    const session = await client.get('/api/session');
    expect(session.status).toBe(200);
    expect(session.body.roles).toEqual([expect.objectContaining({ role: 'network_admin', networkId })]);
  });

  it('sets a __Host- session cookie that is Secure, HttpOnly and SameSite', async () => {
    await personWithRole('cookie@example.org');
    const client = new TestClient(server.baseUrl);
    const response = await client.signIn('cookie@example.org');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-bp_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it('gives a new session id at every sign-in and kills the old cookie at sign-out', async () => {
    await personWithRole('rotate@example.org');
    const client = new TestClient(server.baseUrl);
    await client.signIn('rotate@example.org');
    const first = client.cookies.get('__Host-bp_session');
    await client.signIn('rotate@example.org');
    const second = client.cookies.get('__Host-bp_session');
    expect(second).not.toBe(first);

    const stale = new TestClient(server.baseUrl);
    stale.cookies.set('__Host-bp_session', first!);
    expect((await stale.get('/api/session')).status).toBe(401);

    const signOut = await client.post('/api/auth/sign-out');
    expect(signOut.status).toBe(204);
    const replay = new TestClient(server.baseUrl);
    replay.cookies.set('__Host-bp_session', second!);
    expect((await replay.get('/api/session')).status).toBe(401);
  });

  it('refuses a wrong password with 401 in the caller’s language, and a disabled account', async () => {
    await personWithRole('wrong@example.org');
    const client = new TestClient(server.baseUrl);
    client.locale = 'en';
    const response = await client.post('/api/auth/sign-in', {
      email: 'wrong@example.org',
      password: 'nope nope nope',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.title).toBe('Wrong e-mail address or password.');

    await buildPerson(server.db, {
      email: 'off@example.org',
      disabled: true,
      roles: [{ role: 'mentor', networkId }],
    });
    const disabled = await client.post('/api/auth/sign-in', {
      email: 'off@example.org',
      password: TEST_PASSWORD,
    });
    expect(disabled.status).toBe(401);
  });

  it('rate-limits failed sign-ins per address', async () => {
    await personWithRole('limited@example.org');
    const client = new TestClient(server.baseUrl);
    for (let i = 0; i < 3; i++) {
      const response = await client.post('/api/auth/sign-in', {
        email: 'limited@example.org',
        password: 'wrong password',
      });
      expect(response.status).toBe(401);
    }
    const blocked = await client.post('/api/auth/sign-in', {
      email: 'limited@example.org',
      password: TEST_PASSWORD,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBeTruthy();
  });

  it('rejects state-changing requests without a valid CSRF token', async () => {
    await personWithRole('csrf@example.org');
    const client = new TestClient(server.baseUrl);
    const missing = await client.post(
      '/api/auth/sign-in',
      { email: 'csrf@example.org', password: TEST_PASSWORD },
      { csrf: false },
    );
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_invalid');

    await client.signIn('csrf@example.org');
    const forged = await client.request(
      'PATCH',
      '/api/me',
      { name: 'Hacked' },
      { headers: { 'x-csrf-token': 'forged' } },
    );
    expect(forged.status).toBe(403);
    const noHeader = await client.request('PATCH', '/api/me', { name: 'Hacked' }, { csrf: false });
    expect(noHeader.status).toBe(403);
    expect((await client.get('/api/session')).body.person.name).not.toBe('Hacked');
  });

  it('signs in with a one-time link from the outbox, only once', async () => {
    await personWithRole('link@example.org');
    const client = new TestClient(server.baseUrl);
    expect((await client.post('/api/auth/magic-link', { email: 'link@example.org' })).status).toBe(202);
    // Unknown addresses get the same answer, so the API does not reveal who has an account.
    expect((await client.post('/api/auth/magic-link', { email: 'nobody@example.org' })).status).toBe(202);

    const mail = await server.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_email', '=', 'link@example.org')
      .where('kind', '=', 'magic_link')
      .executeTakeFirstOrThrow();
    expect(mail.status).toBe('stored');
    const token = /token=([\w-]+)/.exec(mail.body_text)![1]!;

    const verify = await client.post('/api/auth/magic-link/verify', { token });
    expect(verify.status).toBe(200);
    expect((await client.get('/api/session')).body.person.email).toBe('link@example.org');
    const again = await new TestClient(server.baseUrl).post('/api/auth/magic-link/verify', { token });
    expect(again.status).toBe(410);
  });

  it('resets a password by mailed link and ends the old sessions', async () => {
    await personWithRole('reset@example.org');
    const oldSession = new TestClient(server.baseUrl);
    await oldSession.signIn('reset@example.org');

    const client = new TestClient(server.baseUrl);
    expect((await client.post('/api/auth/password-reset', { email: 'reset@example.org' })).status).toBe(202);
    const mail = await server.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_email', '=', 'reset@example.org')
      .where('kind', '=', 'password_reset')
      .executeTakeFirstOrThrow();
    const token = /token=([\w-]+)/.exec(mail.body_text)![1]!;

    const weak = await client.post('/api/auth/password-reset/confirm', { token, password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('password');

    const confirm = await client.post('/api/auth/password-reset/confirm', {
      token,
      password: 'a brand new passphrase',
    });
    expect(confirm.status).toBe(204);
    expect((await oldSession.get('/api/session')).status).toBe(401);
    expect(
      (await client.post('/api/auth/sign-in', { email: 'reset@example.org', password: TEST_PASSWORD }))
        .status,
    ).toBe(401);
    await client.signIn('reset@example.org', 'a brand new passphrase');
  });

  it('ends idle sessions and sessions past their absolute lifetime', async () => {
    const person = await personWithRole('timeout@example.org');
    const idle = new TestClient(server.baseUrl);
    await idle.signIn('timeout@example.org');
    const long = new TestClient(server.baseUrl);
    await long.signIn('timeout@example.org');
    const sessions = await server.db
      .selectFrom('sessions')
      .selectAll()
      .where('person_id', '=', person.id)
      .execute();
    expect(sessions).toHaveLength(2);

    const longAgo = new Date(Date.now() - server.config.sessionIdleMs - 1000).toISOString();
    await server.db
      .updateTable('sessions')
      .set({ last_seen_at: longAgo })
      .where('id', '=', sessions[0]!.id)
      .execute();
    const past = new Date(Date.now() - 1000).toISOString();
    await server.db
      .updateTable('sessions')
      .set({ expires_at: past })
      .where('id', '=', sessions[1]!.id)
      .execute();

    expect((await idle.get('/api/session')).status).toBe(401);
    expect((await long.get('/api/session')).status).toBe(401);
    const left = await server.db
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(left).toHaveLength(0);
  });

  it('clears ended sessions from the table without touching live ones', async () => {
    const person = await personWithRole('cleanup@example.org');
    const live = new TestClient(server.baseUrl);
    await live.signIn('cleanup@example.org');
    const ended = new TestClient(server.baseUrl);
    await ended.signIn('cleanup@example.org');
    const sessions = await server.db
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(sessions).toHaveLength(2);
    const longAgo = new Date(Date.now() - server.config.sessionIdleMs - 1000).toISOString();
    await server.db
      .updateTable('sessions')
      .set({ last_seen_at: longAgo })
      .where('id', '=', sessions[1]!.id)
      .execute();
    await deleteEndedSessions(server.db, server.config);
    const left = await server.db
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(left.map((s) => s.id)).toEqual([sessions[0]!.id]);
    // One of the two browsers is still signed in, the other is not.
    const statuses = [
      (await live.get('/api/session')).status,
      (await ended.get('/api/session')).status,
    ].sort();
    expect(statuses).toEqual([200, 401]);
  });

  it('answers every response with the security headers', async () => {
    const client = new TestClient(server.baseUrl);
    for (const path of ['/api/session', '/healthz', '/api/nothing-here']) {
      const response = await client.get(path);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-request-id')).toBeTruthy();
    }
  });
});
