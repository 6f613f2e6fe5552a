import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, buildOrganisation, buildPerson } from '../../../../test/factories.ts';
import { createPairFixture, insertPairRequest } from '../../../../test/pair-support.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';
import type { HomeTasks, ProgrammeWork } from '../../../shared/home.ts';
import type { ProgrammeTemplateKey } from '../../../shared/programme.ts';
import { newId } from '../../util.ts';
import { findProgrammeTemplate } from '../programmes/programme.templates.ts';

type Cast = Awaited<ReturnType<typeof buildCast>>;
type Who = 'admin' | 'coordinatorA' | 'coordinatorB' | 'manager' | 'mentor' | 'adept' | 'adeptB' | 'outsider';

const basics = {
  title: 'Enhetschef',
  managementLevel: 'direct',
  staffCount: 12,
  managingStaffSince: '2015-01-01',
  sector: 'Socialtjänst',
  languages: ['svenska'],
  meetingPlaces: ['Uppsala'],
  maxTravelMinutes: 60,
  gender: 'unspecified',
};
const needs = {
  developmentAreas: ['change'],
  goals: 'Bli tryggare i chefsrollen',
  wishes: { sector: '', level: null, gender: 'unspecified', otherOrganisation: true, other: '' },
};
const mentorProfile = {
  competences: ['change'],
  experienceLevels: ['direct'],
  sectors: ['Skola'],
  capacity: 2,
  meetingPreferences: 'Hos mig',
  presentation: 'Chef sedan 2005.',
};

describe.each(dialects)('what waits for whom (GET /api/me/tasks) on %s', (dialect) => {
  let server: TestServer;
  let cast: Cast;
  const clients = new Map<Who, TestClient>();

  async function as(who: Who) {
    let client = clients.get(who);
    if (!client) {
      client = new TestClient(server.baseUrl);
      await client.signIn(cast[who].email);
      clients.set(who, client);
    }
    return client;
  }

  async function tasks(who: Who): Promise<HomeTasks> {
    const response = await (await as(who)).get<HomeTasks>('/api/me/tasks');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  const work = (t: HomeTasks, programmeId: string): ProgrammeWork | undefined =>
    t.programmes.find((p) => p.programmeId === programmeId);

  async function openProgramme(templateKey: ProgrammeTemplateKey, name: string) {
    const admin = await as('admin');
    const created = await admin.post(`/api/networks/${cast.network.id}/programmes`, { templateKey, name });
    const opened = await admin.put(`/api/programmes/${created.body.id}`, {
      name,
      description: '',
      status: 'open',
      settings: created.body.settings,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    return opened.body as { id: string; settings: any };
  }

  async function apply(
    who: 'adept' | 'mentor' | 'adeptB' | TestClient,
    programme: { id: string },
    templateKey: ProgrammeTemplateKey,
    organisationId?: string,
  ) {
    const client = typeof who === 'string' ? await as(who) : who;
    const role = who === 'mentor' ? 'mentor' : 'adept';
    const notice = await client.get(`/api/programmes/${programme.id}/privacy-notice`);
    const answers: Record<string, unknown> = {};
    for (const q of findProgrammeTemplate(templateKey).settings.applicationQuestions) {
      if (!q.forRoles.includes(role)) continue;
      answers[q.key] =
        q.type === 'text'
          ? 'Svar'
          : q.type === 'scale'
            ? 3
            : q.type === 'choice'
              ? q.options[0]!.key
              : [q.options[0]!.key];
    }
    const applied = await client.post(`/api/programmes/${programme.id}/applications`, {
      role,
      organisationId: organisationId ?? (who === 'adeptB' ? cast.orgB.id : cast.orgA.id),
      roundId: null,
      basics,
      ...(role === 'adept' ? { needs } : { mentor: mentorProfile }),
      answers,
      manager: { name: 'Maria Chef', email: cast.manager.email },
      noticeId: notice.body.id,
      consents: [],
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    return applied.body as { id: string };
  }

  /** Decides the pending step as the signed-in approver it is addressed to. */
  async function approvePending(who: Who, applicationId: string) {
    const client = await as(who);
    const mine = await client.get('/api/me/approvals');
    const request = mine.body.find((r: any) => r.application.id === applicationId);
    expect(request, `${who} has an approval for ${applicationId}`).toBeDefined();
    const decided = await client.post(`/api/approvals/${request.approval.id}/decide`, {
      decision: 'approve',
    });
    expect(decided.status).toBe(200);
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    cast = await buildCast(server.db);
  });
  afterAll(() => server.close());

  it('follows an application from the manager through HR to review, telling each only what is theirs', async () => {
    const programme = await openProgramme('municipal_individual', 'Mentorprogram för chefer');
    const adeptName = cast.adept.name;

    // Before anyone applies: the reviewers see the programme with nothing waiting.
    expect(work(await tasks('admin'), programme.id)?.review).toEqual({
      pendingReview: { count: 0, first: [] },
      completionRequested: { count: 0, first: [] },
      awaitingApproval: 0,
      trainingIncomplete: { count: 0, first: [] },
    });
    expect(work(await tasks('manager'), programme.id)).toBeUndefined();

    const application = await apply('adept', programme, 'municipal_individual');

    // The manager the adept named decides first.
    const manager = work(await tasks('manager'), programme.id)!;
    expect(manager.review).toBeNull();
    expect(manager.approvals).toEqual({
      count: 1,
      first: [{ applicationId: application.id, name: adeptName }],
    });
    const adept = await tasks('adept');
    expect(adept.applications).toEqual([
      expect.objectContaining({
        id: application.id,
        programmeId: programme.id,
        status: 'awaiting_approval',
        // The applicant typed "Maria Chef" with the address of the manager's account: its name is shown.
        pendingStep: expect.objectContaining({
          approver: 'manager',
          approverName: cast.manager.name,
          step: {
            approverName: { sv: 'kommunens ansvariga chef', en: "the municipality's responsible manager" },
            description: null,
          },
        }),
      }),
    ]);
    expect(adept.programmes).toEqual([]);
    const coordinatorA = work(await tasks('coordinatorA'), programme.id)!;
    expect(coordinatorA.review?.awaitingApproval).toBe(1);
    expect(coordinatorA.approvals.count).toBe(0);

    await approvePending('manager', application.id);
    expect(work(await tasks('manager'), programme.id)).toBeUndefined();

    // HR is organisation A's coordinator: B's coordinator and the administrator are not asked.
    expect(work(await tasks('coordinatorA'), programme.id)?.approvals).toEqual({
      count: 1,
      first: [{ applicationId: application.id, name: adeptName }],
    });
    expect(work(await tasks('coordinatorB'), programme.id)?.approvals.count).toBe(0);
    expect(work(await tasks('admin'), programme.id)?.approvals.count).toBe(0);
    expect((await tasks('adept')).applications[0]?.pendingStep?.approver).toBe('hr');

    await approvePending('coordinatorA', application.id);

    // Every approval given: the application waits for review by the administrator and A's coordinator.
    const waiting = { count: 1, first: [{ applicationId: application.id, name: adeptName }] };
    expect(work(await tasks('admin'), programme.id)?.review?.pendingReview).toEqual(waiting);
    expect(work(await tasks('coordinatorA'), programme.id)?.review?.pendingReview).toEqual(waiting);
    const adeptAfter = (await tasks('adept')).applications[0]!;
    expect(adeptAfter).toMatchObject({ status: 'pending_review', pendingStep: null });

    // Organisation B's coordinator reviews the same programme, but nothing of A's reaches them.
    expect(work(await tasks('coordinatorB'), programme.id)?.review).toEqual({
      pendingReview: { count: 0, first: [] },
      completionRequested: { count: 0, first: [] },
      awaitingApproval: 0,
      trainingIncomplete: { count: 0, first: [] },
    });
    expect(JSON.stringify(await tasks('coordinatorB'))).not.toContain(adeptName);

    // Asked to complete it: the reviewers follow it, the adept sees the reason.
    const asked = await (await as('admin')).post(`/api/programmes/${programme.id}/applications/bulk`, {
      ids: [application.id],
      action: 'request_completion',
      reason: 'Beskriv dina mål mer konkret.',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const admin = work(await tasks('admin'), programme.id)!.review!;
    expect(admin.pendingReview.count).toBe(0);
    expect(admin.completionRequested).toEqual(waiting);
    expect((await tasks('adept')).applications[0]).toMatchObject({
      status: 'completion_requested',
      decisionReason: 'Beskriv dina mål mer konkret.',
    });
  });

  it('counts every waiting approval but names only the three who have waited longest', async () => {
    const programme = await openProgramme('municipal_individual', 'Mentorprogram, andra omgången');
    const names = [];
    for (let i = 1; i <= 4; i++) {
      const person = await buildPerson(server.db, {
        name: `Adept nummer ${i}`,
        roles: [{ role: 'adept', networkId: cast.network.id, organisationId: cast.orgA.id }],
      });
      const client = new TestClient(server.baseUrl);
      await client.signIn(person.email);
      await apply(client, programme, 'municipal_individual');
      names.push(person.name);
    }
    const manager = work(await tasks('manager'), programme.id)!;
    expect(manager.approvals.count).toBe(4);
    expect(manager.approvals.first.map((a) => a.name)).toEqual(names.slice(0, 3));
    expect(work(await tasks('admin'), programme.id)?.review?.awaitingApproval).toBe(4);
  });

  it('does not ask a coordinator to approve or review their own application', async () => {
    const programme = await openProgramme('municipal_individual', 'Mentorprogram för koordinatorer');
    const person = await buildPerson(server.db, {
      name: 'Koordinator som söker',
      roles: [
        { role: 'org_coordinator', networkId: cast.network.id, organisationId: cast.orgA.id },
        { role: 'adept', networkId: cast.network.id, organisationId: cast.orgA.id },
      ],
    });
    const client = new TestClient(server.baseUrl);
    await client.signIn(person.email);
    const application = await apply(client, programme, 'municipal_individual');
    await approvePending('manager', application.id);
    // The HR step of their own application is another coordinator's, not theirs.
    const asked = (await client.get<HomeTasks>('/api/me/tasks')).body;
    expect(work(asked, programme.id)?.approvals).toEqual({ count: 0, first: [] });
    expect(work(await tasks('coordinatorA'), programme.id)?.approvals.first).toContainEqual({
      applicationId: application.id,
      name: person.name,
    });
    await approvePending('coordinatorA', application.id);

    const own = (await client.get<HomeTasks>('/api/me/tasks')).body;
    expect(work(own, programme.id)?.review?.pendingReview).toEqual({ count: 0, first: [] });
    expect(own.applications.map((a) => a.id)).toEqual([application.id]);
    expect(work(await tasks('coordinatorA'), programme.id)?.review?.pendingReview).toEqual({
      count: 1,
      first: [{ applicationId: application.id, name: person.name }],
    });
  });

  it('asks the administrators for HR where the organisation has no coordinator', async () => {
    const programme = await openProgramme('municipal_individual', 'Mentorprogram utan HR');
    const organisation = await buildOrganisation(server.db, {
      networkId: cast.network.id,
      name: 'Org utan HR',
    });
    const person = await buildPerson(server.db, {
      name: 'Adept utan HR',
      roles: [{ role: 'adept', networkId: cast.network.id, organisationId: organisation.id }],
    });
    const client = new TestClient(server.baseUrl);
    await client.signIn(person.email);
    const application = await apply(client, programme, 'municipal_individual', organisation.id);
    await approvePending('manager', application.id);
    expect(work(await tasks('admin'), programme.id)?.approvals).toEqual({
      count: 1,
      first: [{ applicationId: application.id, name: person.name }],
    });
    expect(work(await tasks('coordinatorA'), programme.id)?.approvals.count).toBe(0);
  });

  it('lists the mentors whose training is not complete to those who hold the pool', async () => {
    const programme = await openProgramme('police_pool', 'Polisens mentorpool');
    const application = await apply('mentor', programme, 'police_pool');
    await approvePending('manager', application.id);
    await approvePending('coordinatorA', application.id);
    const approved = await (await as('admin')).post(`/api/programmes/${programme.id}/applications/bulk`, {
      ids: [application.id],
      action: 'approve',
    });
    expect(approved.body.updated).toEqual([application.id]);

    const incomplete = { count: 1, first: [{ applicationId: application.id, name: cast.mentor.name }] };
    expect(work(await tasks('admin'), programme.id)?.review?.trainingIncomplete).toEqual(incomplete);
    expect(work(await tasks('coordinatorA'), programme.id)?.review?.trainingIncomplete).toEqual(incomplete);
    expect(work(await tasks('coordinatorB'), programme.id)?.review?.trainingIncomplete.count).toBe(0);

    // Every step recorded: nothing left to follow up.
    for (const step of programme.settings.mentorTraining.steps) {
      const recorded = await (await as('coordinatorA')).post(`/api/people/${cast.mentor.id}/training`, {
        programmeId: programme.id,
        stepKey: step.key,
        completedOn: '2026-10-01',
      });
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    }
    expect(work(await tasks('admin'), programme.id)?.review?.trainingIncomplete.count).toBe(0);
  });

  it('tells applicants which programmes take applications now, and when the others open', async () => {
    const admin = await as('admin');
    const later = await openProgramme('agency_cohort', 'Myndighetsnätverkets program');
    const rounds = await admin.get(`/api/programmes/${later.id}/rounds`);
    for (const round of rounds.body) await admin.delete(`/api/rounds/${round.id}`);
    const round = await admin.post(`/api/programmes/${later.id}/rounds`, {
      name: 'Omgång 2099',
      startsOn: '2099-09-01',
      endsOn: null,
      applicationsOpenOn: '2099-03-01',
      applicationsCloseOn: '2099-04-30',
    });
    expect(round.status, JSON.stringify(round.body)).toBe(201);
    const closed = await openProgramme('agency_cohort', 'Förra årets program');
    for (const r of (await admin.get(`/api/programmes/${closed.id}/rounds`)).body) {
      await admin.delete(`/api/rounds/${r.id}`);
    }
    await admin.post(`/api/programmes/${closed.id}/rounds`, {
      name: 'Omgång 2020',
      startsOn: '2020-09-01',
      endsOn: '2021-05-31',
      applicationsOpenOn: '2020-03-01',
      applicationsCloseOn: '2020-04-30',
    });

    const open = (await tasks('adeptB')).openProgrammes;
    expect(open.find((p) => p.id === later.id)).toEqual({
      id: later.id,
      name: 'Myndighetsnätverkets program',
      networkId: cast.network.id,
      opensOn: '2099-03-01',
      closesOn: '2099-04-30',
    });
    expect(open.find((p) => p.id === closed.id)).toBeUndefined();
    expect(open.length).toBeGreaterThanOrEqual(2);
    expect(open.every((p) => p.networkId === cast.network.id)).toBe(true);
  });

  it('shows another network’s administrator nothing of this network', async () => {
    const outsider = await tasks('outsider');
    expect(outsider.programmes.every((p) => p.networkId !== cast.network.id)).toBe(true);
    expect(outsider.openProgrammes.every((p) => p.networkId !== cast.network.id)).toBe(true);
    expect(outsider.applications).toEqual([]);
  });

  it('answers 401 without a session', async () => {
    expect((await new TestClient(server.baseUrl).get('/api/me/tasks')).status).toBe(401);
  });

  it("shows the parties their pair's next step, and those who run pairs their health, each only what they may see", async () => {
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    // A municipal pair of A, well into its year: 3 meetings, the last 10 weeks ago; the mentor answered
    // the check-in with a low rating; the SMART goals are overdue.
    const active = await createPairFixture(server.db, {
      networkId: cast.network.id,
      adept: { id: cast.adept.id, organisationId: cast.orgA.id },
      mentor: { id: cast.mentor.id, organisationId: cast.orgA.id },
      publishedBy: cast.admin.id,
      templateKey: 'municipal_individual',
      status: 'active',
      planStartsOn: daysAgo(200).slice(0, 10),
    });
    for (const days of [180, 120, 70]) {
      const id = newId();
      await server.db
        .insertInto('meetings')
        .values({
          id,
          pair_id: active.pairId,
          uid: `${id}@test`,
          sequence: 0,
          starts_at: daysAgo(days),
          duration_minutes: 90,
          mode: 'in_person',
          location: 'Kommunhuset',
          status: 'planned',
          held_at: daysAgo(days),
          created_by: null,
          created_at: daysAgo(days),
          updated_at: daysAgo(days),
          cancelled_at: null,
        })
        .execute();
    }
    await server.db
      .insertInto('pair_checkins')
      .values({
        id: newId(),
        pair_id: active.pairId,
        person_id: cast.mentor.id,
        role: 'mentor',
        rating: 1,
        comment: null,
        comment_for_coordinator: 0,
        created_at: daysAgo(60),
      })
      .execute();
    // A union pair of B, introduced, with an open request for a change of mentor.
    const mentorB = await buildPerson(server.db, {
      roles: [{ role: 'mentor', networkId: cast.network.id, organisationId: cast.orgB.id }],
    });
    const introduced = await createPairFixture(server.db, {
      networkId: cast.network.id,
      adept: { id: cast.adeptB.id, organisationId: cast.orgB.id },
      mentor: { id: mentorB.id, organisationId: cast.orgB.id },
      publishedBy: cast.admin.id,
      templateKey: 'union_branch',
    });
    await insertPairRequest(server.db, {
      pairId: introduced.pairId,
      kind: 'change_of_mentor',
      requestedBy: cast.adeptB.id,
      role: 'adept',
      reason: 'Vi hittar inte tid',
    });

    const adept = await tasks('adept');
    expect(adept.myPairs).toHaveLength(1);
    expect(adept.myPairs[0]).toMatchObject({
      pairId: active.pairId,
      role: 'adept',
      otherName: expect.any(String),
      checkinToAnswer: true,
      cadenceFlagged: true,
      // The confidentiality agreement (due on day 0) is not signed: the most pressing step.
      nextMilestone: { key: 'confidentiality_signed', status: 'overdue' },
    });
    expect(adept.pairFollowUp).toEqual([]);
    const mentor = await tasks('mentor');
    expect(mentor.myPairs[0]).toMatchObject({
      pairId: active.pairId,
      role: 'mentor',
      checkinToAnswer: false,
    });

    const followUpOf = (t: HomeTasks, programmeId: string) =>
      t.pairFollowUp.find((p) => p.programmeId === programmeId);
    const coordinatorA = await tasks('coordinatorA');
    expect(followUpOf(coordinatorA, active.programmeId)).toMatchObject({
      pairs: 1,
      lowCheckins: 1,
      cadenceFlagged: 1,
      withOverdue: 1,
      changeOfMentorRequests: 0,
    });
    expect(followUpOf(coordinatorA, introduced.programmeId)).toBeUndefined();
    const coordinatorB = await tasks('coordinatorB');
    expect(followUpOf(coordinatorB, introduced.programmeId)).toMatchObject({
      pairs: 1,
      changeOfMentorRequests: 1,
    });
    expect(followUpOf(coordinatorB, active.programmeId)).toBeUndefined();
    const admin = await tasks('admin');
    expect(followUpOf(admin, active.programmeId)?.pairs).toBe(1);
    expect(followUpOf(admin, introduced.programmeId)?.pairs).toBe(1);
    const manager = await tasks('manager');
    expect(manager.myPairs).toEqual([]);
    expect(manager.pairFollowUp).toEqual([]);
    expect((await tasks('outsider')).pairFollowUp).toEqual([]);

    // The adept who asked for a new mentor sees it waits for the coordinator; the mentor is never told.
    expect((await tasks('adeptB')).myPairs[0]?.requests).toEqual([
      { kind: 'change_of_mentor', state: 'with_coordinator' },
    ]);
    const asMentorB = new TestClient(server.baseUrl);
    await asMentorB.signIn(mentorB.email);
    const mentorBTasks = (await asMentorB.get<HomeTasks>('/api/me/tasks')).body;
    expect(mentorBTasks.myPairs[0]?.requests).toEqual([]);

    // An extension the mentor asks for is the adept's to join, then the coordinator's to decide.
    const extensionId = await insertPairRequest(server.db, {
      pairId: active.pairId,
      kind: 'extension',
      requestedBy: cast.mentor.id,
      role: 'mentor',
      reason: 'Vi vill fortsätta ett halvår',
      months: 6,
    });
    const requestsOf = async (who: Who) => (await tasks(who)).myPairs[0]?.requests;
    expect(await requestsOf('adept')).toEqual([{ kind: 'extension', state: 'to_join' }]);
    expect(await requestsOf('mentor')).toEqual([{ kind: 'extension', state: 'other_to_join' }]);
    await server.db
      .updateTable('pair_requests')
      .set({ seconded_at: now.toISOString() })
      .where('id', '=', extensionId)
      .execute();
    expect(await requestsOf('adept')).toEqual([{ kind: 'extension', state: 'with_coordinator' }]);
  });
  it('lists, after the first meeting, what each party has still to do for the mentorship to start', async () => {
    const role = (r: 'adept' | 'mentor') => [
      { role: r, networkId: cast.network.id, organisationId: cast.orgA.id },
    ];
    const adept = await buildPerson(server.db, { roles: role('adept') });
    const mentor = await buildPerson(server.db, { roles: role('mentor') });
    const { pairId } = await createPairFixture(server.db, {
      networkId: cast.network.id,
      adept: { id: adept.id, organisationId: cast.orgA.id },
      mentor: { id: mentor.id, organisationId: cast.orgA.id },
      publishedBy: cast.admin.id,
      templateKey: 'municipal_individual',
      status: 'first_meeting_held',
    });
    const [asAdept, asMentor] = await Promise.all(
      [adept, mentor].map(async (person) => {
        const client = new TestClient(server.baseUrl);
        await client.signIn(person.email);
        return client;
      }),
    );
    const taskOf = async (client: TestClient) => {
      const response = await client.get<HomeTasks>('/api/me/tasks');
      return response.body.myPairs.find((p) => p.pairId === pairId);
    };
    const stepsOf = async (client: TestClient) => (await taskOf(client))?.startSteps;
    expect(await stepsOf(asAdept!)).toEqual(['accept', 'contract', 'confidentiality']);
    // In the municipalities' programme the adept gets in touch first (seed 004).
    expect((await taskOf(asAdept!))?.youMakeContact).toBe(true);
    expect((await taskOf(asMentor!))?.youMakeContact).toBe(false);

    // The mentor says yes and signs the confidentiality agreement; the contract waits for both.
    expect((await asMentor!.post(`/api/pairs/${pairId}/accept`)).status).toBe(200);
    const confidentiality = await asMentor!.get(`/api/pairs/${pairId}/confidentiality`);
    const signed = await asMentor!.post(`/api/pairs/${pairId}/confidentiality/sign`, {
      name: mentor.name,
      textVersion: confidentiality.body.textVersion,
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(await stepsOf(asMentor!)).toEqual(['contract']);
    expect(await stepsOf(asAdept!)).toEqual(['accept', 'contract', 'confidentiality']);

    // Their applications say where they stand: in a pair; after it closed; matched again after a decline.
    const pairingOf = async (client: TestClient) => {
      const response = await client.get<HomeTasks>('/api/me/tasks');
      return response.body.applications.map((a) => [a.role, a.pairing]);
    };
    expect(await pairingOf(asAdept!)).toEqual([['adept', 'current']]);
    for (const [status, pairing] of [
      ['closed', 'ended'],
      ['declined', 'again'],
    ] as const) {
      await server.db.updateTable('pairs').set({ status }).where('id', '=', pairId).execute();
      expect(await pairingOf(asAdept!)).toEqual([['adept', pairing]]);
      expect(await pairingOf(asMentor!)).toEqual([['mentor', pairing]]);
    }
  });
});

describe('who runs the installation (GET /api/site)', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it('says nothing it was not told, and what it was told to everyone', async () => {
    server = await startTestServer('sqlite');
    const anonymous = new TestClient(server.baseUrl);
    expect((await anonymous.get('/api/site')).body).toEqual({ operatorName: null, operatorEmail: null });
    await server.close();
    server = await startTestServer('sqlite', {
      OPERATOR_NAME: 'Enköpings kommun',
      OPERATOR_EMAIL: 'tillganglighet@enkoping.se',
    });
    const response = await new TestClient(server.baseUrl).get('/api/site');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      operatorName: 'Enköpings kommun',
      operatorEmail: 'tillganglighet@enkoping.se',
    });
  });
});
