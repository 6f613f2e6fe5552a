import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, buildOrganisation, buildPerson, nowIso } from '../../../../test/factories.ts';
import {
  adeptBasics,
  adeptNeeds,
  admit,
  createProgramme,
  locate,
  matchingFixture,
  mentorProfile,
  places,
} from '../../../../test/matching-support.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';
import { defaultMatchingWeights, matchingCriteria } from '../../../shared/programme.ts';
import { newId } from '../../util.ts';
import {
  checkStoredRun,
  criteria,
  defaultScoreWeights,
  type MatchingInput,
  type MatchingRunResult,
} from './engine/index.ts';
import { runnerSettings } from './matching.runner.ts';

type Cast = Awaited<ReturnType<typeof buildCast>>;
type Person = { id: string; email: string; name: string };

describe('programme weights', () => {
  it('default to the engine’s, criterion by criterion', () => {
    expect([...matchingCriteria]).toEqual([...criteria]);
    expect(defaultMatchingWeights).toEqual(defaultScoreWeights);
  });
});

describe.each(dialects)('the matching board on %s', (dialect) => {
  let server: TestServer;
  let cast: Cast;
  let orgC: { id: string };
  let orgD: { id: string };
  let coordinatorE: Person;
  let adepts: (Person & { organisationId: string })[];
  let mentors: (Person & { organisationId: string })[];
  let cohort: { id: string; roundId: string; noticeId: string };
  const clients = new Map<string, TestClient>();

  async function as(person: Person) {
    let client = clients.get(person.id);
    if (!client) {
      client = new TestClient(server.baseUrl);
      await client.signIn(person.email);
      clients.set(person.id, client);
    }
    return client;
  }
  const board = async (who: Person, programmeId = cohort.id) =>
    (await (await as(who)).get(`/api/programmes/${programmeId}/matching`)).body;
  const run = async (who: Person = cast.admin) => {
    const response = await (await as(who)).post(`/api/programmes/${cohort.id}/matching/runs`, {
      roundId: cohort.roundId,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body;
  };
  const pairKey = (p: { adept: { id: string }; mentor: { id: string } }) => `${p.adept.id}:${p.mentor.id}`;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    cast = await buildCast(server.db);
    const { network, orgA, orgB } = cast;
    orgC = await buildOrganisation(server.db, { networkId: network.id, name: 'Org C' });
    orgD = await buildOrganisation(server.db, { networkId: network.id, name: 'Org D' });
    const orgE = await buildOrganisation(server.db, { networkId: network.id, name: 'Org E' });
    await locate(server.db, orgA.id, places.enkoping);
    await locate(server.db, orgB.id, places.habo);
    await locate(server.db, orgC.id, places.knivsta);
    await locate(server.db, orgD.id, places.vasby);
    coordinatorE = await buildPerson(server.db, {
      roles: [{ role: 'org_coordinator', networkId: network.id, organisationId: orgE.id }],
    });
    const person = async (role: 'adept' | 'mentor', organisationId: string) => ({
      ...(await buildPerson(server.db, { roles: [{ role, networkId: network.id, organisationId }] })),
      organisationId,
    });
    adepts = [
      { ...cast.adept, organisationId: orgA.id },
      { ...cast.adeptB, organisationId: orgB.id },
      await person('adept', orgC.id),
      await person('adept', orgD.id),
      await person('adept', orgA.id),
    ];
    mentors = [
      { ...cast.mentor, organisationId: orgA.id },
      await person('mentor', orgB.id),
      await person('mentor', orgC.id),
      await person('mentor', orgD.id),
      // One place more than there are adepts, so a declined adept can be matched again.
      await person('mentor', orgD.id),
    ];
    cohort = await createProgramme(server.db, network.id, 'agency_cohort');
    const areas = [['change'], ['conflict', 'stress'], ['budget'], ['communication'], ['change', 'stress']];
    for (const [i, adept] of adepts.entries()) {
      await admit(server.db, cohort, adept, 'adept', { needs: adeptNeeds(areas[i]!) });
    }
    const competences = [
      ['change', 'budget'],
      ['conflict', 'stress', 'change'],
      ['communication'],
      ['budget'],
      ['stress'],
    ];
    for (const [i, mentor] of mentors.entries()) {
      await admit(server.db, cohort, mentor, 'mentor', {
        // Two places each: ten for five adepts, so a declined adept always has a mentor left.
        mentor: mentorProfile(competences[i]!, 2),
      });
    }
  });
  afterAll(() => server.close());

  it('lets the administrator give an organisation its location, both coordinates or none', async () => {
    const admin = await as(cast.admin);
    const organisation = (await admin.get(`/api/organisations/${orgC.id}`)).body;
    expect(organisation).toMatchObject({
      placeName: 'Knivsta',
      latitude: 59.726,
      longitude: 17.786,
      external: false,
    });
    const half = await admin.patch(`/api/organisations/${orgC.id}`, {
      name: organisation.name,
      kind: organisation.kind,
      latitude: 59.7,
      longitude: null,
    });
    expect(half.status).toBe(400);
    expect(half.body.errors[0].field).toBe('longitude');
    const moved = await admin.patch(`/api/organisations/${orgC.id}`, {
      name: organisation.name,
      kind: organisation.kind,
      placeName: 'Knivsta',
      latitude: 59.726,
      longitude: 17.786,
      external: false,
    });
    expect(moved.status).toBe(200);
    expect(
      (
        await (
          await as(cast.coordinatorA)
        ).patch(`/api/organisations/${orgC.id}`, { name: 'X', kind: 'other' })
      ).status,
    ).toBe(403);
  });

  it('runs matching on a round: every adept proposed or explained, proven, stored with its input', async () => {
    const result = await run(cast.coordinatorA);
    expect(result).toMatchObject({ kind: 'batch', status: 'done', verified: true });
    const admin = await board(cast.admin);
    expect(admin.scope).toBe('network');
    expect(admin.run.id).toBe(result.id);
    expect(admin.run.totals).toMatchObject({ adepts: 5, matched: 5, unmatched: 0 });
    expect(admin.run.proposals).toHaveLength(5);
    for (const proposal of admin.run.proposals) {
      // The agency programme requires a mentor from another organisation.
      expect(proposal.adept.organisation.id).not.toBe(proposal.mentor.organisation.id);
      expect(proposal.explanation.length).toBeGreaterThan(0);
      expect(proposal.breakdown.map((c: any) => c.criterion)).toContain('developmentAreas');
      expect(proposal.distanceKm).toBeGreaterThan(0);
    }
    expect(admin.run.mentors.map((m: any) => m.mentor.id).sort()).toEqual(mentors.map((m) => m.id).sort());
    expect(admin.run.startedBy).toBe(cast.coordinatorA.name);

    // The stored run re-checks from its input with the engine's independent checker.
    const stored = await server.db
      .selectFrom('matching_runs')
      .selectAll()
      .where('id', '=', result.id)
      .executeTakeFirstOrThrow();
    const input = JSON.parse(stored.input) as MatchingInput;
    expect(JSON.stringify(input)).not.toContain('Privat önskan');
    const check = checkStoredRun(input, JSON.parse(stored.result!) as MatchingRunResult);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(stored.input_hash).toBe(result.inputHash);
  });

  it('shows a coordinator only what involves their own organisation, and another organisation none of it', async () => {
    const mine = await board(cast.coordinatorA);
    expect(mine.scope).toBe('organisations');
    expect(mine.run.proposals.length).toBeGreaterThan(0);
    for (const p of mine.run.proposals) {
      expect([p.adept.organisation.id, p.mentor.organisation.id]).toContain(cast.orgA.id);
    }
    expect(mine.run.mentors.every((m: any) => m.mentor.organisation.id === cast.orgA.id)).toBe(true);
    expect(mine.waitingAdepts.every((a: any) => a.organisation.id === cast.orgA.id)).toBe(true);
    // The totals are the whole run's; the lists are the caller's.
    expect(mine.run.totals.adepts).toBe(5);

    const none = await board(coordinatorE);
    expect(none.run.proposals).toEqual([]);
    expect(none.run.unmatched).toEqual([]);
    expect(none.run.mentors).toEqual([]);
    expect(none.waitingAdepts).toEqual([]);
    expect(JSON.stringify(none)).not.toContain(cast.adept.name);
    expect((await (await as(coordinatorE)).get(`/api/matching-runs/${mine.run.id}`)).body.proposals).toEqual(
      [],
    );
    // A participant has no board; another network does not see the programme.
    expect((await (await as(cast.adept)).get(`/api/programmes/${cohort.id}/matching`)).status).toBe(403);
    expect((await (await as(cast.outsider)).get(`/api/programmes/${cohort.id}/matching`)).status).toBe(404);
  });

  it('keeps a locked proposal when matching runs again, and never proposes a forbidden pair', async () => {
    const admin = await as(cast.admin);
    const before = (await board(cast.admin)).run.proposals;
    const [toLock, toForbid] = before;
    const locked = await admin.post(`/api/programmes/${cohort.id}/matching/decisions`, {
      roundId: cohort.roundId,
      adeptId: toLock.adept.id,
      mentorId: toLock.mentor.id,
      kind: 'lock',
      reason: 'De har redan träffats på kick-offen.',
    });
    expect(locked.status, JSON.stringify(locked.body)).toBe(201);
    expect(locked.body).toMatchObject({ kind: 'lock', decidedBy: cast.admin.name });

    const noReason = await admin.post(`/api/programmes/${cohort.id}/matching/decisions`, {
      roundId: cohort.roundId,
      adeptId: toForbid.adept.id,
      mentorId: toForbid.mentor.id,
      kind: 'forbid',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    const forbidden = await admin.post(`/api/programmes/${cohort.id}/matching/decisions`, {
      roundId: cohort.roundId,
      adeptId: toForbid.adept.id,
      mentorId: toForbid.mentor.id,
      kind: 'forbid',
      reason: 'Samma förvaltningsledning.',
    });
    expect(forbidden.status).toBe(201);

    await run();
    const after = await board(cast.admin);
    const keptLock = after.run.proposals.find((p: any) => pairKey(p) === pairKey(toLock));
    expect(keptLock).toMatchObject({ locked: true });
    expect(keptLock.explanation[0]).toMatch(/låst/i);
    expect(after.run.proposals.map(pairKey)).not.toContain(pairKey(toForbid));
    expect(after.decisions.map((d: any) => d.reason)).toEqual(
      expect.arrayContaining(['De har redan träffats på kick-offen.', 'Samma förvaltningsledning.']),
    );
    // And again: a forbidden pair stays out of every run.
    await run();
    expect((await board(cast.admin)).run.proposals.map(pairKey)).not.toContain(pairKey(toForbid));
  });

  it('swaps by hand: warns about a broken hard constraint, shows the cost, and keeps the swap', async () => {
    const admin = await as(cast.admin);
    const current = await board(cast.admin);
    // Adept 5 (org A) with the mentor of org A breaks "another organisation".
    const adept = adepts[4]!;
    const sameOrganisation = mentors[0]!;
    const preview = await admin.post(`/api/matching-runs/${current.run.id}/swap-preview`, {
      adeptId: adept.id,
      mentorId: sameOrganisation.id,
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.constraints).toContain('same_organisation');
    expect(preview.body.before.matched).toBe(current.run.totals.matched);
    expect(preview.body.possible).toBe(true);
    expect(preview.body.after.matched).toBe(current.run.totals.matched);
    expect(preview.body.scoreCost).toBeGreaterThanOrEqual(0);

    const body = {
      roundId: cohort.roundId,
      adeptId: adept.id,
      mentorId: sameOrganisation.id,
      kind: 'lock',
      reason: 'Önskemål från båda.',
    };
    const refused = await admin.post(`/api/programmes/${cohort.id}/matching/decisions`, body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'acknowledgeWarnings' });
    const kept = await admin.post(`/api/programmes/${cohort.id}/matching/decisions`, {
      ...body,
      acknowledgeWarnings: true,
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect(kept.body.overridden).toEqual(['same_organisation']);
    await run();
    const swapped = (await board(cast.admin)).run.proposals.find(
      (p: any) => p.adept.id === adept.id && p.mentor.id === sameOrganisation.id,
    );
    expect(swapped).toMatchObject({ locked: true, broken: ['same_organisation'] });
    // Undo it, so that the rest of the story runs on the engine's own proposals.
    expect((await admin.delete(`/api/matching-decisions/${kept.body.id}`)).status).toBe(204);
    await run();
  });

  it('publishes: both parties are mailed an introduction and the pairs exist as introduced', async () => {
    const coordinatorE_ = await as(coordinatorE);
    const admin = await as(cast.admin);
    const current = await board(cast.admin);
    const pairs = current.run.proposals.map((p: any) => ({ adeptId: p.adept.id, mentorId: p.mentor.id }));
    // Another organisation's coordinator cannot publish these.
    expect((await coordinatorE_.post(`/api/matching-runs/${current.run.id}/publish`, { pairs })).status).toBe(
      404,
    );
    const published = await admin.post(`/api/matching-runs/${current.run.id}/publish`, { pairs });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.published).toHaveLength(pairs.length);
    expect(published.body.mails).toBe(pairs.length * 2);
    const rows = await server.db
      .selectFrom('pairs')
      .selectAll()
      .where('programme_id', '=', cohort.id)
      .execute();
    expect(rows.map((r) => r.status)).toEqual(pairs.map(() => 'introduced'));
    const mails = await server.db
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'pair_introduced')
      .execute();
    const first = current.run.proposals[0];
    const toAdept = mails.find((m) => m.to_email === adepts.find((a) => a.id === first.adept.id)!.email)!;
    expect(toAdept.subject).toContain(first.mentor.name);
    expect(toAdept.body_text).toContain(mentors.find((m) => m.id === first.mentor.id)!.email);
    // Seed 003's programme has the adept make contact.
    expect(toAdept.body_text).toContain('Ta kontakt med');
    expect(mails.some((m) => m.to_email === mentors.find((x) => x.id === first.mentor.id)!.email)).toBe(true);
    // Publishing the same again changes nothing.
    const again = await admin.post(`/api/matching-runs/${current.run.id}/publish`, { pairs });
    expect(again.body.published).toEqual([]);
    expect(again.body.skipped.map((s: any) => s.reason)).toEqual(pairs.map(() => 'already_paired'));

    const after = await board(cast.admin);
    expect(after.run.proposals.every((p: any) => p.pair?.status === 'introduced')).toBe(true);
    expect(after.waitingAdepts).toEqual([]);
    const pool = await admin.get(`/api/networks/${cast.network.id}/mentor-pool?programmeId=${cohort.id}`);
    const taken = pool.body.find((m: any) => m.person.id === first.mentor.id);
    const pairsOfMentor = pairs.filter((p: any) => p.mentorId === first.mentor.id).length;
    expect(taken.freeCapacity).toBe(taken.capacity - pairsOfMentor);
  });

  it('a party declines with a reason the coordinator sees and the other party does not; the adept is re-matched', async () => {
    const adeptClient = await as(cast.adept);
    const mine = await adeptClient.get('/api/me/pairs');
    expect(mine.status).toBe(200);
    expect(mine.body).toHaveLength(1);
    const pair = mine.body[0];
    expect(pair).toMatchObject({ role: 'adept', status: 'introduced', youMakeContact: true });
    expect(pair.other.email).toMatch(/@/);
    const mentor = mentors.find((m) => m.id === pair.other.id)!;
    const mentorClient = await as(mentor);
    // Only a party declines; the reason is required.
    expect((await (await as(cast.admin)).post(`/api/pairs/${pair.id}/decline`, { reason: 'x' })).status).toBe(
      403,
    );
    expect(
      (await (await as(coordinatorE)).post(`/api/pairs/${pair.id}/decline`, { reason: 'x' })).status,
    ).toBe(404);
    expect((await adeptClient.post(`/api/pairs/${pair.id}/decline`, { reason: '' })).status).toBe(400);

    const reason = 'Vi kom fram till att våra erfarenheter ligger för långt ifrån varandra.';
    const declined = await adeptClient.post(`/api/pairs/${pair.id}/decline`, { reason });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declinedBy: 'you' });
    expect((await adeptClient.post(`/api/pairs/${pair.id}/decline`, { reason })).status).toBe(400);

    const theirs = (await mentorClient.get('/api/me/pairs')).body.find((p: any) => p.id === pair.id);
    expect(theirs).toMatchObject({ status: 'declined', declinedBy: 'other' });
    expect(JSON.stringify(theirs)).not.toContain(reason);
    const toMentor = await server.db
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'pair_declined')
      .where('to_email', '=', mentor.email)
      .executeTakeFirstOrThrow();
    expect(toMentor.body_text).not.toContain(reason);
    const toCoordinator = await server.db
      .selectFrom('outbox')
      .selectAll()
      .where('kind', '=', 'pair_declined_coordinator')
      .where('to_email', '=', cast.coordinatorA.email)
      .executeTakeFirstOrThrow();
    expect(toCoordinator.body_text).not.toContain(reason);

    for (const who of [cast.admin, cast.coordinatorA]) {
      const seen = (await board(who)).pairs.find((p: any) => p.id === pair.id);
      expect(seen.adeptWaiting).toBe(true);
      expect(seen.events.map((e: any) => e.reason)).toContain(reason);
    }
    expect((await board(coordinatorE)).pairs).toEqual([]);

    // Re-matching the adept: the declined pair is never proposed, and no other pair changes.
    const before = await server.db
      .selectFrom('pairs')
      .select(['id', 'status', 'mentor_id'])
      .where('programme_id', '=', cohort.id)
      .where('id', '!=', pair.id)
      .orderBy('id')
      .execute();
    const rematched = await (await as(cast.coordinatorA)).post(
      `/api/programmes/${cohort.id}/matching/rematch`,
      {
        adeptId: cast.adept.id,
        roundId: cohort.roundId,
      },
    );
    expect(rematched.status, JSON.stringify(rematched.body)).toBe(201);
    expect(rematched.body).toMatchObject({ kind: 'rematch', status: 'done', verified: true });
    const proposals = rematched.body.proposals;
    expect(proposals).toHaveLength(1);
    expect(proposals[0].adept.id).toBe(cast.adept.id);
    expect(proposals[0].mentor.id).not.toBe(mentor.id);
    const republished = await (await as(cast.coordinatorA)).post(
      `/api/matching-runs/${rematched.body.id}/publish`,
      { pairs: [{ adeptId: cast.adept.id, mentorId: proposals[0].mentor.id }] },
    );
    expect(republished.body.published).toHaveLength(1);
    expect((await adeptClient.get('/api/me/pairs')).body.map((p: any) => p.status)).toEqual([
      'introduced',
      'declined',
    ]);
    const after = await server.db
      .selectFrom('pairs')
      .select(['id', 'status', 'mentor_id'])
      .where('programme_id', '=', cohort.id)
      .where('id', '!=', pair.id)
      .where('adept_id', '!=', cast.adept.id)
      .orderBy('id')
      .execute();
    expect(after).toEqual(before.filter((p) => after.some((a) => a.id === p.id)));
    expect(after).toHaveLength(before.length);
    const stored = await server.db
      .selectFrom('matching_runs')
      .selectAll()
      .where('id', '=', rematched.body.id)
      .executeTakeFirstOrThrow();
    expect(checkStoredRun(JSON.parse(stored.input), JSON.parse(stored.result!)).ok).toBe(true);
  });

  it('matches one adept at a time in a continuous programme: the best mentors with why, and a pick is published', async () => {
    const programme = await createProgramme(server.db, cast.network.id, 'municipal_individual');
    const continuous = { ...programme, roundId: null };
    const adept = await buildPerson(server.db, {
      roles: [{ role: 'adept', networkId: cast.network.id, organisationId: cast.orgB.id }],
    });
    await admit(server.db, continuous, { id: adept.id, organisationId: cast.orgB.id }, 'adept', {
      basics: adeptBasics(),
      needs: adeptNeeds(['change', 'conflict']),
    });
    const pool: Person[] = [];
    for (const organisationId of [cast.orgA.id, orgC.id, orgD.id, orgC.id, orgD.id, cast.orgA.id]) {
      const mentor = await buildPerson(server.db, {
        roles: [{ role: 'mentor', networkId: cast.network.id, organisationId }],
      });
      await admit(server.db, continuous, { id: mentor.id, organisationId }, 'mentor', {
        mentor: mentorProfile(pool.length % 2 === 0 ? ['change', 'conflict'] : ['budget']),
      });
      pool.push(mentor);
    }
    // The adept declares a conflict with one mentor; another mentor approved the adept's application.
    const declared = await (await as(adept)).post('/api/me/conflicts', {
      name: pool[0]!.name,
      email: pool[0]!.email,
      reason: 'Vi arbetar i samma ledningsgrupp.',
    });
    expect(declared.status).toBe(201);
    expect((await (await as(adept)).get('/api/me/conflicts')).body).toHaveLength(1);
    const application = await server.db
      .selectFrom('applications')
      .select('id')
      .where('person_id', '=', adept.id)
      .where('programme_id', '=', programme.id)
      .executeTakeFirstOrThrow();
    await server.db
      .insertInto('application_approvals')
      .values({
        id: newId(),
        application_id: application.id,
        position: 0,
        step_key: 'responsible_manager',
        approver: 'manager',
        label: '{"sv":"Chef","en":"Manager"}',
        approver_name: pool[2]!.name,
        approver_email: pool[2]!.email,
        status: 'approved',
        comment: null,
        token_hash: null,
        token_expires_at: null,
        requested_at: nowIso(),
        reminded_at: null,
        decided_at: nowIso(),
        decided_by: pool[2]!.id,
      })
      .execute();

    const b = await board(cast.admin, programme.id);
    expect(b.programme.mode).toBe('continuous');
    expect(b.run).toBeNull();
    expect(b.waitingAdepts.map((a: any) => a.id)).toEqual([adept.id]);
    expect(b.conflicts.map((c: any) => c.reason)).toEqual(['Vi arbetar i samma ledningsgrupp.']);
    expect(
      (await (await as(cast.admin)).post(`/api/programmes/${programme.id}/matching/runs`, { roundId: null }))
        .status,
    ).toBe(400);

    const coordinatorB = await as(cast.coordinatorB);
    const ranked = await coordinatorB.post(`/api/programmes/${programme.id}/matching/candidates`, {
      adeptId: adept.id,
      roundId: null,
    });
    expect(ranked.status, JSON.stringify(ranked.body)).toBe(200);
    const candidates = ranked.body.candidates;
    expect(candidates).toHaveLength(pool.length);
    const constraintsOf = (id: string) => candidates.find((c: any) => c.mentor.id === id).constraints;
    expect(constraintsOf(pool[0]!.id)).toContain('declared_conflict');
    expect(constraintsOf(pool[2]!.id)).toContain('dependency');
    const allowed = candidates.filter((c: any) => c.constraints.length === 0);
    expect(allowed.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < allowed.length; i++)
      expect(allowed[i - 1].score).toBeGreaterThanOrEqual(allowed[i].score);
    expect(allowed[0].breakdown.find((c: any) => c.criterion === 'developmentAreas').points).toBeGreaterThan(
      0,
    );
    // The coordinator of an organisation with no part in it sees no such adept.
    expect(
      (
        await (
          await as(coordinatorE)
        ).post(`/api/programmes/${programme.id}/matching/candidates`, {
          adeptId: adept.id,
          roundId: null,
        })
      ).status,
    ).toBe(404);
    // Only an allowed candidate can be published.
    const excluded = await coordinatorB.post(`/api/matching-runs/${ranked.body.runId}/publish`, {
      pairs: [{ adeptId: adept.id, mentorId: pool[0]!.id }],
    });
    expect(excluded.status).toBe(400);
    const picked = await coordinatorB.post(`/api/matching-runs/${ranked.body.runId}/publish`, {
      pairs: [{ adeptId: adept.id, mentorId: allowed[1].mentor.id }],
    });
    expect(picked.status, JSON.stringify(picked.body)).toBe(200);
    expect(picked.body.published).toHaveLength(1);
    const after = await board(cast.admin, programme.id);
    expect(after.waitingAdepts).toEqual([]);
    expect(after.pairs[0]).toMatchObject({ status: 'introduced', publishedBy: cast.coordinatorB.name });

    // Withdrawing the declaration is the declarer's alone.
    const conflictId = declared.body.id;
    expect((await (await as(cast.adept)).delete(`/api/me/conflicts/${conflictId}`)).status).toBe(404);
    expect((await (await as(adept)).delete(`/api/me/conflicts/${conflictId}`)).status).toBe(204);
  });

  it('publishes a pair once when two coordinators publish it at the same moment', async () => {
    const fixture = await matchingFixture(server.db, cast, 'agency_cohort');
    const body = { pairs: [{ adeptId: fixture.adeptId, mentorId: fixture.mentorId }] };
    const [one, two] = await Promise.all([
      (await as(cast.admin)).post(`/api/matching-runs/${fixture.runId}/publish`, body),
      (await as(cast.coordinatorA)).post(`/api/matching-runs/${fixture.runId}/publish`, body),
    ]);
    // One publishes; the other is told the adept has a pair (skipped) or that it lost the race (409).
    expect([one.status, two.status].sort()).toEqual(expect.arrayContaining([200]));
    for (const answer of [one, two]) expect([200, 409]).toContain(answer.status);
    const pairs = await server.db
      .selectFrom('pairs')
      .select('id')
      .where('programme_id', '=', fixture.programmeId)
      .execute();
    expect(pairs).toHaveLength(1);
  });

  it('runs a large round in a worker thread while the server answers, with progress to poll', async () => {
    const programme = await createProgramme(server.db, cast.network.id, 'agency_cohort');
    for (const [i, organisationId] of [cast.orgA.id, cast.orgB.id, orgC.id, orgD.id].entries()) {
      const adept = await buildPerson(server.db, {
        roles: [{ role: 'adept', networkId: cast.network.id, organisationId }],
      });
      await admit(server.db, programme, { id: adept.id, organisationId }, 'adept');
      const mentor = await buildPerson(server.db, {
        roles: [{ role: 'mentor', networkId: cast.network.id, organisationId }],
      });
      await admit(server.db, programme, { id: mentor.id, organisationId }, 'mentor', {
        mentor: mentorProfile(['change'], 1 + (i % 2)),
      });
    }
    const saved = runnerSettings.workerMinPairs;
    runnerSettings.workerMinPairs = 1;
    try {
      const admin = await as(cast.admin);
      const started = await admin.post(`/api/programmes/${programme.id}/matching/runs`, {
        roundId: programme.roundId,
      });
      expect(started.status).toBe(201);
      expect(started.body.status).toBe('running');
      expect((await admin.get('/api/session')).status).toBe(200);
      let current = started.body;
      for (let i = 0; i < 200 && current.status === 'running'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        current = (await admin.get(`/api/matching-runs/${started.body.id}`)).body;
      }
      expect(current).toMatchObject({ status: 'done', verified: true });
      expect(current.totals.matched).toBe(4);
    } finally {
      runnerSettings.workerMinPairs = saved;
    }
  });
});
