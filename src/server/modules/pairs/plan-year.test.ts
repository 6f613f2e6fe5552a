import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, buildPerson } from '../../../../test/factories.ts';
import { createPairFixture, insertBookItem } from '../../../../test/pair-support.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';
import { ManualClock } from '../../clock.ts';
import { newId } from '../../util.ts';
import { runPairYearJobs } from './jobs.ts';

type Cast = Awaited<ReturnType<typeof buildCast>>;

const BOOK_SECRET = 'Min hemliga anteckning om styrelsen – plan-9c1e';
const CHECKIN_SECRET = 'Vi pratar förbi varandra – privat-4d2a';
const CHECKIN_MARKED = 'Mentorn är frånvarande ibland – till koordinatorn-77b0';

/**
 * The union template's year (seed 001) walked with a manual clock: deadlines counted from the pair's
 * start, reminders before and after each deadline (once), the cadence flag after a month without a
 * meeting, the coordinator's follow-up (metadata only); then the five municipalities' check-in at the
 * third meeting (seed 004) with a low answer that alerts the coordinator.
 */
describe.each(dialects)("the pair's year on %s", (dialect) => {
  let server: TestServer;
  let cast: Cast;
  const clock = new ManualClock('2027-01-04T08:00:00Z');
  const clients = new Map<string, TestClient>();
  let pairId: string;
  let deputyPairId: string;
  let programmeId: string;

  async function as(email: string): Promise<TestClient> {
    let client = clients.get(email);
    if (!client) {
      client = new TestClient(server.baseUrl);
      await client.signIn(email);
      clients.set(email, client);
    }
    return client;
  }

  async function outbox(kind?: string) {
    let query = server.db
      .selectFrom('outbox')
      .select(['kind', 'to_email', 'subject', 'body_text'])
      .where('network_id', '=', cast.network.id);
    if (kind) query = query.where('kind', '=', kind);
    return query.orderBy('created_at').execute();
  }

  async function answer(personId: string, programme: string, memberType: string) {
    await server.db
      .updateTable('applications')
      .set({ answers: JSON.stringify({ 'member-type': memberType }) })
      .where('person_id', '=', personId)
      .where('programme_id', '=', programme)
      .execute();
  }

  async function holdMeeting(pair: string, startsAt: string) {
    const id = newId();
    await server.db
      .insertInto('meetings')
      .values({
        id,
        pair_id: pair,
        uid: `${id}@test`,
        sequence: 0,
        starts_at: startsAt,
        duration_minutes: 60,
        mode: 'phone',
        location: 'Telefon',
        status: 'planned',
        held_at: startsAt,
        created_by: null,
        created_at: startsAt,
        updated_at: startsAt,
        cancelled_at: null,
      })
      .execute();
  }

  const plan = async (email: string, pair = pairId) => (await as(email)).get(`/api/pairs/${pair}/plan`);
  const statusOf = (body: any, key: string) => body.milestones.find((m: any) => m.key === key)?.status;

  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { clock });
    cast = await buildCast(server.db);
    const pair = await createPairFixture(server.db, {
      networkId: cast.network.id,
      adept: { id: cast.adept.id, organisationId: cast.orgA.id },
      mentor: { id: cast.mentor.id, organisationId: cast.orgA.id },
      publishedBy: cast.admin.id,
      templateKey: 'union_branch',
      planStartsOn: '2027-01-04',
    });
    pairId = pair.pairId;
    programmeId = pair.programmeId;
    await answer(cast.adept.id, programmeId, 'ordinary');
    const deputy = await buildPerson(server.db, {
      roles: [{ role: 'adept', networkId: cast.network.id, organisationId: cast.orgB.id }],
    });
    const deputyMentor = await buildPerson(server.db, {
      roles: [{ role: 'mentor', networkId: cast.network.id, organisationId: cast.orgB.id }],
    });
    const notice = await server.db
      .selectFrom('privacy_notices')
      .select('id')
      .where('programme_id', '=', programmeId)
      .executeTakeFirstOrThrow();
    deputyPairId = (
      await createPairFixture(server.db, {
        networkId: cast.network.id,
        adept: { id: deputy.id, organisationId: cast.orgB.id },
        mentor: { id: deputyMentor.id, organisationId: cast.orgB.id },
        publishedBy: cast.admin.id,
        programme: { id: programmeId, roundId: pair.roundId, noticeId: notice.id },
        planStartsOn: '2027-01-04',
      })
    ).pairId;
    await answer(deputy.id, programmeId, 'deputy');
    // Mentor-book content of the pair: never to be seen in the plan or the follow-up.
    await insertBookItem(server.deps, server.db, {
      pairId,
      kind: 'reflection',
      authorId: cast.adept.id,
      authorRole: 'adept',
      visibility: 'shared',
      content: { text: BOOK_SECRET },
      at: '2027-01-04T08:00:00Z',
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('counts the union plan from the start; the member meeting only for ordinary members', async () => {
    const response = await plan(cast.adept.email);
    expect(response.status).toBe(200);
    const due = Object.fromEntries(response.body.milestones.map((m: any) => [m.key, m.dueDate]));
    expect(due).toEqual({
      mentor_contact: '2027-01-11',
      first_conversation: '2027-01-25',
      member_meeting: '2027-02-15',
      development_plan: '2027-03-01',
      monthly_contact: '2028-01-04',
      end: '2028-01-04',
      evaluation: '2028-01-04',
    });
    expect(statusOf(response.body, 'mentor_contact')).toBe('due_soon');
    expect(statusOf(response.body, 'first_conversation')).toBe('open');
    expect(response.body.isParty).toBe(true);

    const deputy = await plan(cast.admin.email, deputyPairId);
    expect(deputy.status).toBe(200);
    expect(deputy.body.milestones.map((m: any) => m.key)).not.toContain('member_meeting');
    expect(deputy.body.isParty).toBe(false);
    expect(deputy.body.milestones.every((m: any) => !m.canMark)).toBe(true);
  });

  it('reminds the responsible party before the deadline, once, however often the job runs', async () => {
    await runPairYearJobs(server.deps);
    await runPairYearJobs(server.deps);
    const dueSoon = (await outbox('plan_due_soon')).filter((m) => m.subject.includes('Mentorn tar kontakt'));
    // Two pairs, the mentor of each; never the adept for the mentor's milestone.
    expect(dueSoon.map((m) => m.to_email).sort()).toEqual(
      expect.arrayContaining([cast.mentor.email.toLowerCase()]),
    );
    expect(dueSoon).toHaveLength(2);
    expect(dueSoon.some((m) => m.to_email === cast.adept.email.toLowerCase())).toBe(false);
    expect(dueSoon[0]!.body_text).toContain('11 januari 2027');
  });

  it('flags a passed deadline as overdue and reminds after it, once; a tick makes it done', async () => {
    clock.set('2027-01-12T08:00:00Z');
    expect(statusOf((await plan(cast.mentor.email)).body, 'mentor_contact')).toBe('overdue');
    await runPairYearJobs(server.deps);
    await runPairYearJobs(server.deps);
    const overdue = (await outbox('plan_overdue')).filter(
      (m) => m.to_email === cast.mentor.email.toLowerCase(),
    );
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.subject).toContain('Mentorn tar kontakt');

    const marked = await (await as(cast.mentor.email)).post(`/api/pairs/${pairId}/plan/mentor_contact/done`);
    expect(marked.status).toBe(200);
    const contact = marked.body.milestones.find((m: any) => m.key === 'mentor_contact');
    expect(contact).toMatchObject({ status: 'done', canUndo: true, done: { automatic: false } });
    expect(contact.done.byName).toBeTruthy();
    // Undo and redo.
    const undone = await (await as(cast.adept.email)).delete(`/api/pairs/${pairId}/plan/mentor_contact/done`);
    expect(statusOf(undone.body, 'mentor_contact')).toBe('overdue');
    await (await as(cast.adept.email)).post(`/api/pairs/${pairId}/plan/mentor_contact/done`);
    const unknown = await (await as(cast.adept.email)).post(`/api/pairs/${pairId}/plan/nope/done`);
    expect(unknown.status).toBe(404);
  });

  it('completes the first conversation from the held meeting; no more reminders for it', async () => {
    clock.set('2027-01-20T12:00:00Z');
    await holdMeeting(pairId, '2027-01-20T09:00:00Z');
    await server.db
      .updateTable('pairs')
      .set({ status: 'first_meeting_held' })
      .where('id', '=', pairId)
      .execute();
    const response = await plan(cast.adept.email);
    const first = response.body.milestones.find((m: any) => m.key === 'first_conversation');
    expect(first).toMatchObject({ status: 'done', canUndo: false, done: { automatic: true } });
    const undo = await (await as(cast.adept.email)).delete(
      `/api/pairs/${pairId}/plan/first_conversation/done`,
    );
    expect(undo.status).toBe(409);
    expect(undo.body.errors[0].field).toBe('key');
    expect(response.body.meetingsHeld).toBe(1);
    expect(response.body.cadence).toMatchObject({ lastMeetingOn: '2027-01-20', flagged: false, maxWeeks: 4 });
    await runPairYearJobs(server.deps);
    const firstReminders = (await outbox()).filter(
      (m) => m.subject.includes('Första samtalet') && m.to_email === cast.adept.email.toLowerCase(),
    );
    expect(firstReminders).toHaveLength(0);
  });

  it('flags the pair when a month passes without a meeting, mails both once, and shows it to the coordinator', async () => {
    clock.set('2027-02-16T08:00:00Z'); // 27 days since the meeting: not yet
    expect((await plan(cast.adept.email)).body.cadence.flagged).toBe(false);
    clock.set('2027-02-18T08:00:00Z'); // 29 days
    const flagged = (await plan(cast.adept.email)).body;
    expect(flagged.cadence).toMatchObject({ flagged: true, daysSinceLastMeeting: 29 });
    expect(statusOf(flagged, 'member_meeting')).toBe('overdue');
    expect(statusOf(flagged, 'development_plan')).toBe('open'); // due 1 March: due soon from 22 February
    await runPairYearJobs(server.deps);
    await runPairYearJobs(server.deps);
    const cadence = await outbox('plan_cadence');
    expect(cadence.map((m) => m.to_email).sort()).toEqual(
      [cast.adept.email.toLowerCase(), cast.mentor.email.toLowerCase()].sort(),
    );
    expect(cadence[0]!.body_text).toContain('20 januari 2027');
    // The introduced deputy pair is not watched (no meeting is expected before the first).
    const overdueMember = (await outbox('plan_overdue')).filter((m) => m.subject.includes('Medlemsmöte'));
    expect(overdueMember).toHaveLength(2);

    const followUp = await (await as(cast.coordinatorA.email)).get(`/api/programmes/${programmeId}/pairs`);
    expect(followUp.status).toBe(200);
    expect(followUp.body.pairs.map((p: any) => p.id)).toEqual([pairId]);
    const row = followUp.body.pairs[0];
    expect(row.cadence.flagged).toBe(true);
    expect(row.counts).toMatchObject({ total: 7, done: 2, overdue: 1, dueSoon: 0 });
    expect(row.overdue.map((m: any) => m.key)).toEqual(['member_meeting']);
    expect(JSON.stringify(followUp.body)).not.toContain(BOOK_SECRET);
    expect(JSON.stringify(flagged)).not.toContain(BOOK_SECRET);
    // The administrator sees both pairs, filterable by organisation.
    const admin = await (await as(cast.admin.email)).get(`/api/programmes/${programmeId}/pairs`);
    expect(admin.body.pairs).toHaveLength(2);
    expect(admin.body.organisations.map((o: any) => o.name).sort()).toEqual(['Org A', 'Org B']);
    const onlyB = await (await as(cast.admin.email)).get(
      `/api/programmes/${programmeId}/pairs?organisationId=${cast.orgB.id}`,
    );
    expect(onlyB.body.pairs.map((p: any) => p.id)).toEqual([deputyPairId]);
    // A new meeting ends the lapse; the next lapse is mailed again.
    await holdMeeting(pairId, '2027-02-19T09:00:00Z');
    clock.set('2027-02-20T08:00:00Z');
    expect((await plan(cast.adept.email)).body.cadence.flagged).toBe(false);
    clock.set('2027-03-22T08:00:00Z');
    await runPairYearJobs(server.deps);
    expect(await outbox('plan_cadence')).toHaveLength(4);
  });

  it('closes the year: the end completes when the pair is closed', async () => {
    clock.set('2028-01-10T08:00:00Z');
    await server.db
      .updateTable('pairs')
      .set({ status: 'closed', closed_at: '2028-01-09T10:00:00Z' })
      .where('id', '=', pairId)
      .execute();
    const closed = (await plan(cast.adept.email)).body;
    expect(statusOf(closed, 'end')).toBe('done');
    expect(statusOf(closed, 'evaluation')).toBe('overdue');
    expect(closed.cadence.flagged).toBe(false);
    expect(closed.milestones.every((m: any) => !m.canMark && !m.canUndo)).toBe(true);
    const before = (await outbox()).length;
    await runPairYearJobs(server.deps);
    // A closed pair is reminded of nothing more.
    const after = await outbox();
    expect(after.slice(before).filter((m) => m.to_email === cast.adept.email.toLowerCase())).toHaveLength(0);
    const refused = await (await as(cast.adept.email)).post(`/api/pairs/${pairId}/plan/evaluation/done`);
    expect(refused.status).toBe(409);
  });

  describe('the five municipalities’ check-in at the third meeting', () => {
    let municipalPair: string;

    beforeAll(async () => {
      clock.set('2027-03-01T08:00:00Z');
      const adept = await buildPerson(server.db, {
        roles: [{ role: 'adept', networkId: cast.network.id, organisationId: cast.orgA.id }],
      });
      const mentor = await buildPerson(server.db, {
        roles: [{ role: 'mentor', networkId: cast.network.id, organisationId: cast.orgB.id }],
      });
      Object.assign(cast, { kAdept: adept, kMentor: mentor });
      municipalPair = (
        await createPairFixture(server.db, {
          networkId: cast.network.id,
          adept: { id: adept.id, organisationId: cast.orgA.id },
          mentor: { id: mentor.id, organisationId: cast.orgB.id },
          publishedBy: cast.admin.id,
          templateKey: 'municipal_individual',
          status: 'active',
          planStartsOn: '2026-12-01',
        })
      ).pairId;
    });

    const kAdept = () => (cast as any).kAdept as { email: string };
    const kMentor = () => (cast as any).kMentor as { email: string };

    it('opens after the third held meeting; a low answer alerts the adept’s coordinator at once', async () => {
      await holdMeeting(municipalPair, '2026-12-10T09:00:00Z');
      await holdMeeting(municipalPair, '2027-01-14T09:00:00Z');
      const early = await (await as(kAdept().email)).post(`/api/pairs/${municipalPair}/checkin`, {
        rating: 4,
      });
      expect(early.status).toBe(409);
      const before = (await (await as(kAdept().email)).get(`/api/pairs/${municipalPair}/plan`)).body;
      expect(statusOf(before, 'third_meeting_check_in')).toBe('due_soon');

      await holdMeeting(municipalPair, '2027-02-18T09:00:00Z');
      const state = await (await as(kAdept().email)).get(`/api/pairs/${municipalPair}/checkin`);
      expect(state.body).toMatchObject({
        applies: true,
        afterMeeting: 3,
        meetingsHeld: 3,
        open: true,
        canAnswer: true,
      });

      const low = await (await as(kAdept().email)).post(`/api/pairs/${municipalPair}/checkin`, {
        rating: 2,
        comment: CHECKIN_SECRET,
        commentForCoordinator: false,
      });
      expect(low.status).toBe(201);
      expect(low.body.canAnswer).toBe(false);
      expect(low.body.answers[0]).toMatchObject({
        role: 'adept',
        rating: 2,
        comment: CHECKIN_SECRET,
        low: true,
      });
      const alert = await outbox('plan_checkin_low');
      expect(alert.map((m) => m.to_email)).toEqual([cast.coordinatorA.email.toLowerCase()]);
      expect(alert[0]!.body_text).not.toContain(CHECKIN_SECRET);
      const again = await (await as(kAdept().email)).post(`/api/pairs/${municipalPair}/checkin`, {
        rating: 5,
      });
      expect(again.status).toBe(409);

      // Stored encrypted.
      const raw = await server.db.selectFrom('pair_checkins').select('comment').execute();
      expect(JSON.stringify(raw)).not.toContain('förbi varandra');
    });

    it('shows ratings to those who run the pair, and a text only to its author or, when marked, the coordinator', async () => {
      const marked = await (await as(kMentor().email)).post(`/api/pairs/${municipalPair}/checkin`, {
        rating: 4,
        comment: CHECKIN_MARKED,
        commentForCoordinator: true,
      });
      expect(marked.status).toBe(201);
      expect(await outbox('plan_checkin_low')).toHaveLength(1);

      const coordinator = await (await as(cast.coordinatorA.email)).get(
        `/api/pairs/${municipalPair}/checkin`,
      );
      expect(coordinator.status).toBe(200);
      const byRole = Object.fromEntries(coordinator.body.answers.map((a: any) => [a.role, a]));
      expect(byRole.adept).toMatchObject({ rating: 2, comment: null, hasComment: true, low: true });
      expect(byRole.mentor).toMatchObject({ rating: 4, comment: CHECKIN_MARKED });
      // The other party reads neither text that is not theirs.
      const adeptView = JSON.stringify(
        (await (await as(kAdept().email)).get(`/api/pairs/${municipalPair}/checkin`)).body,
      );
      expect(adeptView).not.toContain(CHECKIN_MARKED);
      const mentorView = JSON.stringify(
        (await (await as(kMentor().email)).get(`/api/pairs/${municipalPair}/checkin`)).body,
      );
      expect(mentorView).not.toContain(CHECKIN_SECRET);
      // The coordinator of B (the mentor's organisation) also runs the pair: ratings and the marked text.
      const coordinatorB = await (await as(cast.coordinatorB.email)).get(
        `/api/pairs/${municipalPair}/checkin`,
      );
      expect(JSON.stringify(coordinatorB.body)).not.toContain(CHECKIN_SECRET);

      const planned = (await (await as(kAdept().email)).get(`/api/pairs/${municipalPair}/plan`)).body;
      expect(planned.milestones.find((m: any) => m.key === 'third_meeting_check_in')).toMatchObject({
        status: 'done',
        done: { automatic: true },
      });
      const { programme_id } = await server.db
        .selectFrom('pairs')
        .select('programme_id')
        .where('id', '=', municipalPair)
        .executeTakeFirstOrThrow();
      const followUp = await (await as(cast.coordinatorA.email)).get(`/api/programmes/${programme_id}/pairs`);
      const row = followUp.body.pairs.find((p: any) => p.id === municipalPair);
      expect(row.checkin).toEqual(
        expect.arrayContaining([
          { role: 'adept', rating: 2, low: true },
          { role: 'mentor', rating: 4, low: false },
        ]),
      );
      expect(JSON.stringify(followUp.body)).not.toContain(CHECKIN_SECRET);
      expect(JSON.stringify(followUp.body)).not.toContain(CHECKIN_MARKED);
    });
  });
});
