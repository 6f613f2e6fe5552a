import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, buildPerson } from '../../../../test/factories.ts';
import { admit, mentorProfile } from '../../../../test/matching-support.ts';
import { appointAdvisor, createPairFixture } from '../../../../test/pair-support.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';
import type { ProgrammeTemplateKey } from '../../../shared/programme.ts';
import { ManualClock } from '../../clock.ts';
import { buildSnapshot } from '../matching/matching.input.ts';
import { findProgramme } from '../programmes/programmes.repository.ts';
import { runPairYearJobs } from './jobs.ts';
import { onMeetingHeld } from './lifecycle.service.ts';
import { loadPair } from './pair-access.ts';

type Cast = Awaited<ReturnType<typeof buildCast>>;
type Person = { id: string; email: string };

const SECRET = 'Vi vill prata om konflikter i ledningsgruppen – hemligt-91c2';
const CHANGE_REASON = 'Vi kommer inte överens om tiderna – skäl-5d1e';

describe.each(dialects)('the pair lifecycle on %s', (dialect) => {
  let server: TestServer;
  let cast: Cast & { advisor: Person; otherPairMember: Person };
  const clock = new ManualClock('2026-12-01T09:00:00Z');
  const clients = new Map<string, TestClient>();

  async function as(person: Person): Promise<TestClient> {
    let client = clients.get(person.email);
    if (!client) {
      client = new TestClient(server.baseUrl);
      await client.signIn(person.email);
      clients.set(person.email, client);
    }
    return client;
  }

  /** A fresh adept and mentor of A in a pair of a new programme of the template. */
  async function newPair(
    templateKey: ProgrammeTemplateKey,
    options: { status?: 'introduced' | 'active'; planStartsOn?: string; plannedEndOn?: string } = {},
  ) {
    const inA = (role: 'adept' | 'mentor') => ({
      roles: [{ role, networkId: cast.network.id, organisationId: cast.orgA.id }],
    });
    const adept = await buildPerson(server.db, inA('adept'));
    const mentor = await buildPerson(server.db, inA('mentor'));
    const fixture = await createPairFixture(server.db, {
      networkId: cast.network.id,
      adept: { id: adept.id, organisationId: cast.orgA.id },
      mentor: { id: mentor.id, organisationId: cast.orgA.id },
      publishedBy: cast.admin.id,
      templateKey,
      status: options.status ?? 'introduced',
      planStartsOn: options.planStartsOn ?? '2026-11-01',
    });
    if (options.plannedEndOn)
      await server.db
        .updateTable('pairs')
        .set({ planned_end_on: options.plannedEndOn })
        .where('id', '=', fixture.pairId)
        .execute();
    return { ...fixture, adept, mentor };
  }

  async function meetingHeld(pairId: string) {
    const ctx = (await loadPair(server.db, pairId))!;
    await server.db.transaction().execute(async (trx) => {
      await onMeetingHeld(server.deps, trx, { ...ctx, role: 'mentor' });
    });
  }

  const outbox = (kind: string, to?: string) => {
    let query = server.db.selectFrom('outbox').selectAll().where('kind', '=', kind);
    if (to) query = query.where('to_email', '=', to);
    return query.execute();
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, {}, { clock });
    const base = await buildCast(server.db);
    const advisor = await buildPerson(server.db, {
      roles: [{ role: 'manager', networkId: base.network.id, organisationId: base.orgB.id }],
    });
    const otherPairMember = await buildPerson(server.db, {
      roles: [{ role: 'adept', networkId: base.network.id, organisationId: base.orgA.id }],
    });
    cast = { ...base, advisor, otherPairMember };
  });

  afterAll(async () => {
    await server?.close();
  });

  it('moves introduced → first meeting → active once both accepted and signed; an edit voids signatures', async () => {
    const pair = await newPair('union_branch');
    const adept = await as(pair.adept);
    const mentor = await as(pair.mentor);
    const base = `/api/pairs/${pair.pairId}`;

    let view = await adept.get(`${base}/lifecycle`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body).toMatchObject({
      status: 'introduced',
      can: { accept: true, requestExtension: false, recordClosing: false },
      contract: { required: true, signatures: [] },
      confidentiality: { required: true, signatures: [] },
    });
    expect((await adept.post(`${base}/accept`)).body.acceptances).toHaveLength(1);

    // The contract: the programme's questions, answered together.
    const empty = await mentor.get(`${base}/contract`);
    expect(empty.status).toBe(200);
    expect(empty.body.questions.map((q: { key: string }) => q.key)).toContain('rebooking');
    expect(empty.body.questions).toHaveLength(9);
    const saved = await adept.put(`${base}/contract`, {
      answers: { needs_goals: SECRET, frequency: 'Varannan vecka' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const v1 = saved.body.textVersion;
    const seen = await mentor.get(`${base}/contract`);
    expect(seen.body.answers.needs_goals).toBe(SECRET);
    expect(seen.body.textVersion).toBe(v1);

    expect((await adept.post(`${base}/contract/sign`, { name: 'Ada Adept', textVersion: v1 })).status).toBe(
      200,
    );
    // The mentor edits after the adept signed: a new version, the adept's signature no longer counts.
    const edited = await mentor.put(`${base}/contract`, {
      answers: { needs_goals: SECRET, frequency: 'Var tredje vecka' },
    });
    const v2 = edited.body.textVersion;
    expect(v2).not.toBe(v1);
    expect(edited.body.signatures).toEqual([expect.objectContaining({ role: 'adept', current: false })]);
    const stale = await mentor.post(`${base}/contract/sign`, { name: 'Mona Mentor', textVersion: v1 });
    expect(stale.status).toBe(400);
    expect(stale.body.errors[0].field).toBe('textVersion');
    expect(stale.body.errors[0].message).toContain('har ändrats');
    expect(
      (await mentor.post(`${base}/contract/sign`, { name: 'Mona Mentor', textVersion: v2 })).status,
    ).toBe(200);
    expect((await adept.post(`${base}/contract/sign`, { name: 'Ada Adept', textVersion: v2 })).status).toBe(
      200,
    );

    const confidentiality = await adept.get(`${base}/confidentiality`);
    expect(confidentiality.body.text.sv).toContain('stannar mellan oss');
    for (const [client, name] of [
      [adept, 'Ada Adept'],
      [mentor, 'Mona Mentor'],
    ] as const) {
      const signed = await client.post(`${base}/confidentiality/sign`, {
        name,
        textVersion: confidentiality.body.textVersion,
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    }
    view = await mentor.post(`${base}/accept`);
    // Both accepted and signed, but no first meeting yet.
    expect(view.body.status).toBe('introduced');

    clock.set('2026-12-03T10:00:00Z');
    await meetingHeld(pair.pairId);
    const coordinator = await as(cast.coordinatorA);
    view = await coordinator.get(`${base}/lifecycle`);
    expect(view.body).toMatchObject({
      status: 'active',
      activeSince: '2026-12-03',
      plannedEndOn: '2027-11-01',
    });
    expect(view.body.events.map((e: { from: string; to: string }) => `${e.from}→${e.to}`)).toEqual([
      'introduced→first_meeting_held',
      'first_meeting_held→active',
    ]);
    expect(view.body.events[1]).toMatchObject({ at: '2026-12-03T10:00:00.000Z', byRole: 'mentor' });
    expect(view.body.contract.signatures.filter((s: { current: boolean }) => s.current)).toHaveLength(2);
    expect(await outbox('pair_active', pair.adept.email)).toHaveLength(1);

    // The contract's answers are the pair's: never to those who run the programme, the advisor or others.
    expect(JSON.stringify(view.body)).not.toContain(SECRET);
    await appointAdvisor(server.db, pair.programmeId, cast.advisor.id);
    expect((await coordinator.get(`${base}/contract`)).status).toBe(403);
    expect((await (await as(cast.admin)).get(`${base}/contract`)).status).toBe(403);
    expect((await (await as(cast.advisor)).get(`${base}/contract`)).status).toBe(403);
    expect((await (await as(cast.otherPairMember)).get(`${base}/contract`)).status).toBe(404);
    expect((await (await as(cast.otherPairMember)).get(`${base}/lifecycle`)).status).toBe(404);
    expect((await coordinator.put(`${base}/contract`, { answers: {} })).status).toBe(403);
    const stored = await server.db
      .selectFrom('pair_agreements')
      .select('content')
      .where('pair_id', '=', pair.pairId)
      .executeTakeFirstOrThrow();
    expect(stored.content).not.toContain('hemligt');
    const audits = await server.db
      .selectFrom('audit_log')
      .select(['action', 'subject_type'])
      .where('subject_id', '=', pair.pairId)
      .execute();
    expect(audits).toContainEqual({ action: 'read', subject_type: 'pair_contract' });
  });

  it('extends when both ask and the coordinator approves; the ending job asks both to plan the closing', async () => {
    clock.set('2027-01-10T09:00:00Z');
    const pair = await newPair('union_branch', { status: 'active', plannedEndOn: '2027-11-01' });
    const base = `/api/pairs/${pair.pairId}`;
    const adept = await as(pair.adept);
    const mentor = await as(pair.mentor);
    const coordinator = await as(cast.coordinatorA);

    const tooLong = await adept.post(`${base}/requests/extension`, { months: 9 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors[0].field).toBe('months');
    expect(tooLong.body.errors[0].message).toContain('högst 6 månader');
    const asked = await adept.post(`${base}/requests/extension`, {
      months: 6,
      reason: 'Vi vill hinna klart',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const request = asked.body.requests[0];
    expect(await outbox('pair_extension_requested', pair.mentor.email)).toHaveLength(1);
    // Not before both asked.
    const early = await coordinator.post(`${base}/requests/${request.id}/decide`, {
      decision: 'approved',
      reason: 'Bra',
    });
    expect(early.status).toBe(400);
    expect((await adept.post(`${base}/requests/${request.id}/second`)).status).toBe(409);
    expect((await mentor.post(`${base}/requests/${request.id}/second`)).status).toBe(200);
    expect(await outbox('pair_extension_to_decide', cast.coordinatorA.email)).toHaveLength(1);
    // A party never decides on their own pair.
    expect(
      (await mentor.post(`${base}/requests/${request.id}/decide`, { decision: 'approved', reason: 'x' }))
        .status,
    ).toBe(403);
    const approved = await coordinator.post(`${base}/requests/${request.id}/decide`, {
      decision: 'approved',
      reason: 'Ni har en tydlig plan',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'active', plannedEndOn: '2028-05-01', extensionMonths: 6 });
    expect(approved.body.requests[0]).toMatchObject({
      decision: 'approved',
      decisionReason: 'Ni har en tydlig plan',
    });
    expect(approved.body.events.at(-1)).toMatchObject({
      reason: 'Ni har en tydlig plan',
      detail: { kind: 'extension', months: 6 },
    });
    expect(await outbox('pair_extension_decided', pair.adept.email)).toHaveLength(1);
    // One extension is all the union's programme gives.
    const again = await mentor.post(`${base}/requests/extension`, { months: 3 });
    expect(again.status).toBe(400);
    expect(again.body.errors[0].field).toBe('months');
    expect(again.body.errors[0].message).toContain('så många förlängningar');

    // 30 days before the planned end, the pair is ending and both are asked (once) to plan the closing.
    clock.set('2028-03-30T06:00:00Z');
    await runPairYearJobs(server.deps);
    expect((await adept.get(`${base}/lifecycle`)).body.status).toBe('active');
    clock.set('2028-04-02T06:00:00Z');
    await runPairYearJobs(server.deps);
    await runPairYearJobs(server.deps);
    const ending = await coordinator.get(`${base}/lifecycle`);
    expect(ending.body.status).toBe('ending');
    expect(ending.body.events.at(-1)).toMatchObject({ from: 'active', to: 'ending', by: null });
    expect(await outbox('pair_ending', pair.adept.email)).toHaveLength(1);
    expect(await outbox('pair_ending', pair.mentor.email)).toHaveLength(1);
  });

  it('ends the pair as re-matched on a change of mentor: the reason stays with the coordinator, the adept gets another mentor', async () => {
    clock.set('2027-02-01T09:00:00Z');
    const pair = await newPair('municipal_individual', { status: 'active' });
    const base = `/api/pairs/${pair.pairId}`;
    const adept = await as(pair.adept);
    const mentor = await as(pair.mentor);
    const coordinator = await as(cast.coordinatorA);

    const missing = await adept.post(`${base}/requests/change-of-mentor`, { reason: '' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].field).toBe('reason');
    const asked = await adept.post(`${base}/requests/change-of-mentor`, { reason: CHANGE_REASON });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.requests[0]).toMatchObject({
      kind: 'change_of_mentor',
      reason: CHANGE_REASON,
      isMine: true,
    });
    // The other party sees neither the request nor its reason.
    const mentorView = await mentor.get(`${base}/lifecycle`);
    expect(mentorView.body.requests).toEqual([]);
    expect(JSON.stringify(mentorView.body)).not.toContain(CHANGE_REASON);
    const mails = await outbox('pair_change_requested', cast.coordinatorA.email);
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(mail.body_text).not.toContain(CHANGE_REASON);
    const coordinatorView = await coordinator.get(`${base}/lifecycle`);
    const request = coordinatorView.body.requests[0];
    expect(request.reason).toBe(CHANGE_REASON);

    const decided = await coordinator.post(`${base}/requests/${request.id}/decide`, {
      decision: 'approved',
      reason: 'Byte enligt önskemål',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.status).toBe('rematched');
    expect(decided.body.events.at(-1)).toMatchObject({ to: 'rematched', reason: 'Byte enligt önskemål' });
    const forbid = await server.db
      .selectFrom('matching_decisions')
      .selectAll()
      .where('programme_id', '=', pair.programmeId)
      .where('adept_id', '=', pair.adept.id)
      .execute();
    expect(forbid).toEqual([expect.objectContaining({ kind: 'forbid', mentor_id: pair.mentor.id })]);
    expect(await outbox('pair_rematched', pair.mentor.email)).toHaveLength(1);
    const mentorMail = (await outbox('pair_rematched', pair.mentor.email))[0]!;
    expect(mentorMail.body_text).not.toContain(CHANGE_REASON);

    // The adept is back in matching, and re-matching gives another mentor.
    const notice = await server.db
      .selectFrom('privacy_notices')
      .select('id')
      .where('programme_id', '=', pair.programmeId)
      .executeTakeFirstOrThrow();
    const newMentor = await buildPerson(server.db, {
      roles: [{ role: 'mentor', networkId: cast.network.id, organisationId: cast.orgB.id }],
    });
    await admit(
      server.db,
      { id: pair.programmeId, roundId: pair.roundId, noticeId: notice.id },
      { id: newMentor.id, organisationId: cast.orgB.id },
      'mentor',
      { mentor: mentorProfile(['change'], 2) },
    );
    const rematch = await coordinator.post(`/api/programmes/${pair.programmeId}/matching/rematch`, {
      adeptId: pair.adept.id,
      roundId: pair.roundId,
    });
    expect(rematch.status, JSON.stringify(rematch.body)).toBe(201);
    expect(rematch.body.proposals).toHaveLength(1);
    expect(rematch.body.proposals[0].mentor.id).toBe(newMentor.id);
    // Nothing more to decide on an ended pair.
    expect((await coordinator.post(`${base}/cancel`, { reason: 'Sent' })).status).toBe(409);
  });

  it('closes on the closing conversation: the mentor’s place is free and evaluations open', async () => {
    clock.set('2027-10-20T09:00:00Z');
    const pair = await newPair('police_pool', { status: 'active', plannedEndOn: '2027-11-01' });
    const base = `/api/pairs/${pair.pairId}`;
    const programme = (await findProgramme(server.db, pair.programmeId))!;
    const capacityUsed = async () =>
      (await buildSnapshot(server.db, programme, pair.roundId)).currentByMentor.get(pair.mentor.id) ?? 0;
    expect(await capacityUsed()).toBe(1);

    const mentor = await as(pair.mentor);
    const police = await mentor.get(`${base}/contract`);
    expect(police.body.rules.map((r: { sv: string }) => r.sv)).toContain(
      'Adepten använder inte sin mentor som referens.',
    );
    expect((await mentor.post(`${base}/close`, { held: false })).status).toBe(400);
    const closed = await mentor.post(`${base}/close`, { held: true });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedAt: '2027-10-20T09:00:00.000Z',
      evaluationsOpened: true,
      can: { recordClosing: false, requestChangeOfMentor: false },
    });
    const evaluations = await server.db
      .selectFrom('evaluations')
      .select(['role', 'person_id'])
      .where('pair_id', '=', pair.pairId)
      .orderBy('role')
      .execute();
    expect(evaluations).toEqual([
      { role: 'adept', person_id: pair.adept.id },
      { role: 'mentor', person_id: pair.mentor.id },
    ]);
    expect(await capacityUsed()).toBe(0);
    expect(await outbox('pair_closed', pair.adept.email)).toHaveLength(1);
    expect((await mentor.post(`${base}/close`, { held: true })).status).toBe(409);
    // Read-only once ended.
    expect((await mentor.put(`${base}/contract`, { answers: {} })).status).toBe(409);
  });

  it('lets the coordinator cancel with a reason; parties and strangers cannot; bad input is 4xx', async () => {
    clock.set('2027-03-01T09:00:00Z');
    const pair = await newPair('agency_cohort');
    const base = `/api/pairs/${pair.pairId}`;
    const adept = await as(pair.adept);
    expect((await adept.post(`${base}/cancel`, { reason: 'Själv' })).status).toBe(403);
    expect((await (await as(cast.otherPairMember)).post(`${base}/cancel`, { reason: 'x' })).status).toBe(404);
    expect((await (await as(cast.coordinatorB)).post(`${base}/cancel`, { reason: 'x' })).status).toBe(404);
    // The agency cohort has neither a contract nor a confidentiality agreement.
    expect((await adept.get(`${base}/contract`)).status).toBe(404);
    const unknown = await adept.put(`/api/pairs/${pair.pairId}/contract`, { answers: { nope: 'x' } });
    expect(unknown.status).toBe(404);
    const badName = await adept.post(`${base}/confidentiality/sign`, { name: '', textVersion: 'x' });
    expect(badName.status).toBe(400);
    expect(badName.body.errors[0].field).toBe('name');
    const extension = await adept.post(`${base}/requests/extension`, { months: 3 });
    expect(extension.status).toBe(400);
    expect(extension.body.errors[0].field).toBe('months');
    expect(extension.body.errors[0].message).toContain('går inte att förlänga');

    const coordinator = await as(cast.coordinatorA);
    expect((await coordinator.post(`${base}/cancel`, {})).status).toBe(400);
    const cancelled = await coordinator.post(`${base}/cancel`, { reason: 'Adepten har slutat' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(cancelled.body.events.at(-1)).toMatchObject({
      to: 'cancelled',
      reason: 'Adepten har slutat',
      byRole: 'coordinator',
    });
    // The parties see who and when, not the reasons in the history (they got them by mail).
    const partyView = await adept.get(`${base}/lifecycle`);
    expect(partyView.body.events.at(-1)).toMatchObject({ to: 'cancelled', reason: null });
    const mail = (await outbox('pair_cancelled', pair.adept.email))[0]!;
    expect(mail.body_text).toContain('Adepten har slutat');
  });

  it('names advisors whom a party can write to; advisors see metadata only', async () => {
    const pair = await newPair('union_branch', { status: 'active' });
    const base = `/api/pairs/${pair.pairId}`;
    const path = `/api/programmes/${pair.programmeId}/advisors`;
    const admin = await as(cast.admin);
    expect((await (await as(cast.coordinatorA)).put(path, { personIds: [cast.advisor.id] })).status).toBe(
      403,
    );
    const foreign = await admin.put(path, { personIds: [cast.outsider.id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toBe('personIds.0');
    const set = await admin.put(path, { personIds: [cast.advisor.id] });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toEqual([expect.objectContaining({ id: cast.advisor.id, organisation: 'Org B' })]);
    expect((await (await as(cast.coordinatorA)).get(path)).body).toHaveLength(1);

    const advisor = await as(cast.advisor);
    const advised = await advisor.get('/api/me/advised-pairs');
    expect(advised.body.map((p: { id: string }) => p.id)).toContain(pair.pairId);
    const view = await advisor.get(`${base}/lifecycle`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ requests: [], events: [], can: { manage: false, accept: false } });
    expect((await advisor.get(`${base}/contract`)).status).toBe(403);
    expect((await advisor.post(`${base}/cancel`, { reason: 'x' })).status).toBe(403);

    const adept = await as(pair.adept);
    const adeptView = await adept.get(`${base}/lifecycle`);
    expect(adeptView.body.advisors).toEqual([{ id: cast.advisor.id, name: expect.any(String) }]);
    const wrong = await adept.post(`${base}/advisor-contact`, {
      advisorId: cast.coordinatorA.id,
      message: 'Hej',
    });
    expect(wrong.status).toBe(400);
    const sent = await adept.post(`${base}/advisor-contact`, {
      advisorId: cast.advisor.id,
      message: 'Kan vi ses och prata om samarbetet?',
    });
    expect(sent.status).toBe(204);
    const mail = (await outbox('advisor_contact', cast.advisor.email))[0]!;
    expect(mail.body_text).toContain('Kan vi ses och prata om samarbetet?');
    expect(mail.body_text).toContain(pair.adept.email);
  });
});
