import { coordinators, inNetwork, pairRoute, type Row } from '../matrix-support.ts';

/**
 * The authorization matrix's rows for the pair's year: plan. The checklist, the cadence and the
 * check-in's ratings are metadata: the parties, those who run the programme and its advisor read
 * them; only the parties tick milestones off and answer the check-in. The fixture pair has held no
 * meeting, so the check-in is not open yet: the parties pass the policy and are told so (409).
 */
export const planRows: Record<string, Row> = {
  'GET /api/pairs/:id/plan': {
    expect: pairRoute({ parties: 200, runners: 200, advisor: 200 }),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/plan` }),
  },
  'POST /api/pairs/:id/plan/:key/done': {
    expect: pairRoute({ parties: 200, runners: 403, advisor: 403 }),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/plan/smart_goals/done`, body: {} }),
  },
  'DELETE /api/pairs/:id/plan/:key/done': {
    expect: pairRoute({ parties: 200, runners: 403, advisor: 403 }),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/plan/smart_goals/done` }),
  },
  'GET /api/pairs/:id/checkin': {
    expect: pairRoute({ parties: 200, runners: 200, advisor: 200 }),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/checkin` }),
  },
  'POST /api/pairs/:id/checkin': {
    expect: pairRoute({ parties: 409, runners: 403, advisor: 403 }),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/checkin`, body: { rating: 4 } }),
  },
  // The follow-up: administrators and coordinators (each sees only the pairs they run); other members 403.
  'GET /api/programmes/:id/pairs': {
    expect: inNetwork(200, 403, coordinators(200)),
    request: (ctx) => ({ path: `/api/programmes/${ctx.pairProgrammeId}/pairs` }),
  },
};
