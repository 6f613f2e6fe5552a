import { digestToken, newId, newSecretToken } from '../../../src/server/util.ts';
import { todayInSweden } from '../../../src/shared/calendar.ts';
import { nowIso } from '../../factories.ts';
import { type Context, everyone, pairRoute, type Row, signedIn } from '../matrix-support.ts';

/** The authorization matrix's rows for the pair's year: meetings. */

const DAY = 86_400_000;

/** A Swedish date this many days from now (the matrix runs on the system clock). */
const dayFromNow = (days: number) => todayInSweden(new Date(Date.now() + days * DAY));

const booking = () => ({
  date: dayFromNow(30),
  time: '10:00',
  durationMinutes: 60,
  mode: 'in_person',
  location: 'Kommunhuset',
});

/** A fresh planned meeting of the fixture pair, starting `days` from now (negative: already started). */
async function freshMeeting(ctx: Context, days = 20): Promise<string> {
  const id = newId();
  const now = nowIso();
  await ctx.server.db
    .insertInto('meetings')
    .values({
      id,
      pair_id: ctx.pairId,
      uid: `meeting-${id}@matrix.test`,
      sequence: 0,
      starts_at: new Date(Date.now() + days * DAY).toISOString(),
      duration_minutes: 60,
      mode: 'in_person',
      location: 'Kommunhuset',
      status: 'planned',
      held_at: null,
      created_by: ctx.cast.adept.id,
      created_at: now,
      updated_at: now,
      cancelled_at: null,
    })
    .execute();
  return id;
}

/** A live calendar feed token of the fixture pair's mentor. */
async function liveFeedToken(ctx: Context): Promise<string> {
  const { token, digest } = newSecretToken();
  await ctx.server.db
    .insertInto('calendar_feeds')
    .values({
      id: newId(),
      person_id: ctx.cast.mentor.id,
      token_digest: digest,
      created_at: nowIso(),
      revoked_at: null,
    })
    .execute();
  return token;
}

// Meetings (their places and links) are the pair's: those who may see the pair's metadata are
// refused (403), everyone else does not see the pair (404). A single meeting's routes answer 404 to
// all but the two parties: its existence is not shown.
const pairMeetings = (parties: number) => pairRoute({ parties, runners: 403, advisor: 403 });
const oneMeeting = (parties: number) => signedIn(404, { adept: parties, mentor: parties });

export const meetingsRows: Record<string, Row> = {
  'GET /api/pairs/:id/meetings': {
    expect: pairMeetings(200),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/meetings` }),
  },
  'POST /api/pairs/:id/meetings': {
    expect: pairMeetings(201),
    request: (ctx) => ({ path: `/api/pairs/${ctx.pairId}/meetings`, body: booking() }),
  },
  'PUT /api/meetings/:meetingId': {
    expect: oneMeeting(200),
    request: async (ctx) => ({ path: `/api/meetings/${await freshMeeting(ctx)}`, body: booking() }),
  },
  'POST /api/meetings/:meetingId/cancel': {
    expect: oneMeeting(200),
    request: async (ctx) => ({ path: `/api/meetings/${await freshMeeting(ctx)}/cancel` }),
  },
  // Started an hour ago: it can be marked held.
  'POST /api/meetings/:meetingId/held': {
    expect: oneMeeting(200),
    request: async (ctx) => ({ path: `/api/meetings/${await freshMeeting(ctx, -1 / 24)}/held` }),
  },
  'GET /api/meetings/:meetingId/ics': {
    expect: oneMeeting(200),
    request: async (ctx) => ({ path: `/api/meetings/${await freshMeeting(ctx)}/ics` }),
  },
  // One's own feed: every signed-in person has one to ask about, make or revoke.
  'GET /api/me/calendar-feed': {
    expect: signedIn(200),
    request: () => ({ path: '/api/me/calendar-feed' }),
  },
  'POST /api/me/calendar-feed': {
    expect: signedIn(201),
    request: () => ({ path: '/api/me/calendar-feed' }),
  },
  'DELETE /api/me/calendar-feed': {
    expect: signedIn(204),
    request: () => ({ path: '/api/me/calendar-feed' }),
  },
  // The feed is public: its token is the key. An unknown token is 404 for everyone…
  'GET /api/calendar/:file': {
    expect: everyone(404),
    request: () => ({ path: `/api/calendar/${digestToken('unknown').slice(0, 43)}.ics` }),
  },
  // …and a live one answers whoever holds it, session or not.
  'GET /api/calendar/:file (a live token)': {
    expect: everyone(200),
    request: async (ctx) => ({ path: `/api/calendar/${await liveFeedToken(ctx)}.ics` }),
  },
};
