import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, buildPerson } from '../../../../test/factories.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';
import { todayInSweden } from '../../../shared/calendar.ts';
import { type ProgrammeTemplateKey, programmeTemplateKeys } from '../../../shared/programme.ts';
import { findProgrammeTemplate } from '../programmes/programme.templates.ts';
import { sendApprovalReminders } from './approvals.service.ts';

type Cast = Awaited<ReturnType<typeof buildCast>>;
type Role = 'adept' | 'mentor';

const basics = (since: string | null) => ({
  title: 'Enhetschef',
  managementLevel: 'direct',
  staffCount: 12,
  managingStaffSince: since,
  sector: 'Socialtjänst',
  languages: ['svenska'],
  meetingPlaces: ['Uppsala'],
  maxTravelMinutes: 60,
  gender: 'unspecified',
});
const needs = {
  developmentAreas: ['change', 'stress'],
  goals: 'Bli tryggare i chefsrollen',
  wishes: { sector: '', level: null, gender: 'unspecified', otherOrganisation: true, other: '' },
};
const mentorProfile = {
  competences: ['leading-leaders', 'change'],
  experienceLevels: ['direct', 'indirect'],
  sectors: ['Skola'],
  capacity: 2,
  meetingPreferences: 'Hos mig',
  presentation: 'Chef sedan 2005.',
};

/** Answers every question of the template that applies to the role, as an applicant would. */
function answersFor(templateKey: ProgrammeTemplateKey, role: Role) {
  const answers: Record<string, string | string[] | number> = {};
  for (const q of findProgrammeTemplate(templateKey).settings.applicationQuestions) {
    if (!q.forRoles.includes(role)) continue;
    answers[q.key] =
      q.type === 'text'
        ? 'Mitt svar'
        : q.type === 'scale'
          ? 3
          : q.type === 'choice'
            ? q.options[0]!.key
            : [q.options[0]!.key];
  }
  return answers;
}

describe.each(dialects)('intake on %s', (dialect) => {
  let server: TestServer;
  let cast: Cast;
  const clients: Record<string, TestClient> = {};

  async function as(who: 'admin' | 'coordinatorA' | 'coordinatorB' | 'adept' | 'mentor' | 'manager') {
    clients[who] ??= new TestClient(server.baseUrl);
    if (!clients[who].cookies.has('__Host-bp_session')) await clients[who].signIn(cast[who].email);
    return clients[who];
  }

  async function openProgramme(templateKey: ProgrammeTemplateKey, tweak?: (settings: any) => void) {
    const admin = await as('admin');
    const created = await admin.post(`/api/networks/${cast.network.id}/programmes`, {
      templateKey,
      name: `P ${templateKey}`,
    });
    const settings = created.body.settings;
    tweak?.(settings);
    const opened = await admin.put(`/api/programmes/${created.body.id}`, {
      name: created.body.name,
      description: created.body.description,
      status: 'open',
      settings,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    return opened.body;
  }

  async function apply(
    client: TestClient,
    programme: any,
    role: Role,
    overrides: Record<string, unknown> = {},
  ) {
    const notice = await client.get(`/api/programmes/${programme.id}/privacy-notice`);
    expect(notice.status).toBe(200);
    return client.post(`/api/programmes/${programme.id}/applications`, {
      role,
      organisationId: cast.orgA.id,
      roundId: null,
      basics: basics(role === 'adept' ? '2024-01-01' : '2015-01-01'),
      ...(role === 'adept' ? { needs } : { mentor: mentorProfile }),
      answers: answersFor(programme.templateKey, role),
      manager: { name: 'Maria Chef', email: 'maria.chef@example.org' },
      noticeId: notice.body.id,
      consents: [],
      ...overrides,
    });
  }

  async function approvalLink(to: string) {
    const mail = await server.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_email', '=', to)
      .where('kind', '=', 'approval_requested')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    return /token=([\w-]+)/.exec(mail.body_text)![1]!;
  }

  /** Approves every pending step as its approver would: a manager from the mail, HR and admins signed in. */
  async function approveAll(applicationId: string) {
    for (let guard = 0; guard < 5; guard++) {
      const application = (await (await as('admin')).get(`/api/applications/${applicationId}`)).body;
      const pending = application.approvals.find((a: any) => a.status === 'pending');
      if (!pending) return application;
      if (pending.approver === 'manager') {
        const token = await approvalLink(pending.approverEmail);
        const visitor = new TestClient(server.baseUrl);
        const view = await visitor.get(`/api/approvals/by-token?token=${token}`);
        expect(view.status).toBe(200);
        const decided = await visitor.post('/api/approvals/by-token/decide', {
          token,
          decision: 'approve',
          comment: 'Bra!',
        });
        expect(decided.status).toBe(200);
      } else {
        const approver = pending.approver === 'hr' ? await as('coordinatorA') : await as('admin');
        const mine = await approver.get('/api/me/approvals');
        expect(mine.body.map((m: any) => m.approval.id)).toContain(pending.id);
        const decided = await approver.post(`/api/approvals/${pending.id}/decide`, { decision: 'approve' });
        expect(decided.status).toBe(200);
      }
    }
    throw new Error('approvals did not finish');
  }

  beforeAll(async () => {
    server = await startTestServer(dialect, { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    cast = await buildCast(server.db);
  });
  afterAll(() => server.close());

  it.each(programmeTemplateKeys)(
    'takes an adept and a mentor through the %s template: notice, approvals in order, eligible for review, approved',
    async (templateKey) => {
      const programme = await openProgramme(templateKey);
      for (const role of ['adept', 'mentor'] as const) {
        const client = await as(role);
        const applied = await apply(client, programme, role);
        expect(applied.status, JSON.stringify(applied.body)).toBe(201);
        const expectedSteps = programme.settings.approvalSteps.filter((s: any) => s.appliesTo.includes(role));
        expect(applied.body.approvals.map((a: any) => a.stepKey)).toEqual(
          expectedSteps.map((s: any) => s.key),
        );
        expect(applied.body.status).toBe(expectedSteps.length > 0 ? 'awaiting_approval' : 'pending_review');
        if (expectedSteps.length > 0) {
          expect(applied.body.approvals[0].status).toBe('pending');
          expect(applied.body.approvals.slice(1).every((a: any) => a.status === 'waiting')).toBe(true);
        }
        expect(applied.body.notice.version).toBe(1);

        const done = await approveAll(applied.body.id);
        expect(done.status).toBe('pending_review');
        expect(done.approvals.every((a: any) => a.status === 'approved')).toBe(true);

        const admin = await as('admin');
        const queue = await admin.get(
          `/api/programmes/${programme.id}/applications?status=pending_review&role=${role}`,
        );
        const listed = queue.body.find((a: any) => a.id === applied.body.id);
        expect(listed).toBeDefined();
        if (role === 'adept' || !programme.settings.eligibility.mentor.requiresMentorTraining) {
          expect(listed.eligibility.eligible).toBe(true);
        }
        expect(
          listed.eligibility.checks.every((c: any) => typeof c.text === 'string' && c.text.length > 0),
        ).toBe(true);

        const approved = await admin.post(`/api/programmes/${programme.id}/applications/bulk`, {
          ids: [applied.body.id],
          action: 'approve',
        });
        expect(approved.body).toEqual({ updated: [applied.body.id], skipped: [] });
        expect((await client.get(`/api/applications/${applied.body.id}`)).body.status).toBe('approved');
      }
      const pool = await (await as('admin')).get(
        `/api/networks/${cast.network.id}/mentor-pool?programmeId=${programme.id}`,
      );
      expect(pool.body.map((m: any) => m.person.id)).toEqual([cast.mentor.id]);
      expect(pool.body[0]).toMatchObject({ capacity: 2, freeCapacity: 2, paused: false });
      if (programme.settings.approvalSteps.some((s: any) => s.appliesTo.includes('mentor'))) {
        expect(pool.body[0].eligibility.checks.find((c: any) => c.rule === 'approvals')).toMatchObject({
          met: true,
        });
      }
    },
  );

  it('stops at a declining manager, tells the applicant, and lets nobody decide twice', async () => {
    const programme = await openProgramme('municipal_individual');
    const adept = await as('adept');
    const applied = await apply(adept, programme, 'adept', {
      manager: { name: 'Neinsager', email: 'nej@example.org' },
    });
    const token = await approvalLink('nej@example.org');
    const visitor = new TestClient(server.baseUrl);
    const declined = await visitor.post('/api/approvals/by-token/decide', {
      token,
      decision: 'decline',
      comment: 'Inte nu',
    });
    expect(declined.body.status).toBe('declined');
    const after = (await adept.get(`/api/applications/${applied.body.id}`)).body;
    expect(after.status).toBe('declined');
    expect(after.approvals[1].status).toBe('cancelled');
    expect(
      (await visitor.post('/api/approvals/by-token/decide', { token, decision: 'approve' })).status,
    ).toBe(410);
    const mails = await server.db
      .selectFrom('outbox')
      .select('body_text')
      .where('to_email', '=', cast.adept.email)
      .where('kind', '=', 'application_decided')
      .execute();
    expect(mails.some((m) => m.body_text.includes('Inte nu'))).toBe(true);
  });

  it('lets the applicant withdraw, which voids the approval link', async () => {
    const programme = await openProgramme('police_pool');
    const adept = await as('adept');
    const applied = await apply(adept, programme, 'adept', {
      manager: { name: 'Chef', email: 'withdraw.chef@example.org' },
    });
    const token = await approvalLink('withdraw.chef@example.org');
    const withdrawn = await adept.post(`/api/applications/${applied.body.id}/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await new TestClient(server.baseUrl).get(`/api/approvals/by-token?token=${token}`)).status).toBe(
      410,
    );
    // Only the applicant withdraws; a coordinator answers 403, another organisation's 404.
    expect(
      (await (await as('coordinatorA')).post(`/api/applications/${applied.body.id}/withdraw`)).status,
    ).toBe(403);
    expect(
      (await (await as('coordinatorB')).post(`/api/applications/${applied.body.id}/withdraw`)).status,
    ).toBe(404);
  });

  it('lets approvers act only on what is assigned to them', async () => {
    const programme = await openProgramme('municipal_individual');
    const applied = await apply(await as('adept'), programme, 'adept', {
      manager: { name: cast.manager.name, email: cast.manager.email },
    });
    const managerStep = applied.body.approvals[0];
    const hrStep = applied.body.approvals[1];
    // The HR step is not the manager's, and not yet asked; another organisation's coordinator sees neither.
    expect(
      (await (await as('manager')).post(`/api/approvals/${hrStep.id}/decide`, { decision: 'approve' }))
        .status,
    ).toBe(404);
    expect(
      (
        await (
          await as('coordinatorB')
        ).post(`/api/approvals/${managerStep.id}/decide`, { decision: 'approve' })
      ).status,
    ).toBe(404);
    expect(
      (await (await as('mentor')).post(`/api/approvals/${managerStep.id}/decide`, { decision: 'approve' }))
        .status,
    ).toBe(404);
    const mine = await (await as('manager')).get('/api/me/approvals');
    expect(mine.body.map((m: any) => m.approval.id)).toContain(managerStep.id);
    expect(
      (await (await as('manager')).post(`/api/approvals/${managerStep.id}/decide`, { decision: 'approve' }))
        .status,
    ).toBe(200);
    expect(
      (await (await as('manager')).post(`/api/approvals/${managerStep.id}/decide`, { decision: 'approve' }))
        .status,
    ).toBe(409);
    expect((await (await as('coordinatorB')).get(`/api/applications/${applied.body.id}`)).status).toBe(404);
    const coordinatorBList = await (await as('coordinatorB')).get(
      `/api/programmes/${programme.id}/applications`,
    );
    expect(coordinatorBList.body.map((a: any) => a.id)).not.toContain(applied.body.id);
    const coordinatorAList = await (await as('coordinatorA')).get(
      `/api/programmes/${programme.id}/applications`,
    );
    expect(coordinatorAList.body.map((a: any) => a.id)).toContain(applied.body.id);
  });

  it('hides private answers from approvers but not from the coordinator', async () => {
    const programme = await openProgramme('municipal_individual');
    const applied = await apply(await as('adept'), programme, 'adept', {
      manager: { name: 'Privat Chef', email: 'privat.chef@example.org' },
    });
    expect(applied.body.answers).toHaveProperty('confidence', 3);
    const token = await approvalLink('privat.chef@example.org');
    const view = await new TestClient(server.baseUrl).get(`/api/approvals/by-token?token=${token}`);
    expect(view.body.application.answers).not.toHaveProperty('confidence');
    expect(view.body.labels.applicationQuestions.map((q: any) => q.key)).not.toContain('confidence');
    expect(view.body.labels.developmentAreas.length).toBeGreaterThan(0);
    expect(
      (await (await as('admin')).get(`/api/applications/${applied.body.id}`)).body.answers,
    ).toHaveProperty('confidence', 3);
  });

  it('refuses an ineligible applicant where exceptions are not allowed, and flags one where they are', async () => {
    const strict = await openProgramme('agency_cohort', (s) => {
      s.eligibility.allowExceptions = false;
    });
    const adept = await as('adept');
    const tooNew = basics(todayInSweden(new Date(Date.now() - 30 * 86_400_000)));
    const refused = await apply(adept, strict, 'adept', { basics: tooNew });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('basics.managingStaffSince');
    expect(refused.body.errors[0].message).toContain('6 månader');

    const lenient = await openProgramme('agency_cohort', (s) => {
      s.eligibility.allowExceptions = true;
    });
    const needsReason = await apply(adept, lenient, 'adept', { basics: tooNew });
    expect(needsReason.body.errors[0].field).toBe('exceptionReason');
    const flagged = await apply(adept, lenient, 'adept', {
      basics: tooNew,
      exceptionReason: 'Lång erfarenhet som arbetsledare',
    });
    expect(flagged.status).toBe(201);
    expect(flagged.body.eligibility.eligible).toBe(false);
    expect(flagged.body.exceptionReason).toBe('Lång erfarenhet som arbetsledare');
    const ineligible = await (await as('admin')).get(
      `/api/programmes/${lenient.id}/applications?eligible=false`,
    );
    expect(ineligible.body.map((a: any) => a.id)).toEqual([flagged.body.id]);
  });

  it('asks for the current notice version and records optional consent, withdrawable at once', async () => {
    const programme = await openProgramme('agency_cohort');
    const adept = await as('adept');
    const first = await adept.get(`/api/programmes/${programme.id}/privacy-notice`);
    expect(first.body.version).toBe(1);
    expect(first.body.purposes.map((p: any) => p.legalBasis)).toContain('public_task');

    // The administrator changes the notice: a new version, and the old one no longer counts.
    const settings = structuredClone(programme.settings);
    settings.privacy.noticeText.sv = `${settings.privacy.noticeText.sv} Ny mening.`;
    await (await as('admin')).put(`/api/programmes/${programme.id}`, {
      ...programme,
      status: 'open',
      settings,
    });
    const second = await adept.get(`/api/programmes/${programme.id}/privacy-notice`);
    expect(second.body.version).toBe(2);
    const outdated = await apply(adept, programme, 'adept', { noticeId: first.body.id });
    expect(outdated.status).toBe(400);
    expect(outdated.body.errors.map((e: any) => e.field)).toContain('noticeId');

    const applied = await apply(adept, programme, 'adept', { consents: ['follow-up-contact'] });
    expect(applied.status).toBe(201);
    expect(applied.body.notice.version).toBe(2);
    const consents = await adept.get('/api/me/consents');
    const consent = consents.body.find((c: any) => c.programmeId === programme.id);
    expect(consent).toMatchObject({ purpose: 'follow-up-contact', noticeVersion: 2, withdrawnAt: null });
    const withdrawn = await adept.post(`/api/me/consents/${consent.id}/withdraw`);
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    const next = await adept.get('/api/me/consents');
    expect(next.body.find((c: any) => c.id === consent.id).withdrawnAt).not.toBeNull();
    expect((await (await as('mentor')).post(`/api/me/consents/${consent.id}/withdraw`)).status).toBe(404);
  });

  it('keeps the profile from the application for the next one, and lets a mentor pause', async () => {
    const mentor = await as('mentor');
    const profile = await mentor.get('/api/me/profile');
    expect(profile.body.basics.title).toBe('Enhetschef');
    expect(profile.body.mentor.capacity).toBe(2);
    const paused = await mentor.put('/api/me/profile', { mentorPaused: true });
    expect(paused.body.mentorPaused).toBe(true);
    const pool = await (await as('admin')).get(`/api/networks/${cast.network.id}/mentor-pool`);
    expect(pool.body.every((m: any) => m.paused)).toBe(true);
    await mentor.put('/api/me/profile', { mentorPaused: false });
  });

  it('records police mentor training, which makes the mentor eligible', async () => {
    const programme = await openProgramme('police_pool');
    const mentor = await as('mentor');
    const applied = await apply(mentor, programme, 'mentor');
    await approveAll(applied.body.id);
    const admin = await as('admin');
    await admin.post(`/api/programmes/${programme.id}/applications/bulk`, {
      ids: [applied.body.id],
      action: 'approve',
    });
    const before = (
      await admin.get(`/api/networks/${cast.network.id}/mentor-pool?programmeId=${programme.id}`)
    ).body[0];
    expect(before.trainingComplete).toBe(false);
    expect(before.eligibility.eligible).toBe(false);
    const coordinator = await as('coordinatorA');
    for (const step of programme.settings.mentorTraining.steps) {
      const recorded = await coordinator.post(`/api/people/${cast.mentor.id}/training`, {
        programmeId: programme.id,
        stepKey: step.key,
        completedOn: '2026-10-01',
      });
      expect(recorded.status).toBe(201);
    }
    expect(
      (await coordinator.post(`/api/people/${cast.mentor.id}/experience-exchanges`, { year: 2026 })).status,
    ).toBe(204);
    const unknown = await coordinator.post(`/api/people/${cast.mentor.id}/training`, {
      programmeId: programme.id,
      stepKey: 'no-such-step',
      completedOn: '2026-10-01',
    });
    expect(unknown.status).toBe(400);
    expect(
      (
        await (
          await as('coordinatorB')
        ).post(`/api/people/${cast.mentor.id}/experience-exchanges`, { year: 2026 })
      ).status,
    ).toBe(404);
    const after = (
      await admin.get(`/api/networks/${cast.network.id}/mentor-pool?programmeId=${programme.id}`)
    ).body[0];
    expect(after.trainingComplete).toBe(true);
    expect(after.eligibility.eligible).toBe(true);
    expect(after.experienceExchangeYears).toEqual([2026]);
  });

  it('asks for completion, takes the completed application back to review, and exports the list', async () => {
    const programme = await openProgramme('union_branch');
    const adept = await as('adept');
    const applied = await apply(adept, programme, 'adept');
    await approveAll(applied.body.id);
    const admin = await as('admin');
    const noReason = await admin.post(`/api/programmes/${programme.id}/applications/bulk`, {
      ids: [applied.body.id],
      action: 'request_completion',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    await admin.post(`/api/programmes/${programme.id}/applications/bulk`, {
      ids: [applied.body.id],
      action: 'request_completion',
      reason: 'Beskriv dina mål tydligare',
    });
    const asked = (await adept.get(`/api/applications/${applied.body.id}`)).body;
    expect(asked).toMatchObject({
      status: 'completion_requested',
      decisionReason: 'Beskriv dina mål tydligare',
    });
    const notice = await adept.get(`/api/programmes/${programme.id}/privacy-notice`);
    const completed = await adept.put(`/api/applications/${applied.body.id}`, {
      role: 'adept',
      organisationId: cast.orgA.id,
      roundId: null,
      basics: basics('2024-01-01'),
      needs: { ...needs, goals: 'Tre mätbara mål' },
      answers: answersFor('union_branch', 'adept'),
      noticeId: notice.body.id,
      consents: [],
    });
    expect(completed.status).toBe(200);
    expect(completed.body.status).toBe('pending_review');
    expect(completed.body.needs.goals).toBe('Tre mätbara mål');

    const skipped = await admin.post(`/api/programmes/${programme.id}/applications/bulk`, {
      ids: [applied.body.id, '00000000-0000-4000-8000-000000000000'],
      action: 'reject',
      reason: 'Platserna är fulla',
    });
    expect(skipped.body.updated).toEqual([applied.body.id]);
    expect(skipped.body.skipped).toEqual([
      { id: '00000000-0000-4000-8000-000000000000', reason: 'not_found' },
    ]);

    const audited = await server.db
      .selectFrom('audit_log')
      .select(['action', 'subject_type'])
      .where('actor_id', '=', cast.admin.id)
      .where('subject_id', '=', applied.body.id)
      .execute();
    expect(audited).toContainEqual({ action: 'read', subject_type: 'application' });
    const csv = await admin.get(`/api/programmes/${programme.id}/applications/export?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain('Namn;E-post;Organisation;Roll;Status');
    expect(csv.body).toContain(cast.adept.email);
    const xlsx = await fetch(
      `${server.baseUrl}/api/programmes/${programme.id}/applications/export?format=xlsx`,
      {
        headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      },
    );
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('reminds a pending approver after the programme’s number of days, once per interval', async () => {
    const programme = await openProgramme('police_pool', (s) => {
      s.intake.approvalReminderDays = 3;
    });
    const applied = await apply(await as('adept'), programme, 'adept', {
      manager: { name: 'Glömsk Chef', email: 'glomsk@example.org' },
    });
    const deps = server.deps;
    const countReminders = async () =>
      (
        await server.db
          .selectFrom('outbox')
          .select('subject')
          .where('to_email', '=', 'glomsk@example.org')
          .execute()
      ).filter((m) => m.subject.startsWith('Påminnelse')).length;
    await sendApprovalReminders(deps, new Date(Date.now() + 2 * 86_400_000));
    expect(await countReminders()).toBe(0);
    await sendApprovalReminders(deps, new Date(Date.now() + 4 * 86_400_000));
    expect(await countReminders()).toBe(1);
    // The fresh link works; the reminder is not sent again the same day.
    const token = await approvalLink('glomsk@example.org');
    expect((await new TestClient(server.baseUrl).get(`/api/approvals/by-token?token=${token}`)).status).toBe(
      200,
    );
    await sendApprovalReminders(deps, new Date(Date.now() + 4 * 86_400_000));
    expect(await countReminders()).toBe(1);
    expect(applied.status).toBe(201);
  });

  it('lets nobody decide on their own application: a coordinator’s HR step and admission go to an administrator, and the trail says who', async () => {
    const programme = await openProgramme('agency_cohort');
    const coordinator = await as('coordinatorA');
    const mailsToCoordinator = async () =>
      (
        await server.db
          .selectFrom('outbox')
          .select('id')
          .where('to_email', '=', cast.coordinatorA.email)
          .where('kind', '=', 'approval_requested')
          .execute()
      ).length;
    const mailedBefore = await mailsToCoordinator();
    const applied = await apply(coordinator, programme, 'mentor');
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const hr = applied.body.approvals[0];
    // Organisation A has no other coordinator: HR is the network's administrators, not the applicant.
    expect(hr).toMatchObject({ approver: 'hr', status: 'pending', approverEmail: cast.admin.email });
    expect(await mailsToCoordinator()).toBe(mailedBefore);
    const mine = await coordinator.get('/api/me/approvals');
    expect(mine.body.map((m: any) => m.approval.id)).not.toContain(hr.id);
    // The step is not addressed to them (404, like any step addressed to someone else).
    const selfApproved = await coordinator.post(`/api/approvals/${hr.id}/decide`, { decision: 'approve' });
    expect(selfApproved.status).toBe(404);

    const admin = await as('admin');
    expect((await admin.get('/api/me/approvals')).body.map((m: any) => m.approval.id)).toContain(hr.id);
    expect((await admin.post(`/api/approvals/${hr.id}/decide`, { decision: 'approve' })).status).toBe(200);

    // The intake view: the coordinator's own application is skipped, the administrator admits it.
    const bulk = (by: TestClient) =>
      by.post(`/api/programmes/${programme.id}/applications/bulk`, {
        ids: [applied.body.id],
        action: 'approve',
      });
    expect((await bulk(coordinator)).body).toEqual({
      updated: [],
      skipped: [{ id: applied.body.id, reason: 'own_application' }],
    });
    expect((await bulk(admin)).body.updated).toEqual([applied.body.id]);
    const after = (await coordinator.get(`/api/applications/${applied.body.id}`)).body;
    expect(after.status).toBe('approved');
    expect(after.approvals[0].decidedBy).toEqual({ id: cast.admin.id, name: cast.admin.name });
    expect(after.decidedBy).toEqual({ id: cast.admin.id, name: cast.admin.name });
  });

  it('starts the approvals again when a completed application moves to another organisation', async () => {
    const programme = await openProgramme('municipal_individual');
    const mover = await buildPerson(server.db, {
      roles: [
        { role: 'adept', networkId: cast.network.id, organisationId: cast.orgA.id },
        { role: 'adept', networkId: cast.network.id, organisationId: cast.orgB.id },
      ],
    });
    const applicant = new TestClient(server.baseUrl);
    await applicant.signIn(mover.email);
    const applied = await apply(applicant, programme, 'adept', {
      manager: { name: 'Chef i A', email: 'chef.a@example.org' },
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    await approveAll(applied.body.id);
    const admin = await as('admin');
    await admin.post(`/api/programmes/${programme.id}/applications/bulk`, {
      ids: [applied.body.id],
      action: 'request_completion',
      reason: 'Vilken organisation?',
    });

    const notice = await applicant.get(`/api/programmes/${programme.id}/privacy-notice`);
    const moved = await applicant.put(`/api/applications/${applied.body.id}`, {
      role: 'adept',
      organisationId: cast.orgB.id,
      roundId: null,
      basics: basics('2024-01-01'),
      needs,
      answers: answersFor('municipal_individual', 'adept'),
      manager: { name: 'Chef i B', email: 'chef.b@example.org' },
      noticeId: notice.body.id,
      consents: [],
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    // A's approvals stay in the trail, superseded; B's chain is asked from the start, as on submission.
    expect(moved.body.status).toBe('awaiting_approval');
    expect(moved.body.approvals.map((a: any) => [a.approver, a.status, a.approverEmail])).toEqual([
      ['manager', 'superseded', 'chef.a@example.org'],
      ['hr', 'superseded', cast.coordinatorA.email],
      ['manager', 'pending', 'chef.b@example.org'],
      ['hr', 'waiting', cast.coordinatorB.email],
    ]);
    const coordinatorB = await as('coordinatorB');
    const tooEarly = await coordinatorB.post(`/api/programmes/${programme.id}/applications/bulk`, {
      ids: [applied.body.id],
      action: 'approve',
    });
    expect(tooEarly.body.skipped).toEqual([{ id: applied.body.id, reason: 'status_awaiting_approval' }]);

    const token = await approvalLink('chef.b@example.org');
    expect(
      (
        await new TestClient(server.baseUrl).post('/api/approvals/by-token/decide', {
          token,
          decision: 'approve',
        })
      ).status,
    ).toBe(200);
    const hrB = moved.body.approvals[3];
    expect(
      (await (await as('coordinatorA')).post(`/api/approvals/${hrB.id}/decide`, { decision: 'approve' }))
        .status,
    ).toBe(404);
    expect((await coordinatorB.get('/api/me/approvals')).body.map((m: any) => m.approval.id)).toContain(
      hrB.id,
    );
    expect((await coordinatorB.post(`/api/approvals/${hrB.id}/decide`, { decision: 'approve' })).status).toBe(
      200,
    );
    const admitted = await coordinatorB.post(`/api/programmes/${programme.id}/applications/bulk`, {
      ids: [applied.body.id],
      action: 'approve',
    });
    expect(admitted.body.updated).toEqual([applied.body.id]);
  });

  it('lets no applicant decide through a mailed link, neither one sent to their own address nor one used signed in', async () => {
    const programme = await openProgramme('municipal_individual');
    const adept = await as('adept');
    const applied = await apply(adept, programme, 'adept', {
      manager: { name: 'Länkchef', email: 'lankchef@example.org' },
    });
    const token = await approvalLink('lankchef@example.org');
    // Signed in as the applicant, the link does not decide; the manager, signed out, does.
    const asApplicant = await adept.post('/api/approvals/by-token/decide', { token, decision: 'approve' });
    expect(asApplicant.status).toBe(403);
    expect(asApplicant.body.errors[0].field).toBe('decision');

    // A step that names the applicant's own address (as an older application could): its link refuses everyone.
    await server.db
      .updateTable('application_approvals')
      .set({ approver_email: cast.adept.email })
      .where('id', '=', applied.body.approvals[0].id)
      .execute();
    const visitor = new TestClient(server.baseUrl);
    expect(
      (await visitor.post('/api/approvals/by-token/decide', { token, decision: 'approve' })).status,
    ).toBe(403);
    expect(
      (await adept.post(`/api/approvals/${applied.body.approvals[0].id}/decide`, { decision: 'approve' }))
        .status,
    ).toBe(403);
    expect((await adept.get(`/api/applications/${applied.body.id}`)).body.approvals[0].status).toBe(
      'pending',
    );
  });
});
