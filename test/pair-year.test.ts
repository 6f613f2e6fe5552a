import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../src/server/clock.ts';
import { runPairYearJobs } from '../src/server/modules/pairs/jobs.ts';
import { addDays } from '../src/shared/calendar.ts';
import { buildCast, buildPerson } from './factories.ts';
import { createPairFixture } from './pair-support.ts';
import { dialects, startTestServer, TestClient, type TestServer } from './support.ts';

/**
 * One union pair's whole year (seed 001), through the API as its people use it, on a clock the test
 * moves: introduced, contact and first conversation, acceptance and both agreements, the checklist's
 * deadlines and their reminders, monthly meetings, an extension both ask for and the coordinator
 * approves, the ending, the closing conversation; then the mentor's place is free and the evaluations
 * are open. The parts have their own tests; this one proves they make one year together.
 */
describe.each(dialects)("a union pair's year, start to close, on %s", (dialect) => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof buildCast>>;
  let pairId: string;
  const clock = new ManualClock('2027-01-11T07:00:00Z');
  const clients = new Map<string, TestClient>();

  async function as(who: 'adept' | 'mentor' | 'coordinatorA'): Promise<TestClient> {
    let client = clients.get(who);
    if (!client) {
      client = new TestClient(server.baseUrl);
      await client.signIn(cast[who].email);
      clients.set(who, client);
    }
    return client;
  }

  /** Moves the clock to a day of the pair's year (day 0: 11 January 2027) and runs the periodic jobs. */
  async function day(n: number) {
    clock.set(new Date(Date.parse('2027-01-11T07:00:00Z') + n * 86_400_000));
    await runPairYearJobs(server.deps);
  }

  const isoDay = (n: number) => addDays('2027-01-11', n);

  async function mails(kind: string) {
    return server.db.selectFrom('outbox').select(['to_email', 'subject']).where('kind', '=', kind).execute();
  }

  async function milestone(key: string) {
    const plan = await (await as('adept')).get(`/api/pairs/${pairId}/plan`);
    expect(plan.status).toBe(200);
    return plan.body.milestones.find((m: { key: string }) => m.key === key);
  }

  /** The mentor books a meeting for a day of the year at 18:00 and, once it has been, marks it held. */
  async function meeting(n: number) {
    const mentor = await as('mentor');
    await day(n - 5);
    const booked = await mentor.post(`/api/pairs/${pairId}/meetings`, {
      date: isoDay(n),
      time: '18:00',
      durationMinutes: 60,
      mode: 'in_person',
      location: 'Fackets lokal',
    });
    expect(booked.status).toBe(201);
    clock.set(new Date(Date.parse(`${isoDay(n)}T19:30:00Z`)));
    expect((await mentor.post(`/api/meetings/${booked.body.id}/held`)).status).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { clock });
    cast = await buildCast(server.db);
    const fixture = await createPairFixture(server.db, {
      networkId: cast.network.id,
      adept: { id: cast.adept.id, organisationId: cast.orgA.id },
      mentor: { id: cast.mentor.id, organisationId: cast.orgA.id },
      publishedBy: cast.admin.id,
      templateKey: 'union_branch',
      planStartsOn: '2027-01-11',
    });
    pairId = fixture.pairId;
    // An ordinary member: the member meeting within six weeks is theirs too.
    await server.db
      .updateTable('applications')
      .set({ answers: JSON.stringify({ 'member-type': 'ordinary' }) })
      .where('person_id', '=', cast.adept.id)
      .execute();
  });
  afterAll(() => server?.close());

  it('runs from the introduction to the closing conversation', async () => {
    const adept = await as('adept');
    const mentor = await as('mentor');
    const coordinator = await as('coordinatorA');

    // Week 1: the mentor is reminded before the contact deadline, then ticks it off.
    await day(2);
    expect((await milestone('mentor_contact')).status).toBe('due_soon');
    expect((await mails('plan_due_soon')).length).toBeGreaterThan(0);
    expect((await mentor.post(`/api/pairs/${pairId}/plan/mentor_contact/done`)).status).toBe(200);

    // Week 2: the first conversation is held: it completes its milestone by itself.
    await meeting(10);
    expect((await adept.get(`/api/pairs/${pairId}`)).body.status).toBe('first_meeting_held');
    expect((await milestone('first_conversation')).status).toBe('done');

    // Both accept and sign the contract and the confidentiality agreement: the pair is active.
    await day(11);
    for (const party of [adept, mentor])
      expect((await party.post(`/api/pairs/${pairId}/accept`)).status).toBe(200);
    const contract = await adept.get(`/api/pairs/${pairId}/contract`);
    const answers = Object.fromEntries(
      contract.body.questions.map((q: { key: string }) => [
        q.key,
        'Vi ses en gång i månaden i fackets lokal.',
      ]),
    );
    const saved = await adept.put(`/api/pairs/${pairId}/contract`, { answers });
    expect(saved.status).toBe(200);
    const confidentiality = await adept.get(`/api/pairs/${pairId}/confidentiality`);
    for (const [party, name] of [
      [adept, cast.adept.name],
      [mentor, cast.mentor.name],
    ] as const) {
      const signed = await party.post(`/api/pairs/${pairId}/contract/sign`, {
        name,
        textVersion: saved.body.textVersion,
      });
      expect(signed.status).toBe(200);
      const agreed = await party.post(`/api/pairs/${pairId}/confidentiality/sign`, {
        name,
        textVersion: confidentiality.body.textVersion,
      });
      expect(agreed.status).toBe(200);
    }
    const active = await adept.get(`/api/pairs/${pairId}/lifecycle`);
    expect(active.body).toMatchObject({
      status: 'active',
      activeSince: isoDay(11),
      plannedEndOn: '2028-01-11',
    });

    // Week 9: the development plan was not ticked off by week 8: overdue, reminded once, and the
    // coordinator's follow-up shows it without a word of the pair's own texts.
    await day(60);
    await day(61);
    expect((await milestone('development_plan')).status).toBe('overdue');
    const overdueMails = await mails('plan_overdue');
    expect(overdueMails.filter((m) => m.to_email === cast.adept.email).length).toBeGreaterThan(0);
    const followUp = await coordinator.get(
      `/api/programmes/${(await adept.get(`/api/pairs/${pairId}`)).body.programme.id}/pairs`,
    );
    expect(followUp.status).toBe(200);
    const row = followUp.body.pairs.find((p: { id: string }) => p.id === pairId);
    expect(row.overdue.map((o: { key: string }) => o.key)).toContain('development_plan');
    expect(JSON.stringify(followUp.body)).not.toContain('fackets lokal');
    expect((await adept.post(`/api/pairs/${pairId}/plan/development_plan/done`)).status).toBe(200);

    // Monthly meetings through the year keep the cadence.
    for (const n of [40, 70, 100, 130, 160, 190, 220, 250, 280, 310]) await meeting(n);
    const plan = await adept.get(`/api/pairs/${pairId}/plan`);
    expect(plan.body.cadence.flagged).toBe(false);

    // Month 11: the adept asks for six more months, the mentor joins, the coordinator approves.
    await day(320);
    const asked = await adept.post(`/api/pairs/${pairId}/requests/extension`, {
      months: 6,
      reason: 'Vi vill följa styrelsearbetet ett halvår till.',
    });
    expect(asked.status).toBe(200);
    const requestId = asked.body.requests.find((r: { kind: string }) => r.kind === 'extension').id;
    expect((await mentor.post(`/api/pairs/${pairId}/requests/${requestId}/second`)).status).toBe(200);
    const decided = await coordinator.post(`/api/pairs/${pairId}/requests/${requestId}/decide`, {
      decision: 'approved',
      reason: 'Styrelsen ser gärna att ni fortsätter.',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ plannedEndOn: '2028-07-11', extensionMonths: 6 });

    // A month before the new end the job moves the pair to ending and asks both to plan the closing.
    for (const n of [340, 370, 400, 430, 460, 490, 520]) await meeting(n);
    await day(521);
    expect((await adept.get(`/api/pairs/${pairId}`)).body.status).toBe('ending');
    expect((await mails('pair_ending')).map((m) => m.to_email).sort()).toEqual(
      [cast.adept.email, cast.mentor.email].sort(),
    );

    // The mentor holds the closing conversation: closed, the mentor's place free, evaluations open.
    await day(540);
    const closed = await mentor.post(`/api/pairs/${pairId}/close`, { held: true });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', evaluationsOpened: true });
    expect((await milestone('end')).status).toBe('done');
    const evaluations = await server.db
      .selectFrom('evaluations')
      .select('role')
      .where('pair_id', '=', pairId)
      .execute();
    expect(evaluations.map((e) => e.role).sort()).toEqual(['adept', 'mentor']);
    const current = await server.db
      .selectFrom('pairs')
      .select('id')
      .where('mentor_id', '=', cast.mentor.id)
      .where('status', 'in', ['introduced', 'first_meeting_held', 'active', 'ending'])
      .execute();
    expect(current).toEqual([]);

    // Every transition was recorded, with who and when; the extension as an event of the active pair.
    const history = await coordinator.get(`/api/pairs/${pairId}/lifecycle`);
    expect(history.body.events.map((e: { to: string }) => e.to)).toEqual([
      'first_meeting_held',
      'active',
      'active',
      'ending',
      'closed',
    ]);
    for (const event of history.body.events) expect(event.at).toMatch(/^20\d\d-/);
  });

  it('clears the mentor book of a pair ended by a change of mentor, the programme’s months after', async () => {
    clock.set('2027-03-01T09:00:00Z');
    const adept = await buildPerson(server.db, {
      roles: [{ role: 'adept', networkId: cast.network.id, organisationId: cast.orgA.id }],
    });
    const mentor = await buildPerson(server.db, {
      roles: [{ role: 'mentor', networkId: cast.network.id, organisationId: cast.orgA.id }],
    });
    const fixture = await createPairFixture(server.db, {
      networkId: cast.network.id,
      adept: { id: adept.id, organisationId: cast.orgA.id },
      mentor: { id: mentor.id, organisationId: cast.orgA.id },
      publishedBy: cast.admin.id,
      status: 'active',
      planStartsOn: '2027-03-01',
    });
    const client = new TestClient(server.baseUrl);
    await client.signIn(adept.email);
    const written = await client.post(`/api/pairs/${fixture.pairId}/book/items`, {
      kind: 'reflection',
      visibility: 'shared',
      content: { prompt: 'Vad kan jag delegera?', dueOn: null, answer: 'Schemat.' },
    });
    expect(written.status).toBe(201);
    const ended = await (await as('coordinatorA')).post(`/api/pairs/${fixture.pairId}/rematch`, {
      reason: 'Adepten bad om en ny mentor.',
    });
    expect(ended.status).toBe(200);
    // The adept is back on the programme's matching board, waiting for a new mentor.
    const board = await (await as('coordinatorA')).get(`/api/programmes/${fixture.programmeId}/matching`);
    const onBoard = board.body.pairs.find((p: { id: string }) => p.id === fixture.pairId);
    expect(onBoard).toMatchObject({ status: 'rematched', adeptWaiting: true });

    const cleared = async () =>
      (
        await server.db
          .selectFrom('pairs')
          .select('data_key')
          .where('id', '=', fixture.pairId)
          .executeTakeFirstOrThrow()
      ).data_key === null;
    clock.set('2028-02-28T09:00:00Z');
    await runPairYearJobs(server.deps);
    expect(await cleared()).toBe(false);
    clock.set('2028-03-02T09:00:00Z');
    await runPairYearJobs(server.deps);
    expect(await cleared()).toBe(true);
    const rows = await server.db
      .selectFrom('book_items')
      .select('id')
      .where('pair_id', '=', fixture.pairId)
      .execute();
    expect(rows).toEqual([]);
  });

  it('keeps a running pair on the plan and texts it started with when the programme is edited', async () => {
    clock.set('2027-02-01T09:00:00Z');
    const fixture = await createPairFixture(server.db, {
      networkId: cast.network.id,
      adept: { id: cast.adeptB.id, organisationId: cast.orgB.id },
      mentor: { id: cast.mentor.id, organisationId: cast.orgA.id },
      publishedBy: cast.admin.id,
      templateKey: 'union_branch',
      status: 'active',
      planStartsOn: '2027-02-01',
    });
    const adeptB = new TestClient(server.baseUrl);
    await adeptB.signIn(cast.adeptB.email);
    const before = await adeptB.get(`/api/pairs/${fixture.pairId}/plan`);
    const contractBefore = await adeptB.get(`/api/pairs/${fixture.pairId}/contract`);
    expect(before.status).toBe(200);

    const admin = new TestClient(server.baseUrl);
    await admin.signIn(cast.admin.email);
    const programme = (await admin.get(`/api/programmes/${fixture.programmeId}`)).body;
    programme.settings.processPlan[0].offsetDays += 30;
    programme.settings.documents.contractRules = [{ sv: 'En ny regel.', en: 'A new rule.' }];
    const edited = await admin.put(`/api/programmes/${fixture.programmeId}`, {
      name: programme.name,
      description: programme.description,
      status: programme.status,
      settings: programme.settings,
    });
    expect(edited.status).toBe(200);

    const after = await adeptB.get(`/api/pairs/${fixture.pairId}/plan`);
    expect(after.body.milestones.map((m: { dueDate: string }) => m.dueDate)).toEqual(
      before.body.milestones.map((m: { dueDate: string }) => m.dueDate),
    );
    const contractAfter = await adeptB.get(`/api/pairs/${fixture.pairId}/contract`);
    expect(contractAfter.body.textVersion).toBe(contractBefore.body.textVersion);
  });

  it('completes the confidentiality milestone when both have signed the agreement', async () => {
    clock.set('2027-04-01T09:00:00Z');
    const people = await Promise.all(
      (['adept', 'mentor'] as const).map((role) =>
        buildPerson(server.db, {
          roles: [{ role, networkId: cast.network.id, organisationId: cast.orgA.id }],
        }),
      ),
    );
    const [adept, mentor] = people as [(typeof people)[0], (typeof people)[0]];
    const fixture = await createPairFixture(server.db, {
      networkId: cast.network.id,
      adept: { id: adept.id, organisationId: cast.orgA.id },
      mentor: { id: mentor.id, organisationId: cast.orgA.id },
      publishedBy: cast.admin.id,
      planStartsOn: '2027-04-01',
    });
    const confidentialityMilestone = async (client: TestClient) =>
      (await client.get(`/api/pairs/${fixture.pairId}/plan`)).body.milestones.find(
        (m: { completesOn: string | null }) => m.completesOn === 'confidentiality_signed',
      );
    const clients: TestClient[] = [];
    for (const person of [adept, mentor]) {
      const client = new TestClient(server.baseUrl);
      await client.signIn(person.email);
      clients.push(client);
    }
    expect((await confidentialityMilestone(clients[0]!)).status).not.toBe('done');
    for (const [i, person] of [adept, mentor].entries()) {
      const text = await clients[i]!.get(`/api/pairs/${fixture.pairId}/confidentiality`);
      const signed = await clients[i]!.post(`/api/pairs/${fixture.pairId}/confidentiality/sign`, {
        name: person.name,
        textVersion: text.body.textVersion,
      });
      expect(signed.status).toBe(200);
    }
    expect((await confidentialityMilestone(clients[0]!)).status).toBe('done');
  });
});
