import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast } from '../../../../test/factories.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';
import { findProgrammeTemplate } from '../programmes/programme.templates.ts';

/**
 * Decisions leave a trace a person can read: who and when on every step and on the admission, a
 * reason whenever an approver says no, the named manager linked to their account (and their
 * history), an approver's view without what is for matching and statistics only, and recordings
 * in the mentor pool that can be undone.
 */

type Cast = Awaited<ReturnType<typeof buildCast>>;
type Who = 'admin' | 'coordinatorA' | 'adept' | 'mentor' | 'manager';

const basics = {
  title: 'Enhetschef',
  managementLevel: 'direct',
  staffCount: 12,
  managingStaffSince: '2020-01-01',
  sector: 'Socialtjänst',
  languages: ['svenska'],
  meetingPlaces: ['Uppsala'],
  maxTravelMinutes: 60,
  gender: 'woman',
};
const needs = {
  developmentAreas: ['change'],
  goals: 'Bli tryggare i chefsrollen',
  wishes: { sector: 'Skola', level: null, gender: 'man', otherOrganisation: true, other: 'Gärna erfaren' },
};

describe.each(dialects)('decisions and their trace on %s', (dialect) => {
  let server: TestServer;
  let cast: Cast;
  const clients: Partial<Record<Who, TestClient>> = {};

  async function as(who: Who) {
    let client = clients[who];
    if (!client) {
      client = new TestClient(server.baseUrl);
      await client.signIn(cast[who].email);
      clients[who] = client;
    }
    return client;
  }

  async function municipalProgramme() {
    const admin = await as('admin');
    const created = await admin.post(`/api/networks/${cast.network.id}/programmes`, {
      templateKey: 'municipal_individual',
      name: `Mentorprogram ${Math.random().toString(36).slice(2, 7)}`,
    });
    const opened = await admin.put(`/api/programmes/${created.body.id}`, {
      name: created.body.name,
      description: created.body.description,
      status: 'open',
      settings: created.body.settings,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    return opened.body;
  }

  /** The adept applies, naming as manager whoever the test says (by default the manager's account, typed under another name). */
  async function applyAsAdept(programme: any, manager = { name: 'Kim Knivsta', email: '' }) {
    const adept = await as('adept');
    const notice = await adept.get(`/api/programmes/${programme.id}/privacy-notice`);
    const answers: Record<string, unknown> = {};
    for (const q of findProgrammeTemplate('municipal_individual').settings.applicationQuestions) {
      if (q.forRoles.includes('adept')) answers[q.key] = q.type === 'scale' ? 3 : 'Mitt svar';
    }
    const applied = await adept.post(`/api/programmes/${programme.id}/applications`, {
      role: 'adept',
      organisationId: cast.orgA.id,
      roundId: null,
      basics,
      needs,
      answers,
      manager: { name: manager.name, email: manager.email || cast.manager.email },
      noticeId: notice.body.id,
      consents: [],
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    return applied.body;
  }

  async function linkFor(to: string) {
    const mail = await server.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_email', '=', to)
      .where('kind', '=', 'approval_requested')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    return { token: /token=([\w-]+)/.exec(mail.body_text)![1]!, mail };
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    cast = await buildCast(server.db);
  });
  afterAll(() => server.close());

  it('refuses to decline without a reason, signed in or from the link, naming the field, and changes nothing', async () => {
    const programme = await municipalProgramme();
    const application = await applyAsAdept(programme, { name: 'Chef', email: 'nej.chef@example.org' });
    const { token } = await linkFor('nej.chef@example.org');
    const visitor = new TestClient(server.baseUrl);
    for (const comment of [undefined, '']) {
      const refused = await visitor.post('/api/approvals/by-token/decide', {
        token,
        decision: 'decline',
        comment,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: any) => e.field)).toContain('comment');
      expect(refused.body.errors[0].message).toMatch(/varför du inte godkänner/);
    }
    // The link still works: nothing was decided.
    expect((await visitor.get(`/api/approvals/by-token?token=${token}`)).status).toBe(200);
    await visitor.post('/api/approvals/by-token/decide', { token, decision: 'approve' });

    // HR (the coordinator of A), signed in: the same rule, in English when asked in English.
    const hr = await as('coordinatorA');
    const pending = (await hr.get('/api/me/approvals')).body.find(
      (r: any) => r.application.id === application.id,
    );
    hr.locale = 'en';
    const refused = await hr.post(`/api/approvals/${pending.approval.id}/decide`, { decision: 'decline' });
    hr.locale = 'sv';
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        field: 'comment',
        message: expect.stringMatching(/Say why you do not approve/),
      }),
    ]);
    const after = (await (await as('admin')).get(`/api/applications/${application.id}`)).body;
    expect(after.status).toBe('awaiting_approval');
    expect(after.approvals[1].status).toBe('pending');

    // With a reason it is declined, and the applicant is told by whom, in a whole sentence, and why.
    const declined = await hr.post(`/api/approvals/${pending.approval.id}/decide`, {
      decision: 'decline',
      comment: 'Budgeten räcker inte i år.',
    });
    expect(declined.status).toBe(200);
    const mail = await server.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_email', '=', cast.adept.email)
      .where('kind', '=', 'application_decided')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('Din ansökan har inte godkänts av personalchefen.');
    expect(mail.body_text).toContain('Motivering: Budgeten räcker inte i år.');
  });

  it('shows who and when on every decided step and on the accepted application, and accepts it once', async () => {
    const programme = await municipalProgramme();
    const application = await applyAsAdept(programme);
    // The manager answers from the mailed link, signed out; HR answers signed in.
    const { token, mail } = await linkFor(cast.manager.email);
    expect(mail.body_text).toContain(
      'Programmet ber om godkännande av kommunens ansvariga chef, och du är tillfrågad.',
    );
    await new TestClient(server.baseUrl).post('/api/approvals/by-token/decide', {
      token,
      decision: 'approve',
      comment: 'Bra idé.',
    });
    const hr = await as('coordinatorA');
    const pending = (await hr.get('/api/me/approvals')).body.find(
      (r: any) => r.application.id === application.id,
    );
    await hr.post(`/api/approvals/${pending.approval.id}/decide`, { decision: 'approve' });

    const admin = await as('admin');
    const ready = (await admin.get(`/api/applications/${application.id}`)).body;
    expect(ready.status).toBe('pending_review');
    const [managerStep, hrStep] = ready.approvals;
    expect(managerStep).toMatchObject({
      status: 'approved',
      comment: 'Bra idé.',
      step: { approverName: { sv: 'kommunens ansvariga chef' }, description: null },
      // Decided from the link: nobody signed in, but the address is the manager's account.
      decidedBy: null,
      approverAccount: { id: cast.manager.id, name: cast.manager.name },
    });
    expect(hrStep).toMatchObject({
      status: 'approved',
      step: { approverName: { sv: 'personalchefen' } },
      decidedBy: { id: cast.coordinatorA.id, name: cast.coordinatorA.name },
    });
    for (const step of ready.approvals) expect(Date.parse(step.decidedAt)).not.toBeNaN();

    // Rejecting needs a reason, on the application's own page as in the list.
    const noReason = await admin.post(`/api/applications/${application.id}/decision`, { action: 'reject' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((e: any) => e.field)).toEqual(['reason']);

    // The applicant may read but not decide on their own application.
    const own = await (await as('adept')).post(`/api/applications/${application.id}/decision`, {
      action: 'approve',
    });
    expect(own.status).toBe(403);

    const accepted = await admin.post(`/api/applications/${application.id}/decision`, {
      action: 'approve',
      reason: 'Välkommen!',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({
      status: 'approved',
      decidedBy: { id: cast.admin.id, name: cast.admin.name },
      decisionReason: 'Välkommen!',
    });
    expect(Date.parse(accepted.body.decidedAt)).not.toBeNaN();
    // The applicant sees the same.
    const seen = (await (await as('adept')).get(`/api/applications/${application.id}`)).body;
    expect(seen).toMatchObject({ status: 'approved', decidedBy: { name: cast.admin.name } });

    // Deciding again finds the application already decided.
    const again = await admin.post(`/api/applications/${application.id}/decision`, { action: 'approve' });
    expect(again.status).toBe(409);
    const acceptedMail = await server.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_email', '=', cast.adept.email)
      .where('kind', '=', 'application_decided')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(acceptedMail.body_text).toContain('Din ansökan är antagen.');
  });

  it('links the manager the applicant named to their account by address, and keeps the manager’s history', async () => {
    const programme = await municipalProgramme();
    // Typed with capitals and spaces: the address is the account's all the same.
    const application = await applyAsAdept(programme, {
      name: 'Kim Knivsta',
      email: `  ${cast.manager.email.toUpperCase()} `,
    });
    const manager = await as('manager');
    const waiting = (await manager.get('/api/me/approvals')).body;
    const request = waiting.find((r: any) => r.application.id === application.id);
    expect(request.approval).toMatchObject({
      approverName: 'Kim Knivsta',
      approverEmail: cast.manager.email,
      approverAccount: { id: cast.manager.id, name: cast.manager.name },
    });

    const decided = await manager.post(`/api/approvals/${request.approval.id}/decide`, {
      decision: 'approve',
      comment: 'Självklart.',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.decidedBy).toEqual({ id: cast.manager.id, name: cast.manager.name });

    const history = await manager.get('/api/me/approvals/decided');
    expect(history.status).toBe(200);
    const entry = history.body.find((h: any) => h.approval.id === request.approval.id);
    expect(entry).toMatchObject({
      approval: {
        status: 'approved',
        comment: 'Självklart.',
        step: { approverName: { sv: 'kommunens ansvariga chef' } },
      },
      application: {
        id: application.id,
        applicantName: cast.adept.name,
        programmeName: programme.name,
        role: 'adept',
        organisationName: cast.orgA.name,
      },
    });
    expect(Date.parse(entry.approval.decidedAt)).not.toBeNaN();
    // A step decided from the link while signed out is in the history of the address's owner too.
    const second = await applyAsAdept(await municipalProgramme());
    const { token } = await linkFor(cast.manager.email);
    await new TestClient(server.baseUrl).post('/api/approvals/by-token/decide', {
      token,
      decision: 'decline',
      comment: 'Inte i år.',
    });
    const later = (await manager.get('/api/me/approvals/decided')).body;
    expect(later[0]).toMatchObject({
      approval: { status: 'declined', comment: 'Inte i år.' },
      application: { id: second.id },
    });
    // Nobody else's history holds them.
    expect((await (await as('mentor')).get('/api/me/approvals/decided')).body).toEqual([]);
  });

  it('shows an approver no gender, no wishes about the mentor, nothing private, signed in or from the link', async () => {
    const programme = await municipalProgramme();
    const application = await applyAsAdept(programme);
    const fromList = (await (await as('manager')).get('/api/me/approvals')).body.find(
      (r: any) => r.application.id === application.id,
    );
    const { token } = await linkFor(cast.manager.email);
    const fromLink = (await new TestClient(server.baseUrl).get(`/api/approvals/by-token?token=${token}`))
      .body;
    for (const view of [fromList, fromLink]) {
      expect(view.application.basics).not.toHaveProperty('gender');
      expect(view.application.needs).toEqual({
        developmentAreas: ['change'],
        goals: 'Bli tryggare i chefsrollen',
      });
      expect(view.application).not.toHaveProperty('exceptionReason');
      expect(JSON.stringify(view)).not.toMatch(/"gender"|"wishes"/);
      // The confidence question is private in this template.
      expect(Object.keys(view.application.answers)).not.toContain('confidence');
      // Reasons are about the applicant, not to them.
      for (const check of view.application.eligibility.checks)
        expect(check.text).not.toMatch(/\b(du|din|dig)\b/i);
    }
    // The coordinator, who matches, sees them.
    const full = (await (await as('coordinatorA')).get(`/api/applications/${application.id}`)).body;
    expect(full.basics.gender).toBe('woman');
    expect(full.needs.wishes.gender).toBe('man');
  });

  it('undoes a recorded experience exchange and training record with real calls', async () => {
    const admin = await as('admin');
    const path = `/api/people/${cast.mentor.id}/experience-exchanges`;
    expect((await admin.post(path, { year: 2026 })).status).toBe(204);
    const years = async () =>
      (
        await server.db
          .selectFrom('experience_exchanges')
          .select('year')
          .where('person_id', '=', cast.mentor.id)
          .execute()
      ).map((r) => Number(r.year));
    expect(await years()).toContain(2026);
    // The mentor themselves may not undo it; the coordinator of B does not see them.
    expect((await (await as('mentor')).delete(`${path}/2026`)).status).toBe(403);
    expect((await admin.delete(`${path}/2026`)).status).toBe(204);
    expect(await years()).not.toContain(2026);
    expect((await admin.delete(`${path}/2026`)).status).toBe(404);
    expect((await admin.delete(`${path}/1999`)).status).toBe(400);

    const police = await admin.post(`/api/networks/${cast.network.id}/programmes`, {
      templateKey: 'police_pool',
      name: 'Polisen',
    });
    const step = police.body.settings.mentorTraining.steps[0].key;
    const recorded = await (await as('coordinatorA')).post(`/api/people/${cast.mentor.id}/training`, {
      programmeId: police.body.id,
      stepKey: step,
      completedOn: '2026-10-01',
    });
    expect(recorded.status).toBe(201);
    expect(
      (await (await as('coordinatorA')).delete(`/api/training-records/${recorded.body.id}`)).status,
    ).toBe(204);
    const left = await server.db
      .selectFrom('training_records')
      .select('id')
      .where('id', '=', recorded.body.id)
      .execute();
    expect(left).toEqual([]);
  });
});
