import { insertBookItem } from '../../pair-support.ts';
import { type Context, pairRoute, type Row } from '../matrix-support.ts';

/** The authorization matrix's rows for the pair's year: book. */

const goalContent = {
  title: 'Ett mål för matrisen',
  specific: 'Vad',
  measurable: 'Hur',
  achievable: 'Varför det går',
  relevant: 'Varför det spelar roll',
  timeBound: '2027-06-30',
};
const goalBody = { kind: 'goal', visibility: 'shared', content: goalContent };

/** A fresh shared goal by the fixture pair's adept, for a request that changes or deletes it. */
async function adeptGoal(ctx: Context): Promise<string> {
  return insertBookItem(ctx.server.deps, ctx.server.db, {
    pairId: ctx.pairId,
    kind: 'goal',
    authorId: ctx.cast.adept.id,
    authorRole: 'adept',
    visibility: 'shared',
    content: goalContent,
  });
}

// Content is the pair's alone: those who run the programme and its advisor may see the pair (403),
// everyone else does not (404). The coordinator's route shows only what a party shared on purpose.
const content = (parties: number, jointEdit = parties) => ({
  ...pairRoute({ parties, runners: 403, advisor: 403 }),
  mentor: jointEdit,
});

export const bookRows: Record<string, Row> = {
  'GET /api/pairs/:id/book': {
    expect: content(200),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/book` }),
  },
  'GET /api/pairs/:id/book/goals': {
    expect: content(200),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/book/goals` }),
  },
  'GET /api/pairs/:id/book/export': {
    expect: content(200),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/book/export?format=html` }),
  },
  'POST /api/pairs/:id/book/items': {
    expect: content(201),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/book/items`, body: goalBody }),
  },
  // A shared goal: both parties may edit it.
  'PUT /api/pairs/:id/book/items/:itemId': {
    expect: content(200),
    request: async (ctx) => ({
      path: `/api/pairs/${ctx.pairId}/book/items/${await adeptGoal(ctx)}`,
      body: goalBody,
    }),
  },
  // Only its author deletes an item, or shares it with the coordinator.
  'DELETE /api/pairs/:id/book/items/:itemId': {
    expect: content(204, 403),
    request: async (ctx) => ({ path: `/api/pairs/${ctx.pairId}/book/items/${await adeptGoal(ctx)}` }),
  },
  'POST /api/pairs/:id/book/items/:itemId/coordinator-share': {
    expect: content(200, 403),
    request: async (ctx) => ({
      path: `/api/pairs/${ctx.pairId}/book/items/${await adeptGoal(ctx)}/coordinator-share`,
    }),
  },
  'DELETE /api/pairs/:id/book/items/:itemId/coordinator-share': {
    expect: content(200, 403),
    request: async (ctx) => ({
      path: `/api/pairs/${ctx.pairId}/book/items/${await adeptGoal(ctx)}/coordinator-share`,
    }),
  },
  'GET /api/pairs/:id/book/shared': {
    expect: pairRoute({ parties: 403, runners: 200, advisor: 403 }),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/book/shared` }),
  },
  // Clearing every shared item waits until the pair has ended (400 for the parties of this active
  // pair), so the row does not empty the book the matrix searches for.
  'POST /api/pairs/:id/book/clear': {
    expect: content(400),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/book/clear`, body: { scope: 'all_shared' } }),
  },
};
