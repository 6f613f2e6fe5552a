import {
  confidentialityVersion,
  contractVersion,
} from '../../../src/server/modules/pairs/lifecycle-texts.ts';
import { findProgrammeTemplate } from '../../../src/server/modules/programmes/programme.templates.ts';
import { appointAdvisor, createPairFixture, insertPairRequest } from '../../pair-support.ts';
import { type Context, coordinators, inNetwork, pairRoute, type Row, signedIn } from '../matrix-support.ts';

/** The authorization matrix's rows for the pair's year: lifecycle. */

const union = findProgrammeTemplate('union_branch').settings;

/**
 * A fresh pair of the fixture's adept and mentor in a programme of its own with the fixture's advisor,
 * for a request that changes the pair (accepting, signing, cancelling…) without touching ctx.pairId.
 */
async function freshPair(ctx: Context, status: 'introduced' | 'active' = 'active'): Promise<string> {
  const pair = await createPairFixture(ctx.server.db, {
    networkId: ctx.cast.network.id,
    adept: { id: ctx.cast.adept.id, organisationId: ctx.cast.orgA.id },
    mentor: { id: ctx.cast.mentor.id, organisationId: ctx.cast.orgA.id },
    publishedBy: ctx.cast.admin.id,
    templateKey: 'union_branch',
    status,
  });
  await appointAdvisor(ctx.server.db, pair.programmeId, ctx.cast.advisor.id);
  if (status === 'active')
    await ctx.server.db
      .updateTable('pairs')
      .set({ planned_end_on: '2099-01-01' })
      .where('id', '=', pair.pairId)
      .execute();
  return pair.pairId;
}

/** A fresh pair with an extension asked by its adept (and seconded by its mentor, when said). */
async function withExtension(ctx: Context, seconded: boolean) {
  const pairId = await freshPair(ctx);
  const requestId = await insertPairRequest(ctx.server.db, {
    pairId,
    kind: 'extension',
    requestedBy: ctx.cast.adept.id,
    role: 'adept',
    months: 6,
    seconded,
  });
  return { pairId, requestId };
}

// Acting as one of the two: those who run the programme and its advisor see the pair (403), others 404.
const party = (parties: number, overrides: Partial<Record<'adept' | 'mentor', number>> = {}) => ({
  ...pairRoute({ parties, runners: 403, advisor: 403 }),
  ...overrides,
});
// Deciding on the pair: those who run it, never the two (403), nor the advisor (403).
const manage = (runners: number) => pairRoute({ parties: 403, runners, advisor: 403 });

export const lifecycleRows: Record<string, Row> = {
  // The pair's metadata: the two, those who run the programme, and its advisor.
  'GET /api/pairs/:id': {
    expect: pairRoute({ parties: 200, runners: 200, advisor: 200 }),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}` }),
  },
  'GET /api/pairs/:id/lifecycle': {
    expect: pairRoute({ parties: 200, runners: 200, advisor: 200 }),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/lifecycle` }),
  },
  'POST /api/pairs/:id/accept': {
    expect: party(200),
    request: async (ctx) => ({ path: `/api/pairs/${await freshPair(ctx, 'introduced')}/accept` }),
  },
  // The contract's answers are the pair's alone.
  'GET /api/pairs/:id/contract': {
    expect: party(200),
    request: async (ctx) => ({ path: `/api/pairs/${await freshPair(ctx)}/contract` }),
  },
  'PUT /api/pairs/:id/contract': {
    expect: party(200),
    request: async (ctx) => ({
      path: `/api/pairs/${await freshPair(ctx)}/contract`,
      body: { answers: { needs_goals: 'Att leda förändring' } },
    }),
  },
  'POST /api/pairs/:id/contract/sign': {
    expect: party(200),
    request: async (ctx) => ({
      path: `/api/pairs/${await freshPair(ctx, 'introduced')}/contract/sign`,
      body: { name: 'Namn Namnsson', textVersion: contractVersion(union, {}) },
    }),
  },
  'GET /api/pairs/:id/confidentiality': {
    expect: party(200),
    request: async (ctx) => ({ path: `/api/pairs/${await freshPair(ctx)}/confidentiality` }),
  },
  'POST /api/pairs/:id/confidentiality/sign': {
    expect: party(200),
    request: async (ctx) => ({
      path: `/api/pairs/${await freshPair(ctx, 'introduced')}/confidentiality/sign`,
      body: { name: 'Namn Namnsson', textVersion: confidentialityVersion(union) },
    }),
  },
  'POST /api/pairs/:id/requests/change-of-mentor': {
    expect: party(200),
    request: async (ctx) => ({
      path: `/api/pairs/${await freshPair(ctx)}/requests/change-of-mentor`,
      body: { reason: 'Vi passar inte ihop' },
    }),
  },
  'POST /api/pairs/:id/requests/extension': {
    expect: party(200),
    request: async (ctx) => ({
      path: `/api/pairs/${await freshPair(ctx)}/requests/extension`,
      body: { months: 6 },
    }),
  },
  // The adept asked: the mentor seconds; the adept cannot second their own request (409).
  'POST /api/pairs/:id/requests/:requestId/second': {
    expect: party(200, { adept: 409 }),
    request: async (ctx) => {
      const { pairId, requestId } = await withExtension(ctx, false);
      return { path: `/api/pairs/${pairId}/requests/${requestId}/second` };
    },
  },
  // Only the one who asked withdraws; to the other party it does not exist.
  'POST /api/pairs/:id/requests/:requestId/withdraw': {
    expect: party(200, { mentor: 404 }),
    request: async (ctx) => {
      const { pairId, requestId } = await withExtension(ctx, false);
      return { path: `/api/pairs/${pairId}/requests/${requestId}/withdraw` };
    },
  },
  'POST /api/pairs/:id/requests/:requestId/decide': {
    expect: manage(200),
    request: async (ctx) => {
      const { pairId, requestId } = await withExtension(ctx, true);
      return {
        path: `/api/pairs/${pairId}/requests/${requestId}/decide`,
        body: { decision: 'approved', reason: 'Ni har en plan' },
      };
    },
  },
  'POST /api/pairs/:id/rematch': {
    expect: manage(200),
    request: async (ctx) => ({
      path: `/api/pairs/${await freshPair(ctx)}/rematch`,
      body: { reason: 'Byte av mentor' },
    }),
  },
  'POST /api/pairs/:id/cancel': {
    expect: manage(200),
    request: async (ctx) => ({
      path: `/api/pairs/${await freshPair(ctx)}/cancel`,
      body: { reason: 'Avbrutet' },
    }),
  },
  'POST /api/pairs/:id/close': {
    expect: party(200),
    request: async (ctx) => ({ path: `/api/pairs/${await freshPair(ctx)}/close`, body: { held: true } }),
  },
  'POST /api/pairs/:id/advisor-contact': {
    expect: party(204),
    request: (ctx) => ({
      path: `/api/pairs/${ctx.pairId}/advisor-contact`,
      body: { advisorId: ctx.cast.advisor.id, message: 'Kan vi ses?' },
    }),
  },
  // The programme's advisors: its administrators and the network's coordinators read them;
  // administrators name them.
  'GET /api/programmes/:id/advisors': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: (ctx) => ({ path: `/api/programmes/${ctx.pairProgrammeId}/advisors` }),
  },
  'PUT /api/programmes/:id/advisors': {
    expect: inNetwork(200, 403),
    request: (ctx) => ({
      path: `/api/programmes/${ctx.pairProgrammeId}/advisors`,
      body: { personIds: [ctx.cast.advisor.id] },
    }),
  },
  'GET /api/me/advised-pairs': {
    expect: signedIn(200),
    request: () => ({ path: '/api/me/advised-pairs' }),
  },
};
