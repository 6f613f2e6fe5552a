import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { ManualClock } from '../src/server/clock.ts';
import { createDatabase, type Db } from '../src/server/db/connection.ts';
import type { Deps } from '../src/server/deps.ts';
import { runPairYearJobs } from '../src/server/modules/pairs/jobs.ts';
import { buildCast } from './factories.ts';
import { createPairFixture } from './pair-support.ts';
import { createTestDatabase, TestClient, type TestDatabase, testConfig, testDeps } from './support.ts';

/**
 * Two instances sharing one PostgreSQL database: a session, a CSRF token and the login rate limit
 * made on one hold on the other, since nothing of them lives in a process's memory.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('two instances sharing one PostgreSQL', () => {
  let shared: TestDatabase;
  const instances: { baseUrl: string; close: () => Promise<void> }[] = [];

  beforeAll(async () => {
    shared = await createTestDatabase('postgres');
    for (let i = 0; i < 2; i++) {
      const db = createDatabase({
        kind: 'postgres',
        url: process.env.TEST_DATABASE_URL as string,
        schema: shared.schema,
      });
      const app = await buildApp({
        config: testConfig({ LOGIN_MAX_ATTEMPTS: '2' }),
        db,
        clientDir: '/nonexistent',
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as AddressInfo;
      instances.push({
        baseUrl: `http://127.0.0.1:${port}`,
        close: async () => {
          await app.close();
          await db.destroy();
        },
      });
    }
  });
  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await shared.drop();
  });

  it('signs in on one instance and keeps working on the other', async () => {
    const cast = await buildCast(shared.db);
    const [first, second] = instances as [(typeof instances)[0], (typeof instances)[0]];
    expect(first.baseUrl).not.toBe(second.baseUrl);

    const onFirst = new TestClient(first.baseUrl);
    await onFirst.signIn(cast.admin.email);

    // Same cookies and CSRF token, other instance.
    const onSecond = new TestClient(second.baseUrl);
    for (const [name, value] of onFirst.cookies) onSecond.cookies.set(name, value);
    onSecond.csrfToken = onFirst.csrfToken;
    const session = await onSecond.get('/api/session');
    expect(session.status).toBe(200);
    expect(session.body.person.email).toBe(cast.admin.email);
    const created = await onSecond.post(`/api/networks/${cast.network.id}/organisations`, {
      name: 'Skapad på instans två',
      kind: 'agency',
    });
    expect(created.status).toBe(201);
    expect((await onFirst.get(`/api/organisations/${created.body.id}`)).body.name).toBe(
      'Skapad på instans två',
    );

    // Signing out on the second ends the session on the first too.
    expect((await onSecond.post('/api/auth/sign-out')).status).toBe(204);
    expect((await onFirst.get('/api/session')).status).toBe(401);
  });

  it('counts failed sign-ins across instances', async () => {
    const cast = await buildCast(shared.db);
    const [first, second] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const a = new TestClient(first.baseUrl);
    const b = new TestClient(second.baseUrl);
    expect(
      (await a.post('/api/auth/sign-in', { email: cast.mentor.email, password: 'wrong one' })).status,
    ).toBe(401);
    expect(
      (await b.post('/api/auth/sign-in', { email: cast.mentor.email, password: 'wrong two' })).status,
    ).toBe(401);
    expect(
      (await a.post('/api/auth/sign-in', { email: cast.mentor.email, password: 'wrong three' })).status,
    ).toBe(429);
  });

  it('lets at most the per-address limit of concurrent sign-ins through, across instances', async () => {
    // LOGIN_MAX_ATTEMPTS 2 gives one IP address twenty attempts in the window; send sixty at once.
    await shared.db.deleteFrom('rate_limits').execute();
    const attempts = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        new TestClient(instances[i % 2]!.baseUrl).post('/api/auth/sign-in', {
          email: `someone-${i}@example.org`,
          password: 'not the password',
        }),
      ),
    );
    const statuses = attempts.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
  });
});

/**
 * The pair-year jobs run on every instance's timer. Two instances running them at the same moment
 * send each reminder and each cadence notice once: the notice is claimed in the database, not in
 * a process's memory.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)('the pair-year jobs on two instances at once', () => {
  let shared: TestDatabase;
  const connections: Db[] = [];
  const clock = new ManualClock('2027-01-04T08:00:00Z');

  beforeAll(async () => {
    shared = await createTestDatabase('postgres');
    for (let i = 0; i < 2; i++) {
      connections.push(
        createDatabase({
          kind: 'postgres',
          url: process.env.TEST_DATABASE_URL as string,
          schema: shared.schema,
        }),
      );
    }
  });
  afterAll(async () => {
    for (const db of connections) await db.destroy();
    await shared.drop();
  });

  it('mails each reminder once when both run the jobs together', async () => {
    const cast = await buildCast(shared.db);
    await createPairFixture(shared.db, {
      networkId: cast.network.id,
      adept: { id: cast.adept.id, organisationId: cast.orgA.id },
      mentor: { id: cast.mentor.id, organisationId: cast.orgA.id },
      publishedBy: cast.admin.id,
      templateKey: 'union_branch',
      planStartsOn: '2027-01-04',
      status: 'active',
    });
    const [one, two] = connections.map((db) => testDeps(db, testConfig(), clock)) as [Deps, Deps];
    const mails = async (kind: string) =>
      shared.db.selectFrom('outbox').select(['to_email', 'subject']).where('kind', '=', kind).execute();

    // Monday 4 January: the mentor's contact is due within the week.
    await Promise.all([runPairYearJobs(one), runPairYearJobs(two)]);
    const dueSoon = await mails('plan_due_soon');
    expect(dueSoon.length).toBeGreaterThan(0);
    expect(new Set(dueSoon.map((m) => `${m.to_email} ${m.subject}`)).size).toBe(dueSoon.length);

    // Five weeks on, with no meeting held: deadlines have passed and the month's cadence has lapsed.
    clock.set('2027-02-08T08:00:00Z');
    await Promise.all([runPairYearJobs(one), runPairYearJobs(two), runPairYearJobs(one)]);
    const overdue = await mails('plan_overdue');
    expect(overdue.length).toBeGreaterThan(0);
    expect(new Set(overdue.map((m) => `${m.to_email} ${m.subject}`)).size).toBe(overdue.length);
    // One notice to each of the two, not one per instance.
    expect(await mails('plan_cadence')).toHaveLength(2);
  });
});
