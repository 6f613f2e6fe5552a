import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, buildPerson } from '../../../../test/factories.ts';
import { appointAdvisor, createPairFixture } from '../../../../test/pair-support.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';
import { ManualClock } from '../../clock.ts';
import { newId } from '../../util.ts';

type Cast = Awaited<ReturnType<typeof buildCast>> & { advisor: { id: string; email: string } };
type Who =
  | 'adept'
  | 'mentor'
  | 'admin'
  | 'coordinatorA'
  | 'coordinatorB'
  | 'manager'
  | 'advisor'
  | 'outsider';

const MARKED = 'Vi behöver hjälp att hitta tider – till koordinatorn-5e1f';
const PRIVATE = 'Det här är bara mitt – privat-a7c3';

/**
 * The process plan's routes, caller by caller: who reads the checklist and the check-in, who ticks
 * and answers, what a check-in text reaches, the facts that complete milestones, and bad input.
 */
describe.each(dialects)('the process plan routes on %s', (dialect) => {
  let server: TestServer;
  let cast: Cast;
  let pairId: string;
  let policePair: string;
  let programmeId: string;
  const clock = new ManualClock('2027-03-01T09:00:00Z');
  const clients = new Map<Who, TestClient>();

  async function as(who: Who): Promise<TestClient> {
    let client = clients.get(who);
    if (!client) {
      client = new TestClient(server.baseUrl);
      await client.signIn(cast[who].email);
      clients.set(who, client);
    }
    return client;
  }

  async function holdMeetings(pair: string, count: number) {
    for (let i = 0; i < count; i++) {
      const id = newId();
      const at = `2027-0${i + 1}-10T09:00:00Z`;
      await server.db
        .insertInto('meetings')
        .values({
          id,
          pair_id: pair,
          uid: `${id}@test`,
          sequence: 0,
          starts_at: at,
          duration_minutes: 90,
          mode: 'video',
          location: 'https://example.org/m',
          status: 'planned',
          held_at: at,
          created_by: null,
          created_at: at,
          updated_at: at,
          cancelled_at: null,
        })
        .execute();
    }
  }

  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { clock });
    const base = await buildCast(server.db);
    const advisor = await buildPerson(server.db, {
      roles: [{ role: 'manager', networkId: base.network.id, organisationId: base.orgB.id }],
    });
    cast = { ...base, advisor };
    const pair = await createPairFixture(server.db, {
      networkId: cast.network.id,
      adept: { id: cast.adept.id, organisationId: cast.orgA.id },
      mentor: { id: cast.mentor.id, organisationId: cast.orgA.id },
      publishedBy: cast.admin.id,
      templateKey: 'municipal_individual',
      status: 'active',
      planStartsOn: '2026-12-01',
    });
    pairId = pair.pairId;
    programmeId = pair.programmeId;
    await appointAdvisor(server.db, programmeId, advisor.id);
    await holdMeetings(pairId, 3);
    const police = await buildPerson(server.db, {
      roles: [{ role: 'adept', networkId: cast.network.id, organisationId: cast.orgA.id }],
    });
    policePair = (
      await createPairFixture(server.db, {
        networkId: cast.network.id,
        adept: { id: police.id, organisationId: cast.orgA.id },
        mentor: { id: cast.mentor.id, organisationId: cast.orgA.id },
        publishedBy: cast.admin.id,
        templateKey: 'police_pool',
        status: 'first_meeting_held',
        planStartsOn: '2027-02-01',
      })
    ).pairId;
  });

  afterAll(async () => {
    await server?.close();
  });

  it('shows the checklist to the parties, those who run the pair and its advisor; 404 to the rest', async () => {
    for (const who of ['adept', 'mentor', 'admin', 'coordinatorA', 'advisor'] as const) {
      const response = await (await as(who)).get(`/api/pairs/${pairId}/plan`);
      expect(response.status, who).toBe(200);
      expect(response.body.isParty, who).toBe(who === 'adept' || who === 'mentor');
    }
    for (const who of ['coordinatorB', 'manager', 'outsider'] as const) {
      expect((await (await as(who)).get(`/api/pairs/${pairId}/plan`)).status, who).toBe(404);
      expect((await (await as(who)).get(`/api/pairs/${pairId}/checkin`)).status, who).toBe(404);
    }
    const advisorView = (await (await as('advisor')).get(`/api/pairs/${pairId}/plan`)).body;
    expect(advisorView.milestones.every((m: any) => !m.canMark && !m.canUndo)).toBe(true);
  });

  it('lets only the parties tick a milestone off', async () => {
    for (const who of ['admin', 'coordinatorA', 'advisor'] as const) {
      expect((await (await as(who)).post(`/api/pairs/${pairId}/plan/smart_goals/done`)).status, who).toBe(
        403,
      );
      expect((await (await as(who)).delete(`/api/pairs/${pairId}/plan/smart_goals/done`)).status, who).toBe(
        403,
      );
    }
    expect((await (await as('coordinatorB')).post(`/api/pairs/${pairId}/plan/smart_goals/done`)).status).toBe(
      404,
    );
    const done = await (await as('adept')).post(`/api/pairs/${pairId}/plan/smart_goals/done`);
    expect(done.status).toBe(200);
    // What only a fact completes in the app (both signatures, the check-in) cannot be ticked.
    for (const key of ['confidentiality_signed', 'third_meeting_check_in']) {
      expect(done.body.milestones.find((m: any) => m.key === key).canMark, key).toBe(false);
      const refused = await (await as('adept')).post(`/api/pairs/${pairId}/plan/${key}/done`);
      expect(refused.status, key).toBe(409);
      expect(refused.body.errors[0].field).toBe('key');
    }
    const seenByCoordinator = (await (await as('coordinatorA')).get(`/api/pairs/${pairId}/plan`)).body;
    expect(seenByCoordinator.milestones.find((m: any) => m.key === 'smart_goals').status).toBe('done');
  });

  it('refuses a rating outside 1–5, naming the field', async () => {
    for (const body of [
      { rating: 7 },
      { rating: 0 },
      {},
      { rating: 'bra' },
      { rating: 3, comment: 'x'.repeat(2001) },
    ]) {
      const response = await (await as('adept')).post(`/api/pairs/${pairId}/checkin`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors.map((e: any) => e.field)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(rating|comment)$/)]),
      );
    }
    expect(await server.db.selectFrom('pair_checkins').selectAll().execute()).toEqual([]);
  });

  it('lets a text reach only its author, and those who run the pair when marked; never the advisor', async () => {
    expect(
      (
        await (
          await as('adept')
        ).post(`/api/pairs/${pairId}/checkin`, {
          rating: 3,
          comment: PRIVATE,
          commentForCoordinator: false,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await (
          await as('mentor')
        ).post(`/api/pairs/${pairId}/checkin`, {
          rating: 4,
          comment: MARKED,
          commentForCoordinator: true,
        })
      ).status,
    ).toBe(201);
    expect((await (await as('admin')).post(`/api/pairs/${pairId}/checkin`, { rating: 4 })).status).toBe(403);
    // A rating of 3 or more alerts nobody.
    const alerts = await server.db
      .selectFrom('outbox')
      .select('kind')
      .where('kind', '=', 'plan_checkin_low')
      .execute();
    expect(alerts).toEqual([]);

    const read = async (who: Who) =>
      JSON.stringify((await (await as(who)).get(`/api/pairs/${pairId}/checkin`)).body);
    expect(await read('adept')).toContain(PRIVATE);
    expect(await read('adept')).not.toContain(MARKED);
    expect(await read('mentor')).toContain(MARKED);
    expect(await read('mentor')).not.toContain(PRIVATE);
    for (const who of ['admin', 'coordinatorA'] as const) {
      expect(await read(who)).toContain(MARKED);
      expect(await read(who)).not.toContain(PRIVATE);
    }
    const advisor = await read('advisor');
    expect(advisor).not.toContain(MARKED);
    expect(advisor).not.toContain(PRIVATE);
    expect(advisor).toContain('"rating":4');
    // The coordinator's read of a marked text is logged.
    const audit = await server.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action'])
      .where('subject_id', '=', pairId)
      .where('subject_type', '=', 'pair_checkin_comment')
      .execute();
    expect([...new Set(audit.map((a) => a.actor_id))].sort()).toEqual(
      [cast.admin.id, cast.coordinatorA.id].sort(),
    );
    // Neither text is in the checklist or the follow-up.
    for (const path of [`/api/pairs/${pairId}/plan`, `/api/programmes/${programmeId}/pairs`]) {
      const body = JSON.stringify((await (await as('admin')).get(path)).body);
      expect(body).not.toContain(MARKED);
      expect(body).not.toContain(PRIVATE);
    }
  });

  it('completes the contract from both signatures of its current text; a new text voids them', async () => {
    const contract = async () =>
      (await (await as('mentor')).get(`/api/pairs/${policePair}/plan`)).body.milestones.find(
        (m: any) => m.key === 'contract',
      );
    expect((await contract()).done).toBeNull();
    const agreementId = newId();
    await server.db
      .insertInto('pair_agreements')
      .values({
        id: agreementId,
        pair_id: policePair,
        kind: 'contract',
        content: null,
        text_version: 'v1',
        updated_by: null,
        updated_at: '2027-02-10T10:00:00Z',
      })
      .execute();
    for (const [role, at] of [
      ['adept', '2027-02-11T10:00:00Z'],
      ['mentor', '2027-02-12T10:00:00Z'],
    ] as const) {
      await server.db
        .insertInto('pair_signatures')
        .values({
          id: newId(),
          pair_id: policePair,
          kind: 'contract',
          person_id: null,
          role,
          signed_name: role,
          text_version: 'v1',
          signed_at: at,
        })
        .execute();
    }
    expect(await contract()).toMatchObject({
      status: 'done',
      done: { automatic: true, at: '2027-02-12T10:00:00Z' },
    });
    await server.db
      .updateTable('pair_agreements')
      .set({ text_version: 'v2' })
      .where('id', '=', agreementId)
      .execute();
    expect((await contract()).done).toBeNull();
  });

  it('shows the follow-up only to administrators and coordinators, each only the pairs they run', async () => {
    const ids = async (who: Who) => {
      const response = await (await as(who)).get(`/api/programmes/${programmeId}/pairs`);
      return { status: response.status, ids: (response.body.pairs ?? []).map((p: any) => p.id) };
    };
    expect(await ids('admin')).toEqual({ status: 200, ids: [pairId] });
    expect(await ids('coordinatorA')).toEqual({ status: 200, ids: [pairId] });
    expect(await ids('coordinatorB')).toEqual({ status: 200, ids: [] });
    for (const who of ['adept', 'mentor', 'manager', 'advisor'] as const)
      expect((await ids(who)).status, who).toBe(403);
    expect((await ids('outsider')).status).toBe(404);
    expect((await (await as('admin')).get(`/api/programmes/${newId()}/pairs`)).status).toBe(404);
    expect(
      (await (await as('admin')).get(`/api/programmes/${programmeId}/pairs?organisationId=nope`)).status,
    ).toBe(400);
  });
});
