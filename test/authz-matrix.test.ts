import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/server/modules/auth/auth.service.ts';
import { importForm, postForm } from '../src/server/modules/imports/imports.test-helpers.ts';
import { findProgrammeTemplate } from '../src/server/modules/programmes/programme.templates.ts';
import { digestToken, newId, newSecretToken } from '../src/server/util.ts';
import type { Role } from '../src/shared/roles.ts';
import {
  type Caller,
  type Cast,
  type Context,
  callers,
  coordinators,
  type Expectation,
  everyone,
  inNetwork,
  type Request,
  type Row,
  routeOf,
  signedIn,
  unique,
} from './authz/matrix-support.ts';
import { bookRows } from './authz/rows/book.rows.ts';
import { lifecycleRows } from './authz/rows/lifecycle.rows.ts';
import { meetingsRows } from './authz/rows/meetings.rows.ts';
import { planRows } from './authz/rows/plan.rows.ts';
import { applicantBasics, buildPerson, buildWideCast, nowIso } from './factories.ts';
import { freshConflict, freshDecision, freshPair, sharedMatchingFixture } from './matching-support.ts';
import { insertBookItem, pairWithNeighbours } from './pair-support.ts';
import { dialects, startTestServer, TestClient, type TestServer } from './support.ts';

/**
 * Every route × every kind of caller, with the status each must get. Routes come from Fastify's
 * own route table, so a new route without a row here fails this test.
 *
 * Callers: anonymous; a disabled account with a live cookie; the network administrator, and a
 * second administrator who is also a mentor in A; the coordinator of organisation A (whose people
 * the requests concern) and of organisation B; a mentor of A who coordinates B; a manager, a mentor
 * and an adept of A (the adept is also the person the people routes target); an administrator of
 * another network, and the coordinator of an organisation there.
 *
 * A route may have more than one row: `'<METHOD> <url> (<what differs>)'`, e.g. the same request
 * aimed at a person who holds several roles.
 */
const bogusToken = 'x'.repeat(43);
const roundBody = {
  name: 'Round',
  startsOn: '2026-09-01',
  endsOn: null,
  applicationsOpenOn: null,
  applicationsCloseOn: null,
};

async function freshRound(ctx: Context) {
  const id = newId();
  await ctx.server.db
    .insertInto('rounds')
    .values({
      id,
      programme_id: ctx.programmeId,
      name: 'Temporary',
      starts_on: '2026-01-01',
      ends_on: null,
      applications_open_on: null,
      applications_close_on: null,
      created_at: nowIso(),
      updated_at: nowIso(),
    })
    .execute();
  return id;
}

const coreRows: Record<string, Row> = {
  'GET /healthz': { expect: everyone(200), request: () => ({ path: '/healthz' }) },
  'GET /api/csrf': { expect: everyone(200), request: () => ({ path: '/api/csrf' }) },
  // Who runs the installation: the accessibility statement and personal-data page are public.
  'GET /api/site': { expect: everyone(200), request: () => ({ path: '/api/site' }) },
  // What waits for the caller, counted only over what they may see (home.test.ts).
  'GET /api/me/tasks': { expect: signedIn(200), request: () => ({ path: '/api/me/tasks' }) },
  'GET /api/session': { expect: signedIn(200), request: () => ({ path: '/api/session' }) },
  'POST /api/auth/sign-in': {
    expect: everyone(401),
    request: (ctx) => ({
      path: '/api/auth/sign-in',
      body: { email: ctx.cast.admin.email, password: 'not the password' },
    }),
  },
  'POST /api/auth/sign-out': {
    expect: signedIn(204),
    ownSession: true,
    request: () => ({ path: '/api/auth/sign-out' }),
  },
  'POST /api/auth/magic-link': {
    expect: everyone(202),
    request: () => ({ path: '/api/auth/magic-link', body: { email: `nobody-${unique()}@example.org` } }),
  },
  'POST /api/auth/magic-link/verify': {
    expect: everyone(410),
    request: () => ({ path: '/api/auth/magic-link/verify', body: { token: bogusToken } }),
  },
  'POST /api/auth/password-reset': {
    expect: everyone(202),
    request: () => ({ path: '/api/auth/password-reset', body: { email: `nobody-${unique()}@example.org` } }),
  },
  'POST /api/auth/password-reset/confirm': {
    expect: everyone(410),
    request: () => ({
      path: '/api/auth/password-reset/confirm',
      body: { token: bogusToken, password: 'long enough password' },
    }),
  },
  'PATCH /api/me': { expect: signedIn(200), request: () => ({ path: '/api/me', body: { locale: 'sv' } }) },
  'GET /api/networks/:networkId': {
    expect: inNetwork(200, 200),
    request: (ctx) => ({ path: `/api/networks/${ctx.cast.network.id}` }),
  },
  'GET /api/networks/:networkId/organisations': {
    expect: inNetwork(200, 200),
    request: (ctx) => ({ path: `/api/networks/${ctx.cast.network.id}/organisations` }),
  },
  'POST /api/networks/:networkId/organisations': {
    expect: inNetwork(201, 403),
    request: (ctx) => ({
      path: `/api/networks/${ctx.cast.network.id}/organisations`,
      body: { name: `Kommun ${unique()}`, kind: 'municipality' },
    }),
  },
  'GET /api/organisations/:id': {
    expect: inNetwork(200, 200),
    request: (ctx) => ({ path: `/api/organisations/${ctx.cast.orgA.id}` }),
  },
  'PATCH /api/organisations/:id': {
    expect: inNetwork(200, 403),
    request: (ctx) => ({
      path: `/api/organisations/${ctx.cast.orgA.id}`,
      body: { name: 'Org A', kind: 'municipality' },
    }),
  },
  'GET /api/networks/:networkId/people': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: (ctx) => ({ path: `/api/networks/${ctx.cast.network.id}/people` }),
  },
  'GET /api/people/:id': {
    expect: inNetwork(200, 404, { coordinatorA: 200, adept: 200 }),
    request: (ctx) => ({ path: `/api/people/${ctx.cast.adept.id}` }),
  },
  'PATCH /api/people/:id': {
    expect: inNetwork(200, 404, { coordinatorA: 200, adept: 200 }),
    request: (ctx) => ({ path: `/api/people/${ctx.cast.adept.id}`, body: { title: 'Enhetschef' } }),
  },
  // Seeing someone in your organisation is allowed; acting on their account needs authority over
  // every role they hold (see or may not change: 403; may not see: 404).
  'GET /api/people/:id (the administrator, who also mentors in A)': {
    expect: inNetwork(200, 404, { coordinatorA: 200 }),
    request: (ctx) => ({ path: `/api/people/${ctx.cast.adminMentor.id}` }),
  },
  'PATCH /api/people/:id (the administrator, who also mentors in A)': {
    expect: inNetwork(200, 404, { coordinatorA: 403 }),
    request: (ctx) => ({ path: `/api/people/${ctx.cast.adminMentor.id}`, body: { title: 'Administratör' } }),
  },
  'PATCH /api/people/:id (disable an adept of A)': {
    expect: inNetwork(200, 404, { coordinatorA: 200 }),
    request: async (ctx) => disable(await freshPerson(ctx, [['adept', 'A']])),
  },
  'PATCH /api/people/:id (disable an administrator who also mentors in A)': {
    expect: inNetwork(200, 404, { coordinatorA: 403 }),
    request: async (ctx) =>
      disable(
        await freshPerson(ctx, [
          ['network_admin', null],
          ['mentor', 'A'],
        ]),
      ),
  },
  'PATCH /api/people/:id (disable a fellow coordinator of A)': {
    expect: inNetwork(200, 404, { coordinatorA: 403 }),
    request: async (ctx) => disable(await freshPerson(ctx, [['org_coordinator', 'A']])),
  },
  'PATCH /api/people/:id (disable an adept of both A and B)': {
    expect: inNetwork(200, 404, coordinators(403)),
    request: async (ctx) =>
      disable(
        await freshPerson(ctx, [
          ['adept', 'A'],
          ['adept', 'B'],
        ]),
      ),
  },
  'PATCH /api/people/:id (disable a mentor of A who coordinates B)': {
    expect: inNetwork(200, 404, coordinators(403)),
    request: async (ctx) =>
      disable(
        await freshPerson(ctx, [
          ['mentor', 'A'],
          ['org_coordinator', 'B'],
        ]),
      ),
  },
  'PATCH /api/people/:id (disable a mentor of A who is also an adept in the other network)': {
    // Nobody covers both networks: each side sees the person, neither may close their account.
    expect: inNetwork(403, 404, { coordinatorA: 403, outsider: 403, outsiderCoordinator: 403 }),
    request: async (ctx) =>
      disable(
        await freshPerson(ctx, [
          ['mentor', 'A'],
          ['adept', 'C'],
        ]),
      ),
  },
  'GET /api/networks/:networkId/invitations': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: (ctx) => ({ path: `/api/networks/${ctx.cast.network.id}/invitations` }),
  },
  'POST /api/networks/:networkId/invitations': {
    expect: inNetwork(201, 404, { coordinatorA: 201 }),
    request: (ctx) => ({
      path: `/api/networks/${ctx.cast.network.id}/invitations`,
      body: {
        email: `invitee-${unique()}@example.org`,
        name: 'Invitee',
        role: 'mentor',
        organisationId: ctx.cast.orgA.id,
      },
    }),
  },
  'POST /api/invitations/:id/revoke': {
    expect: inNetwork(200, 404, { coordinatorA: 200 }),
    request: (ctx) => ({ path: `/api/invitations/${ctx.invitationId}/revoke` }),
  },
  // Coordinators are invited by administrators; withdrawing that invitation is theirs too.
  'POST /api/invitations/:id/revoke (an invitation of a coordinator to A)': {
    expect: inNetwork(200, 404, { coordinatorA: 403 }),
    request: async (ctx) => ({ path: `/api/invitations/${await coordinatorInvitation(ctx)}/revoke` }),
  },
  'GET /api/invitations/preview': {
    expect: everyone(410),
    request: () => ({ path: `/api/invitations/preview?token=${bogusToken}` }),
  },
  'POST /api/invitations/accept': {
    expect: everyone(410),
    request: () => ({
      path: '/api/invitations/accept',
      body: { token: bogusToken, name: 'X', password: 'long enough password' },
    }),
  },
  'GET /api/programme-templates': {
    expect: signedIn(200),
    request: () => ({ path: '/api/programme-templates' }),
  },
  'GET /api/networks/:networkId/programmes': {
    expect: inNetwork(200, 200),
    request: (ctx) => ({ path: `/api/networks/${ctx.cast.network.id}/programmes` }),
  },
  'POST /api/networks/:networkId/programmes': {
    expect: inNetwork(201, 403),
    request: (ctx) => ({
      path: `/api/networks/${ctx.cast.network.id}/programmes`,
      body: { templateKey: 'union_branch', name: `Programme ${unique()}` },
    }),
  },
  'GET /api/programmes/:id': {
    expect: inNetwork(200, 200),
    request: (ctx) => ({ path: `/api/programmes/${ctx.programmeId}` }),
  },
  'PUT /api/programmes/:id': {
    expect: inNetwork(200, 403),
    request: (ctx) => ({
      path: `/api/programmes/${ctx.programmeId}`,
      body: {
        name: 'Mentorprogram',
        description: '',
        status: 'open',
        settings: findProgrammeTemplate('municipal_individual').settings,
      },
    }),
  },
  'GET /api/programmes/:id/rounds': {
    expect: inNetwork(200, 200),
    request: (ctx) => ({ path: `/api/programmes/${ctx.programmeId}/rounds` }),
  },
  'POST /api/programmes/:id/rounds': {
    expect: inNetwork(201, 403),
    request: (ctx) => ({ path: `/api/programmes/${ctx.programmeId}/rounds`, body: roundBody }),
  },
  'PUT /api/rounds/:id': {
    expect: inNetwork(200, 403),
    request: (ctx) => ({ path: `/api/rounds/${ctx.roundId}`, body: roundBody }),
  },
  'DELETE /api/rounds/:id': {
    expect: inNetwork(204, 403),
    request: async (ctx) => ({ path: `/api/rounds/${await freshRound(ctx)}` }),
  },
  // Rows for organisation A: coordinator B may send a file, but each of its rows is refused (400).
  'POST /api/networks/:networkId/imports/preview': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: (ctx) => ({
      path: `/api/networks/${ctx.cast.network.id}/imports/preview`,
      form: importForm(`namn;e-post;organisation;roll\nImport;import-${unique()}@example.org;Org A;mentor\n`),
    }),
  },
  'POST /api/networks/:networkId/imports': {
    expect: inNetwork(201, 403, { coordinatorA: 201, coordinatorB: 400, mentorCoordinator: 400 }),
    request: (ctx) => ({
      path: `/api/networks/${ctx.cast.network.id}/imports`,
      form: importForm(`namn;e-post;organisation;roll\nImport;import-${unique()}@example.org;Org A;mentor\n`),
    }),
  },
  // A row for A and one for B: each coordinator imports the row of their own organisation.
  'POST /api/networks/:networkId/imports (valid rows only)': {
    expect: inNetwork(201, 403, coordinators(201)),
    request: (ctx) => ({
      path: `/api/networks/${ctx.cast.network.id}/imports`,
      form: importForm(
        `namn;e-post;organisation;roll\nA;import-${unique()}@example.org;Org A;mentor\nB;import-${unique()}@example.org;Org B;mentor\n`,
        { fields: { validRowsOnly: 'true' } },
      ),
    }),
  },
  'GET /api/networks/:networkId/outbox': {
    expect: inNetwork(200, 403),
    request: (ctx) => ({ path: `/api/networks/${ctx.cast.network.id}/outbox` }),
  },
  // --- Intake ---
  'GET /api/me/profile': { expect: signedIn(200), request: () => ({ path: '/api/me/profile' }) },
  'PUT /api/me/profile': {
    expect: signedIn(200),
    request: () => ({ path: '/api/me/profile', body: { mentorPaused: false } }),
  },
  'GET /api/programmes/:id/privacy-notice': {
    expect: inNetwork(200, 200),
    request: (ctx) => ({ path: `/api/programmes/${ctx.programmeId}/privacy-notice` }),
  },
  'POST /api/programmes/:id/consents': {
    expect: inNetwork(201, 201),
    request: (ctx) => ({
      path: `/api/programmes/${ctx.programmeId}/consents`,
      body: { purpose: 'follow-up-contact' },
    }),
  },
  'GET /api/me/consents': { expect: signedIn(200), request: () => ({ path: '/api/me/consents' }) },
  'POST /api/me/consents/:id/withdraw': {
    expect: inNetwork(404, 404, { adept: 200 }),
    request: async (ctx) => ({ path: `/api/me/consents/${await adeptConsent(ctx)}/withdraw` }),
  },
  'POST /api/programmes/:id/eligibility': {
    expect: inNetwork(200, 200),
    request: (ctx) => ({
      path: `/api/programmes/${ctx.programmeId}/eligibility`,
      body: { role: 'adept', basics: applicantBasics },
    }),
  },
  'POST /api/programmes/:id/applications': {
    // Authorization lets every member of the network apply; validation then wants an organisation of one's own.
    expect: inNetwork(400, 201, { adminMentor: 201, coordinatorB: 400, advisor: 400 }),
    request: async (ctx) => {
      // One open application per person and role: end the last request's, so this one can be sent again.
      await ctx.server.db
        .updateTable('applications')
        .set({ status: 'withdrawn' })
        .where('programme_id', '=', ctx.programmeId)
        .where('role', '=', 'mentor')
        .execute();
      return {
        path: `/api/programmes/${ctx.programmeId}/applications`,
        body: await applyBody(ctx, 'mentor'),
      };
    },
  },
  'GET /api/programmes/:id/applications': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: (ctx) => ({ path: `/api/programmes/${ctx.programmeId}/applications` }),
  },
  'GET /api/programmes/:id/applications/export': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: (ctx) => ({ path: `/api/programmes/${ctx.programmeId}/applications/export?format=csv` }),
  },
  'POST /api/programmes/:id/applications/bulk': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: async (ctx) => ({
      path: `/api/programmes/${ctx.programmeId}/applications/bulk`,
      body: { ids: [await freshApplication(ctx)], action: 'request_completion', reason: 'Komplettera' },
    }),
  },
  'GET /api/me/applications': { expect: signedIn(200), request: () => ({ path: '/api/me/applications' }) },
  'GET /api/applications/:id': {
    expect: inNetwork(200, 404, { coordinatorA: 200, adept: 200 }),
    request: (ctx) => ({ path: `/api/applications/${ctx.applicationId}` }),
  },
  'PUT /api/applications/:id': {
    // Only the applicant may complete, and only when asked to: this one was not asked (409).
    expect: inNetwork(403, 404, { coordinatorA: 403, adept: 409 }),
    request: async (ctx) => ({
      path: `/api/applications/${ctx.applicationId}`,
      body: await applyBody(ctx, 'adept'),
    }),
  },
  // The coordinator's decision from the application's own page: never on one's own application.
  'POST /api/applications/:id/decision': {
    expect: inNetwork(200, 404, { coordinatorA: 200, adept: 403 }),
    request: async (ctx) => ({
      path: `/api/applications/${await freshApplication(ctx, ctx.cast.adept, 'pending_review')}/decision`,
      body: { action: 'approve' },
    }),
  },
  'POST /api/applications/:id/decision (coordinator A’s own application)': {
    expect: inNetwork(200, 404, { coordinatorA: 403 }),
    request: async (ctx) => ({
      path: `/api/applications/${await freshApplication(ctx, ctx.cast.coordinatorA, 'pending_review')}/decision`,
      body: { action: 'approve' },
    }),
  },
  'POST /api/applications/:id/withdraw': {
    expect: inNetwork(403, 404, { coordinatorA: 403, adept: 200 }),
    request: async (ctx) => ({ path: `/api/applications/${await freshApplication(ctx)}/withdraw` }),
  },
  'GET /api/approvals/by-token': {
    expect: everyone(410),
    request: () => ({ path: `/api/approvals/by-token?token=${bogusToken}` }),
  },
  'POST /api/approvals/by-token/decide': {
    expect: everyone(410),
    request: () => ({
      path: '/api/approvals/by-token/decide',
      body: { token: bogusToken, decision: 'approve' },
    }),
  },
  'POST /api/approvals/by-token/decide (a link sent to the applicant’s own address)': {
    expect: everyone(403),
    request: async (ctx) => ({
      path: '/api/approvals/by-token/decide',
      body: { token: await linkToOwnAddress(ctx), decision: 'approve' },
    }),
  },
  'GET /api/me/approvals': { expect: signedIn(200), request: () => ({ path: '/api/me/approvals' }) },
  // Each person's own history of answers: nobody reads another's.
  'GET /api/me/approvals/decided': {
    expect: signedIn(200),
    request: () => ({ path: '/api/me/approvals/decided' }),
  },
  'POST /api/approvals/:id/decide': {
    // A manager step addressed to the manager by e-mail: nobody else can see it.
    expect: inNetwork(404, 404, { manager: 200 }),
    request: async (ctx) => ({
      path: `/api/approvals/${await pendingApproval(ctx, { approver: 'manager', to: ctx.cast.manager })}/decide`,
      body: { decision: 'approve' },
    }),
  },
  // Nobody decides on their own application: the step is seen (403), not decided.
  'POST /api/approvals/:id/decide (the HR step of coordinator A’s own application)': {
    expect: inNetwork(404, 404, { coordinatorA: 403 }),
    request: async (ctx) => ({
      path: `/api/approvals/${await pendingApproval(ctx, {
        applicant: ctx.cast.coordinatorA,
        approver: 'hr',
        to: ctx.cast.coordinatorA,
      })}/decide`,
      body: { decision: 'approve' },
    }),
  },
  'POST /api/approvals/:id/decide (a manager step addressed to the applicant’s own address)': {
    expect: inNetwork(404, 404, { adept: 403 }),
    request: async (ctx) => ({
      path: `/api/approvals/${await pendingApproval(ctx, { approver: 'manager', to: ctx.cast.adept })}/decide`,
      body: { decision: 'approve' },
    }),
  },
  'GET /api/networks/:networkId/mentor-pool': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: (ctx) => ({ path: `/api/networks/${ctx.cast.network.id}/mentor-pool` }),
  },
  'POST /api/people/:id/training': {
    expect: inNetwork(201, 404, { coordinatorA: 201, mentor: 403 }),
    request: (ctx) => ({
      path: `/api/people/${ctx.cast.mentor.id}/training`,
      body: { programmeId: ctx.policeProgrammeId, stepKey: policeStep, completedOn: '2026-10-01' },
    }),
  },
  // The person is loaded and authorized before anything else: a programme of the caller's own
  // network does not open another network's people, and a person who does not exist is not found.
  'POST /api/people/:id/training (a programme of the other network)': {
    expect: inNetwork(400, 404, { coordinatorA: 400, mentor: 400 }),
    request: async (ctx) => ({
      path: `/api/people/${ctx.cast.mentor.id}/training`,
      body: { programmeId: await otherNetworkProgramme(ctx), stepKey: policeStep, completedOn: '2026-10-01' },
    }),
  },
  'POST /api/people/:id/training (a person who does not exist)': {
    expect: signedIn(404),
    request: (ctx) => ({
      path: `/api/people/${newId()}/training`,
      body: { programmeId: ctx.policeProgrammeId, stepKey: policeStep, completedOn: '2026-10-01' },
    }),
  },
  'DELETE /api/training-records/:id': {
    expect: inNetwork(204, 404, { coordinatorA: 204, mentor: 403 }),
    request: async (ctx) => ({ path: `/api/training-records/${await freshTrainingRecord(ctx)}` }),
  },
  'POST /api/people/:id/experience-exchanges': {
    expect: inNetwork(204, 404, { coordinatorA: 204, mentor: 403 }),
    request: (ctx) => ({
      path: `/api/people/${ctx.cast.mentor.id}/experience-exchanges`,
      body: { year: 2026 },
    }),
  },
  // Undoing a recorded exchange: the same people as recording it.
  'DELETE /api/people/:id/experience-exchanges/:year': {
    expect: inNetwork(204, 404, { coordinatorA: 204, mentor: 403 }),
    request: async (ctx) => ({
      path: `/api/people/${ctx.cast.mentor.id}/experience-exchanges/${await freshExchange(ctx)}`,
    }),
  },
  'DELETE /api/people/:id/experience-exchanges/:year (a person who does not exist)': {
    expect: signedIn(404),
    request: () => ({ path: `/api/people/${newId()}/experience-exchanges/2025` }),
  },
  'POST /api/people/:id/experience-exchanges (a person who does not exist)': {
    expect: signedIn(404),
    request: () => ({ path: `/api/people/${newId()}/experience-exchanges`, body: { year: 2026 } }),
  },
  // Matching: the fixtures put the cast's adept (A) and a mentor of B in a programme of their own.
  'GET /api/programmes/:id/matching': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: async (ctx) => ({ path: `/api/programmes/${(await cohortFixture(ctx)).programmeId}/matching` }),
  },
  'POST /api/programmes/:id/matching/runs': {
    expect: inNetwork(201, 403, coordinators(201)),
    request: async (ctx) => {
      const fixture = await cohortFixture(ctx);
      return {
        path: `/api/programmes/${fixture.programmeId}/matching/runs`,
        body: { roundId: fixture.roundId },
      };
    },
  },
  'GET /api/matching-runs/:id': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: async (ctx) => ({ path: `/api/matching-runs/${(await cohortFixture(ctx)).runId}` }),
  },
  'POST /api/matching-runs/:id/swap-preview': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: async (ctx) => {
      const fixture = await cohortFixture(ctx);
      return {
        path: `/api/matching-runs/${fixture.runId}/swap-preview`,
        body: { adeptId: fixture.adeptId, mentorId: fixture.mentorId },
      };
    },
  },
  'POST /api/matching-runs/:id/publish': {
    // The first allowed caller publishes; the others are told the adept has a pair by now (200, skipped).
    expect: inNetwork(200, 403, coordinators(200)),
    request: async (ctx) => {
      const fixture = await sharedMatchingFixture(ctx.server.db, ctx.cast, 'publish', 'agency_cohort');
      return {
        path: `/api/matching-runs/${fixture.runId}/publish`,
        body: { pairs: [{ adeptId: fixture.adeptId, mentorId: fixture.mentorId }] },
      };
    },
  },
  'POST /api/programmes/:id/matching/candidates': {
    // One adept's candidates are for those who see the adept: A's coordinator, not B's.
    expect: inNetwork(200, 403, { coordinatorA: 200, coordinatorB: 404, mentorCoordinator: 404 }),
    request: async (ctx) => {
      const fixture = await sharedMatchingFixture(
        ctx.server.db,
        ctx.cast,
        'continuous',
        'municipal_individual',
      );
      return {
        path: `/api/programmes/${fixture.programmeId}/matching/candidates`,
        body: { adeptId: fixture.adeptId, roundId: null },
      };
    },
  },
  'POST /api/programmes/:id/matching/rematch': {
    expect: inNetwork(201, 403, { coordinatorA: 201, coordinatorB: 404, mentorCoordinator: 404 }),
    request: async (ctx) => {
      const fixture = await cohortFixture(ctx);
      return {
        path: `/api/programmes/${fixture.programmeId}/matching/rematch`,
        body: { adeptId: fixture.adeptId, roundId: fixture.roundId },
      };
    },
  },
  'POST /api/programmes/:id/matching/decisions': {
    // The pair involves A (the adept) and B (the mentor): both organisations' coordinators decide.
    expect: inNetwork(201, 403, coordinators(201)),
    request: async (ctx) => {
      const fixture = await cohortFixture(ctx);
      return {
        path: `/api/programmes/${fixture.programmeId}/matching/decisions`,
        body: {
          roundId: fixture.roundId,
          adeptId: fixture.adeptId,
          mentorId: fixture.mentorId,
          kind: 'lock',
          reason: 'Test',
        },
      };
    },
  },
  'DELETE /api/matching-decisions/:id': {
    expect: inNetwork(204, 403, coordinators(204)),
    request: async (ctx) => ({
      path: `/api/matching-decisions/${await freshDecision(ctx.server.db, await cohortFixture(ctx), ctx.cast.admin.id)}`,
    }),
  },
  'GET /api/me/pairs': { expect: signedIn(200), request: () => ({ path: '/api/me/pairs' }) },
  'POST /api/pairs/:id/decline': {
    // A pair of A's adept and mentor: only they decline; those who see it (administrators, A's coordinator) 403.
    expect: signedIn(404, { admin: 403, adminMentor: 403, coordinatorA: 403, adept: 200, mentor: 200 }),
    request: async (ctx) => ({
      path: `/api/pairs/${await freshPair(ctx.server.db, ctx.cast)}/decline`,
      body: { reason: 'Vi passade inte ihop.' },
    }),
  },
  'GET /api/me/conflicts': { expect: signedIn(200), request: () => ({ path: '/api/me/conflicts' }) },
  'POST /api/me/conflicts': {
    expect: signedIn(201),
    request: () => ({
      path: '/api/me/conflicts',
      body: { name: 'Någon Annan', email: `annan-${unique()}@example.org`, reason: 'Min chef.' },
    }),
  },
  'DELETE /api/me/conflicts/:id': {
    expect: signedIn(204),
    request: async (ctx) => ({
      path: `/api/me/conflicts/${
        ctx.caller === 'anonymous' ? newId() : await freshConflict(ctx.server.db, ctx.cast[ctx.caller].id)
      }`,
    }),
  },
  'DELETE /api/me/conflicts/:id (someone else’s)': {
    expect: signedIn(404),
    request: async (ctx) => ({
      path: `/api/me/conflicts/${await freshConflict(ctx.server.db, ctx.cast.adeptB.id)}`,
    }),
  },
};

/** Every route's rows: the core's here, the pair's year's in test/authz/rows/, one file per part. */
const matrix: Record<string, Row> = {
  ...coreRows,
  ...lifecycleRows,
  ...planRows,
  ...meetingsRows,
  ...bookRows,
};

const cohortFixture = (ctx: Context) =>
  sharedMatchingFixture(ctx.server.db, ctx.cast, 'cohort', 'agency_cohort');

const policeStep = findProgrammeTemplate('police_pool').settings.mentorTraining.steps[0]!.key;

async function currentNoticeId(ctx: Context): Promise<string> {
  const admin = new TestClient(ctx.server.baseUrl);
  await admin.signIn(ctx.cast.admin.email);
  return (await admin.get(`/api/programmes/${ctx.programmeId}/privacy-notice`)).body.id;
}

async function applyBody(ctx: Context, role: 'adept' | 'mentor') {
  return {
    role,
    organisationId: ctx.cast.orgA.id,
    roundId: null,
    basics: applicantBasics,
    ...(role === 'adept'
      ? {
          needs: {
            developmentAreas: ['change'],
            goals: 'Mål',
            wishes: { sector: '', level: null, gender: 'unspecified', otherOrganisation: true, other: '' },
          },
        }
      : {
          mentor: {
            competences: ['change'],
            experienceLevels: ['direct'],
            sectors: [],
            capacity: 1,
            meetingPreferences: '',
            presentation: '',
          },
        }),
    answers: role === 'adept' ? { confidence: 3 } : { 'why-mentor': 'För att dela med mig' },
    manager: { name: 'Chefen', email: 'chefen@example.org' },
    noticeId: await currentNoticeId(ctx),
    consents: [],
  };
}

/** An application (the adept's, unless another applicant is named) straight into the database, for requests that change or end it. */
async function freshApplication(
  ctx: Context,
  applicant: { id: string } = ctx.cast.adept,
  status = 'awaiting_approval',
): Promise<string> {
  const id = newId();
  const now = nowIso();
  await ctx.server.db
    .insertInto('applications')
    .values({
      id,
      programme_id: ctx.programmeId,
      round_id: null,
      person_id: applicant.id,
      organisation_id: ctx.cast.orgA.id,
      role: 'adept',
      status,
      basics: JSON.stringify(applicantBasics),
      needs: null,
      mentor: null,
      answers: '{}',
      exception_reason: null,
      notice_id: await currentNoticeId(ctx),
      notice_acknowledged_at: now,
      decision_reason: null,
      decided_by: null,
      decided_at: null,
      submitted_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** A pending step of a fresh application in A, addressed as given; with `token`, its mailed link works. */
async function pendingApproval(
  ctx: Context,
  step: {
    applicant?: { id: string };
    approver: 'manager' | 'hr';
    to: { name: string; email: string };
    token?: string;
  },
): Promise<string> {
  const id = newId();
  await ctx.server.db
    .insertInto('application_approvals')
    .values({
      id,
      application_id: await freshApplication(ctx, step.applicant),
      position: 0,
      step_key: step.approver,
      approver: step.approver,
      label: JSON.stringify({ sv: 'Steg', en: 'Step' }),
      approver_name: step.to.name,
      approver_email: step.to.email,
      status: 'pending',
      comment: null,
      token_hash: step.token ? digestToken(step.token) : null,
      token_expires_at: step.token ? new Date(Date.now() + 86_400_000).toISOString() : null,
      requested_at: nowIso(),
      reminded_at: null,
      decided_at: null,
      decided_by: null,
    })
    .execute();
  return id;
}

/** A mailed link of the adept's own application, sent to the adept's own address. */
async function linkToOwnAddress(ctx: Context): Promise<string> {
  const token = newSecretToken().token;
  await pendingApproval(ctx, { approver: 'manager', to: ctx.cast.adept, token });
  return token;
}

const otherNetworkProgrammes = new WeakMap<TestServer, Promise<string>>();
/** A police programme of the other network (the outsider's), made once per server. */
function otherNetworkProgramme(ctx: Context): Promise<string> {
  let id = otherNetworkProgrammes.get(ctx.server);
  if (!id) {
    id = (async () => {
      const programmeId = newId();
      const template = findProgrammeTemplate('police_pool');
      await ctx.server.db
        .insertInto('programmes')
        .values({
          id: programmeId,
          network_id: ctx.cast.otherNetwork.id,
          template_key: template.key,
          name: 'Polisen i det andra nätverket',
          description: '',
          status: 'open',
          settings: JSON.stringify(template.settings),
          created_at: nowIso(),
          updated_at: nowIso(),
        })
        .execute();
      return programmeId;
    })();
    otherNetworkProgrammes.set(ctx.server, id);
  }
  return id;
}

/** A new person holding these roles (organisation A, B or C; null for a network-wide role), made for one request. */
async function freshPerson(ctx: Context, roles: [Role, 'A' | 'B' | 'C' | null][]): Promise<string> {
  const organisations = { A: ctx.cast.orgA, B: ctx.cast.orgB, C: ctx.cast.orgC };
  const person = await buildPerson(ctx.server.db, {
    roles: roles.map(([role, organisation]) => ({
      role,
      networkId: organisation ? organisations[organisation].network_id : ctx.cast.network.id,
      organisationId: organisation ? organisations[organisation].id : null,
    })),
  });
  return person.id;
}

const disable = (personId: string): Request => ({
  path: `/api/people/${personId}`,
  body: { disabled: true },
});

/** A pending invitation of a coordinator to organisation A, as an administrator sends one. */
async function coordinatorInvitation(ctx: Context): Promise<string> {
  const id = newId();
  await ctx.server.db
    .insertInto('invitations')
    .values({
      id,
      network_id: ctx.cast.network.id,
      organisation_id: ctx.cast.orgA.id,
      email: `coordinator-${unique()}@example.org`,
      name: 'Coordinator',
      role: 'org_coordinator',
      locale: 'sv',
      invited_by: ctx.cast.admin.id,
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      accepted_at: null,
      revoked_at: null,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** The mentor's experience exchange of 2025, recorded if it is not (yet, or again). */
async function freshExchange(ctx: Context): Promise<number> {
  const year = 2025;
  const existing = await ctx.server.db
    .selectFrom('experience_exchanges')
    .select('id')
    .where('person_id', '=', ctx.cast.mentor.id)
    .where('network_id', '=', ctx.cast.network.id)
    .where('year', '=', year)
    .executeTakeFirst();
  if (!existing) {
    await ctx.server.db
      .insertInto('experience_exchanges')
      .values({
        id: newId(),
        person_id: ctx.cast.mentor.id,
        network_id: ctx.cast.network.id,
        year,
        created_at: nowIso(),
      })
      .execute();
  }
  return year;
}

async function freshTrainingRecord(ctx: Context): Promise<string> {
  const id = newId();
  await ctx.server.db
    .insertInto('training_records')
    .values({
      id,
      person_id: ctx.cast.mentor.id,
      programme_id: ctx.policeProgrammeId,
      step_key: `temporary-${id}`,
      completed_on: '2026-01-01',
      recorded_by: null,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

async function adeptConsent(ctx: Context): Promise<string> {
  const id = newId();
  const now = nowIso();
  await ctx.server.db
    .insertInto('consents')
    .values({
      id,
      person_id: ctx.cast.adept.id,
      programme_id: ctx.programmeId,
      purpose: 'follow-up-contact',
      notice_id: await currentNoticeId(ctx),
      granted_at: now,
      withdrawn_at: null,
    })
    .execute();
  return id;
}

/**
 * Mentor-book content of the fixture pair, each text unique: a shared goal both parties see, and the
 * mentor's private note that only the mentor sees. Every answer to every caller of every row is
 * searched for them (SPEC §5: 0 reads of the mentor book outside the pair).
 */
const sharedMarker = 'Delat-mål-som-bara-paret-läser-7f3a';
const privateMarker = 'Mentorns-privata-anteckning-91c2';

async function writeMarkedContent(server: TestServer, pairId: string, cast: Cast): Promise<void> {
  await insertBookItem(server.deps, server.db, {
    pairId,
    kind: 'goal',
    authorId: cast.adept.id,
    authorRole: 'adept',
    visibility: 'shared',
    content: {
      title: sharedMarker,
      specific: sharedMarker,
      measurable: 'Medarbetarenkäten',
      achievable: 'Med stöd',
      relevant: 'För verksamheten',
      timeBound: '2027-06-30',
    },
  });
  await insertBookItem(server.deps, server.db, {
    pairId,
    kind: 'reflection',
    authorId: cast.mentor.id,
    authorRole: 'mentor',
    visibility: 'private',
    content: { prompt: privateMarker, dueOn: null, answer: privateMarker },
  });
}

function expectNoForeignContent(caller: Caller, route: string, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  const party = caller === 'adept' || caller === 'mentor';
  if (!party) expect({ route, caller, shared: text.includes(sharedMarker) }).toMatchObject({ shared: false });
  if (caller !== 'mentor')
    expect({ route, caller, private: text.includes(privateMarker) }).toMatchObject({ private: false });
}

/** Spellings of a path that the router decodes or normalises to the path itself. */
const spellings: Record<string, (path: string) => string> = {
  'first letter percent-encoded': (path) => path.replace(/^\/(\w)/, (_, c: string) => `/%${hex(c)}`),
  'a letter of the first segment percent-encoded': (path) =>
    path.replace(
      /^\/(\w+?)(\w)(\/|$)/,
      (_, head: string, c: string, end: string) => `/${head}%${hex(c)}${end}`,
    ),
  'doubled slashes': (path) => path.replace(/^\//, '//').replace(/^(\/\/[^/?]+)\//, '$1//'),
  'a trailing slash': (path) => path.replace(/^([^?]*)/, '$1/'),
};
const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase();
/** The session guard's and the CSRF guard's cases: none, a dead session, and two live ones. */
const spellingCallers = ['anonymous', 'disabled', 'admin', 'adept'] as const;
/** A spelling the router does not take: paths are case-sensitive. */
const upperCased = (path: string) =>
  path.replace(/^\/(\w+)/, (_, first: string) => `/${first.toUpperCase()}`);

/** Routes that are not part of the API proper: the documentation viewer and the client's pages. */
const isInfrastructure = (url: string) =>
  url.startsWith('/api/docs') || (!url.startsWith('/api') && url !== '/healthz');

describe.each(dialects)('authorization matrix on %s', (dialect) => {
  let server: TestServer;
  let cast: Cast;
  let context: Omit<Context, 'caller'>;
  const clients = new Map<Caller, TestClient>();

  async function clientFor(caller: Caller, fresh = false): Promise<TestClient> {
    const existing = clients.get(caller);
    if (existing && !fresh) return existing;
    const client = new TestClient(server.baseUrl);
    if (caller === 'disabled') {
      // A session made before the account was disabled: the cookie exists but must open nothing.
      const session = await createSession(
        server.db,
        cast.disabled.id,
        { ip: '127.0.0.1', userAgent: 'test' },
        server.config,
      );
      client.cookies.set('__Host-bp_session', session.token);
    } else if (caller !== 'anonymous') {
      await client.signIn(cast[caller].email);
    }
    if (!fresh) clients.set(caller, client);
    return client;
  }

  beforeAll(async () => {
    server = await startTestServer(dialect, { LOGIN_MAX_ATTEMPTS: '200' });
    const wide = await buildWideCast(server.db);
    const { pair, otherPair, advisor, otherPairMember } = await pairWithNeighbours(server.db, wide);
    cast = { ...wide, advisor, otherPairMember };
    await writeMarkedContent(server, pair.pairId, cast);
    const admin = new TestClient(server.baseUrl);
    await admin.signIn(cast.admin.email);
    const programme = await admin.post(`/api/networks/${cast.network.id}/programmes`, {
      templateKey: 'municipal_individual',
      name: 'Mentorprogram',
    });
    const round = await admin.post(`/api/programmes/${programme.body.id}/rounds`, roundBody);
    const invitation = await admin.post(`/api/networks/${cast.network.id}/invitations`, {
      email: 'pending@example.org',
      name: 'Pending',
      role: 'adept',
      organisationId: cast.orgA.id,
    });
    await admin.put(`/api/programmes/${programme.body.id}`, {
      name: programme.body.name,
      description: programme.body.description,
      status: 'open',
      settings: programme.body.settings,
    });
    const police = await admin.post(`/api/networks/${cast.network.id}/programmes`, {
      templateKey: 'police_pool',
      name: 'Polisen',
    });
    context = {
      server,
      cast,
      policeProgrammeId: police.body.id,
      applicationId: '',
      programmeId: programme.body.id,
      roundId: round.body.id,
      invitationId: invitation.body.id,
      pairProgrammeId: pair.programmeId,
      pairId: pair.pairId,
      otherPairId: otherPair.pairId,
    };
    const adept = new TestClient(server.baseUrl);
    await adept.signIn(cast.adept.email);
    const applied = await adept.post(
      `/api/programmes/${context.programmeId}/applications`,
      await applyBody({ ...context, caller: 'adept' }, 'adept'),
    );
    context.applicationId = applied.body.id;
  });
  afterAll(() => server.close());

  it('has a row for every registered route, and no row for a route that does not exist', () => {
    const registered = server.app.routeTable
      .filter((r) => r.method !== 'HEAD' && !isInfrastructure(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(registered).toEqual([...new Set(Object.keys(matrix).map(routeOf))].sort());
  });

  /** Each caller's status for one row, with the path as `spell` writes it. */
  async function answers(
    route: string,
    row: Row,
    spell: (path: string) => string,
    whom: readonly Caller[] = callers,
  ) {
    const [method] = route.split(' ');
    const actual: Partial<Expectation> = {};
    for (const caller of whom) {
      const client = await clientFor(caller, row.ownSession);
      const { path, body, form } = await row.request({ ...context, caller });
      const response = form
        ? await postForm(client, spell(path), form)
        : await client.request(method!, spell(path), method === 'GET' ? undefined : (body ?? {}));
      actual[caller] = response.status;
      expectNoForeignContent(caller, route, response.body);
    }
    return actual;
  }

  for (const [route, row] of Object.entries(matrix)) {
    it(`${route} answers each caller as expected`, async () => {
      expect(await answers(route, row, (path) => path)).toEqual(row.expect);
    });

    // The guards decide on the route the router matched, so every spelling it takes for this path
    // gets the same answers, and a spelling it does not take is no route at all. Who may do what
    // is decided after routing, so the callers that meet the guards stand in for all.
    it(`${route} answers the same however the path is spelled`, async () => {
      const expected = Object.fromEntries(spellingCallers.map((c) => [c, row.expect[c]]));
      for (const [name, spell] of Object.entries(spellings)) {
        expect({ name, ...(await answers(route, row, spell, spellingCallers)) }).toEqual({
          name,
          ...expected,
        });
      }
      const unrouted = Object.fromEntries(spellingCallers.map((c) => [c, 404]));
      expect(await answers(route, row, upperCased, spellingCallers)).toEqual(unrouted);
    });
  }

  // The search for the marked content above proves something only if the pair itself reads it.
  it('gives the pair its own mentor book: the adept the shared goal, the mentor that and the private note', async () => {
    const read = async (caller: Caller) =>
      JSON.stringify((await (await clientFor(caller)).get(`/api/pairs/${context.pairId}/book`)).body);
    const adept = await read('adept');
    expect(adept).toContain(sharedMarker);
    expect(adept).not.toContain(privateMarker);
    const mentor = await read('mentor');
    expect(mentor).toContain(sharedMarker);
    expect(mentor).toContain(privateMarker);
  });

  it('shows a coordinator only the people and invitations of their own organisation', async () => {
    const coordinator = await clientFor('coordinatorB');
    const people = await coordinator.get(`/api/networks/${cast.network.id}/people`);
    const ids = people.body.map((p: { id: string }) => p.id);
    expect(ids).toContain(cast.adeptB.id);
    expect(ids).not.toContain(cast.adept.id);
    expect(ids).not.toContain(cast.coordinatorA.id);
    const filtered = await coordinator.get(
      `/api/networks/${cast.network.id}/people?organisationId=${cast.orgA.id}`,
    );
    expect(filtered.body).toEqual([]);
    const invitations = await coordinator.get(`/api/networks/${cast.network.id}/invitations`);
    expect(invitations.body.map((i: { email: string }) => i.email)).not.toContain('pending@example.org');
  });
});
