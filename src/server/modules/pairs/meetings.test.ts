import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCast, buildPerson } from '../../../../test/factories.ts';
import { appointAdvisor, createPairFixture } from '../../../../test/pair-support.ts';
import { dialects, startTestServer, TestClient, type TestServer } from '../../../../test/support.ts';
import { ManualClock } from '../../clock.ts';
import { sendMeetingReminders } from './meetings.service.ts';

type Cast = Awaited<ReturnType<typeof buildCast>>;
type Person = { id: string; email: string; name: string };

/** Parses an iCalendar text with ical.js, using only the VTIMEZONE it carries. */
function parse(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

function start(event: ICAL.Component) {
  const property = event.getFirstProperty('dtstart')!;
  const value = property.getFirstValue() as ICAL.Time;
  return {
    tzid: property.getParameter('tzid') ?? null,
    wallClock: value.toString(),
    utc: value.toJSDate().toISOString(),
  };
}

afterEach(() => ICAL.TimezoneService.reset());

const booking = (date: string, time: string, overrides: Record<string, unknown> = {}) => ({
  date,
  time,
  durationMinutes: 60,
  mode: 'in_person',
  location: 'Kommunhuset, rum 3',
  ...overrides,
});

async function setUp(dialect: (typeof dialects)[number], clock: ManualClock) {
  const server = await startTestServer(dialect, {}, { clock });
  const cast = await buildCast(server.db);
  const pair = await createPairFixture(server.db, {
    networkId: cast.network.id,
    adept: { id: cast.adept.id, organisationId: cast.orgA.id },
    mentor: { id: cast.mentor.id, organisationId: cast.orgA.id },
    publishedBy: cast.admin.id,
    planStartsOn: '2027-03-01',
  });
  const otherMentor = await buildPerson(server.db, {
    roles: [{ role: 'mentor', networkId: cast.network.id, organisationId: cast.orgB.id }],
  });
  const otherPair = await createPairFixture(server.db, {
    networkId: cast.network.id,
    adept: { id: cast.adeptB.id, organisationId: cast.orgB.id },
    mentor: { id: otherMentor.id, organisationId: cast.orgB.id },
    publishedBy: cast.admin.id,
    planStartsOn: '2027-03-01',
  });
  const advisor = await buildPerson(server.db, {
    roles: [{ role: 'manager', networkId: cast.network.id, organisationId: cast.orgB.id }],
  });
  await appointAdvisor(server.db, pair.programmeId, advisor.id);
  const clients = new Map<string, TestClient>();
  const as = async (person: { id: string; email: string }) => {
    let client = clients.get(person.id);
    if (!client) {
      client = new TestClient(server.baseUrl);
      await client.signIn(person.email);
      clients.set(person.id, client);
    }
    return client;
  };
  return { server, cast, pairId: pair.pairId, otherPairId: otherPair.pairId, otherMentor, advisor, as };
}

async function mailsOf(server: TestServer, kind: string) {
  return server.db
    .selectFrom('outbox')
    .select(['to_email', 'subject', 'body_text', 'calendar', 'kind'])
    .where('kind', '=', kind)
    .execute();
}

describe.each(dialects)('meetings on %s', (dialect) => {
  const clock = new ManualClock('2027-03-20T09:00:00Z');
  let server: TestServer;
  let cast: Cast;
  let pairId: string;
  let otherPairId: string;
  let otherMentor: Person;
  let advisor: Person;
  let as: Awaited<ReturnType<typeof setUp>>['as'];

  beforeAll(async () => {
    ({ server, cast, pairId, otherPairId, otherMentor, advisor, as } = await setUp(dialect, clock));
  });
  afterAll(() => server.close());

  it('books, moves and cancels a meeting with invitations at the right Swedish times across the spring change', async () => {
    const adept = await as(cast.adept);
    // 29 March 2027 is the day after the clocks go forward: 10:00 in Sweden is 08:00 UTC.
    const booked = await adept.post(`/api/pairs/${pairId}/meetings`, booking('2027-03-29', '10:00'));
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body).toMatchObject({
      startsAt: '2027-03-29T08:00:00.000Z',
      date: '2027-03-29',
      time: '10:00',
      status: 'planned',
      sequence: 0,
      canChange: true,
      canMarkHeld: false,
    });
    const meetingId = booked.body.id;

    const invitations = await mailsOf(server, 'meeting_booked');
    expect(invitations.map((m) => m.to_email).sort()).toEqual([cast.adept.email, cast.mentor.email].sort());
    let uid = '';
    for (const mail of invitations) {
      const calendar = JSON.parse(mail.calendar!);
      expect(calendar.method).toBe('REQUEST');
      expect(calendar.content).toContain('BEGIN:VTIMEZONE');
      const parsed = parse(calendar.content);
      expect(parsed.calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      const [event] = parsed.events;
      expect(start(event!)).toEqual({
        tzid: 'Europe/Stockholm',
        wallClock: '2027-03-29T10:00:00',
        utc: '2027-03-29T08:00:00.000Z',
      });
      expect(event!.getFirstPropertyValue('sequence')).toBe(0);
      expect(event!.getFirstPropertyValue('location')).toBe('Kommunhuset, rum 3');
      expect(event!.getFirstPropertyValue('dtstamp')).toBeTruthy();
      expect(event!.getFirstPropertyValue('organizer')).toMatch(/^mailto:/i);
      expect(event!.getAllProperties('attendee')).toHaveLength(2);
      uid = uid || String(event!.getFirstPropertyValue('uid'));
      expect(event!.getFirstPropertyValue('uid')).toBe(uid);
    }
    expect(invitations[0]!.body_text).toContain('29 mars 2027 kl. 10:00');

    // Moved by the mentor to 1 November 2027, after the autumn change: 10:00 is 09:00 UTC.
    const mentor = await as(cast.mentor);
    const moved = await mentor.put(
      `/api/meetings/${meetingId}`,
      booking('2027-11-01', '10:00', {
        mode: 'video',
        location: 'https://meet.example.org/abc',
        durationMinutes: 90,
      }),
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: '2027-11-01T09:00:00.000Z', sequence: 1, mode: 'video' });
    const updates = await mailsOf(server, 'meeting_changed');
    expect(updates).toHaveLength(2);
    for (const mail of updates) {
      const calendar = JSON.parse(mail.calendar!);
      expect(calendar.method).toBe('REQUEST');
      const [event] = parse(calendar.content).events;
      expect(event!.getFirstPropertyValue('uid')).toBe(uid);
      expect(event!.getFirstPropertyValue('sequence')).toBe(1);
      expect(start(event!)).toEqual({
        tzid: 'Europe/Stockholm',
        wallClock: '2027-11-01T10:00:00',
        utc: '2027-11-01T09:00:00.000Z',
      });
      expect(event!.getFirstPropertyValue('url')).toBe('https://meet.example.org/abc');
    }

    const cancelled = await adept.post(`/api/meetings/${meetingId}/cancel`);
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 2, canChange: false });
    const cancellations = await mailsOf(server, 'meeting_cancelled');
    expect(cancellations).toHaveLength(2);
    for (const mail of cancellations) {
      const calendar = JSON.parse(mail.calendar!);
      expect(calendar.method).toBe('CANCEL');
      const parsed = parse(calendar.content);
      expect(parsed.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
      const [event] = parsed.events;
      expect(event!.getFirstPropertyValue('uid')).toBe(uid);
      expect(event!.getFirstPropertyValue('sequence')).toBe(2);
      expect(event!.getFirstPropertyValue('status')).toBe('CANCELLED');
    }

    // A cancelled meeting stays as it is.
    const again = await mentor.put(`/api/meetings/${meetingId}`, booking('2027-11-02', '10:00'));
    expect(again.status).toBe(400);
    expect(again.body.errors.map((e: { field: string }) => e.field)).toEqual(['meeting']);

    const list = await mentor.get(`/api/pairs/${pairId}/meetings`);
    expect(list.status).toBe(200);
    expect(list.body.canBook).toBe(true);
    expect(list.body.meetings.find((m: { id: string }) => m.id === meetingId).status).toBe('cancelled');
  });

  it('offers one meeting as an .ics file to add to a calendar', async () => {
    const adept = await as(cast.adept);
    const booked = await adept.post(`/api/pairs/${pairId}/meetings`, booking('2027-10-25', '10:00'));
    const file = await adept.get(`/api/meetings/${booked.body.id}/ics`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(file.headers.get('content-disposition')).toContain('mote-2027-10-25.ics');
    const [event] = parse(file.body).events;
    // Still summer time (the change is on 31 October 2027).
    expect(start(event!).utc).toBe('2027-10-25T08:00:00.000Z');
    expect(event!.getFirstPropertyValue('summary')).toBe(`Mentorsmöte med ${cast.mentor.name}`);
  });

  it('refuses bad input, naming every field at once', async () => {
    const adept = await as(cast.adept);
    const all = await adept.post(`/api/pairs/${pairId}/meetings`, {
      date: '2027-02-30',
      time: '25:00',
      durationMinutes: 10,
      mode: 'carrier pigeon',
      location: '',
    });
    expect(all.status).toBe(400);
    expect(all.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['date', 'durationMinutes', 'location', 'mode', 'time'].sort(),
    );
    expect(all.body.errors.find((e: { field: string }) => e.field === 'mode').message).toBe(
      'Välj hur ni ses: på plats, video eller telefon.',
    );
    const tooLong = await adept.post(
      `/api/pairs/${pairId}/meetings`,
      booking('2027-04-01', '10:00', { durationMinutes: 481 }),
    );
    expect(tooLong.body.errors.map((e: { field: string }) => e.field)).toEqual(['durationMinutes']);
    const past = await adept.post(`/api/pairs/${pairId}/meetings`, booking('2027-03-19', '10:00'));
    expect(past.status).toBe(400);
    expect(past.body.errors.map((e: { field: string }) => e.field)).toEqual(['date']);
    const earlierToday = await adept.post(`/api/pairs/${pairId}/meetings`, booking('2027-03-20', '08:00'));
    expect(earlierToday.body.errors.map((e: { field: string }) => e.field)).toEqual(['time']);
    // 02:30 on 28 March 2027 does not exist in Sweden.
    const skipped = await adept.post(`/api/pairs/${pairId}/meetings`, booking('2027-03-28', '02:30'));
    expect(skipped.status).toBe(400);
    expect(skipped.body.errors.map((e: { field: string }) => e.field)).toEqual(['time']);
    const count = await server.db
      .selectFrom('meetings')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('starts_at', '<', '2027-03-29T00:00:00Z')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('shows meetings to the two parties only', async () => {
    const adept = await as(cast.adept);
    const booked = await adept.post(`/api/pairs/${pairId}/meetings`, booking('2027-04-02', '13:00'));
    const meetingId = booked.body.id;
    const outsiders = [
      cast.coordinatorA,
      cast.admin,
      advisor,
      cast.adeptB,
      otherMentor,
      cast.manager,
      cast.coordinatorB,
    ];
    for (const person of outsiders) {
      const client = await as(person);
      const answers = {
        who: person.email,
        change: (await client.put(`/api/meetings/${meetingId}`, booking('2027-04-03', '13:00'))).status,
        cancel: (await client.post(`/api/meetings/${meetingId}/cancel`)).status,
        held: (await client.post(`/api/meetings/${meetingId}/held`)).status,
        ics: (await client.get(`/api/meetings/${meetingId}/ics`)).status,
      };
      expect(answers).toEqual({ who: person.email, change: 404, cancel: 404, held: 404, ics: 404 });
    }
    // Those who may see the pair's metadata are refused its meetings (403); others do not see the pair.
    for (const [person, status] of [
      [cast.coordinatorA, 403],
      [cast.admin, 403],
      [advisor, 403],
      [cast.adeptB, 404],
      [otherMentor, 404],
      [cast.coordinatorB, 404],
    ] as const) {
      const client = await as(person);
      expect({
        who: person.email,
        status: (await client.get(`/api/pairs/${pairId}/meetings`)).status,
      }).toEqual({
        who: person.email,
        status,
      });
      expect(
        (await client.post(`/api/pairs/${pairId}/meetings`, booking('2027-04-03', '13:00'))).status,
      ).toBe(status);
    }
    // The other pair's member cannot book in this pair, nor see its meetings through their own.
    const theirs = await (await as(cast.adeptB)).get(`/api/pairs/${otherPairId}/meetings`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.meetings).toEqual([]);
    const after = await (await as(cast.mentor)).get(`/api/pairs/${pairId}/meetings`);
    expect(after.body.meetings.find((m: { id: string }) => m.id === meetingId).status).toBe('planned');
  });

  it('books no meeting for a pair that has ended, but still lists its meetings', async () => {
    const closed = await createPairFixture(server.db, {
      networkId: cast.network.id,
      adept: { id: cast.adept.id, organisationId: cast.orgA.id },
      mentor: { id: cast.mentor.id, organisationId: cast.orgA.id },
      publishedBy: cast.admin.id,
      status: 'closed',
    });
    const adept = await as(cast.adept);
    const refused = await adept.post(`/api/pairs/${closed.pairId}/meetings`, booking('2027-04-10', '10:00'));
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['pair']);
    const listed = await adept.get(`/api/pairs/${closed.pairId}/meetings`);
    expect(listed.body).toMatchObject({ canBook: false, meetings: [] });
  });

  it('writes the invitation in the recipient’s language', async () => {
    await server.db.updateTable('people').set({ locale: 'en' }).where('id', '=', cast.mentor.id).execute();
    try {
      const booked = await (await as(cast.adept)).post(
        `/api/pairs/${pairId}/meetings`,
        booking('2027-05-03', '13:15', { mode: 'phone', location: 'Anna ringer Bo' }),
      );
      expect(booked.status).toBe(201);
      const mails = (await mailsOf(server, 'meeting_booked')).filter((m) => m.body_text.includes('13:15'));
      const english = mails.find((m) => m.to_email === cast.mentor.email)!;
      expect(english.subject).toBe(`Meeting with ${cast.adept.name} 3 May 2027 at 13:15`);
      expect(english.body_text).toContain('How: phone');
      expect(JSON.parse(english.calendar!).filename).toBe('meeting-2027-05-03.ics');
      const swedish = mails.find((m) => m.to_email === cast.adept.email)!;
      expect(swedish.body_text).toContain('Hur: telefon');
    } finally {
      await server.db.updateTable('people').set({ locale: 'sv' }).where('id', '=', cast.mentor.id).execute();
    }
  });

  it('marks a meeting held only once it has started', async () => {
    const adept = await as(cast.adept);
    const booked = await adept.post(`/api/pairs/${pairId}/meetings`, booking('2027-03-22', '09:00'));
    const meetingId = booked.body.id;
    const early = await adept.post(`/api/meetings/${meetingId}/held`);
    expect(early.status).toBe(400);
    expect(early.body.errors.map((e: { field: string }) => e.field)).toEqual(['meetingId']);
    clock.set('2027-03-22T08:30:00Z');
    const listed = await adept.get(`/api/pairs/${pairId}/meetings`);
    expect(listed.body.meetings.find((m: { id: string }) => m.id === meetingId).canMarkHeld).toBe(true);
    const held = await (await as(cast.mentor)).post(`/api/meetings/${meetingId}/held`);
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    expect(held.body).toMatchObject({ status: 'held', canMarkHeld: false, canChange: false });
    expect((await adept.post(`/api/meetings/${meetingId}/held`)).status).toBe(200);
    expect((await adept.post(`/api/meetings/${meetingId}/cancel`)).status).toBe(400);
    const summary = await adept.get(`/api/pairs/${pairId}`);
    // The lifecycle part moves an introduced pair on when its first meeting is held.
    expect(summary.body.status).toBe('first_meeting_held');
  });
});

describe.each(dialects)('meeting reminders on %s', (dialect) => {
  const clock = new ManualClock('2027-03-20T09:00:00Z');
  let server: TestServer;
  let cast: Cast;
  let pairId: string;
  let as: Awaited<ReturnType<typeof setUp>>['as'];

  beforeAll(async () => {
    ({ server, cast, pairId, as } = await setUp(dialect, clock));
  });
  afterAll(() => server.close());

  it('reminds both parties the day before, once, and again when the meeting is moved', async () => {
    const adept = await as(cast.adept);
    const booked = await adept.post(`/api/pairs/${pairId}/meetings`, booking('2027-03-24', '14:00'));
    expect(booked.status).toBe(201);
    const meetingId = booked.body.id;
    // Booked on the day before: the invitation itself has just come, no reminder.
    const late = await adept.post(`/api/pairs/${pairId}/meetings`, booking('2027-03-21', '15:00'));
    expect(late.status).toBe(201);

    clock.set('2027-03-22T20:00:00Z');
    expect(await sendMeetingReminders(server.deps)).toBe(0);
    // 23 March in Sweden, the day before.
    clock.set('2027-03-23T06:00:00Z');
    expect(await sendMeetingReminders(server.deps)).toBe(1);
    expect(await sendMeetingReminders(server.deps)).toBe(0);
    const reminders = await mailsOf(server, 'meeting_reminder');
    expect(reminders.map((m) => m.to_email).sort()).toEqual([cast.adept.email, cast.mentor.email].sort());
    expect(reminders.every((m) => m.calendar === null)).toBe(true);
    expect(reminders.find((m) => m.to_email === cast.adept.email)!.body_text).toContain(
      '24 mars 2027 kl. 14:00',
    );

    // Moved to the 26th: reminded again the day before its new date.
    const moved = await adept.put(`/api/meetings/${meetingId}`, booking('2027-03-26', '14:00'));
    expect(moved.status).toBe(200);
    clock.set('2027-03-25T22:59:00Z'); // 23:59 on the 25th in Sweden
    expect(await sendMeetingReminders(server.deps)).toBe(1);
    expect(await sendMeetingReminders(server.deps)).toBe(0);
    expect(await mailsOf(server, 'meeting_reminder')).toHaveLength(4);
    const notices = await server.db
      .selectFrom('pair_notices')
      .select('notice_key')
      .where('pair_id', '=', pairId)
      .orderBy('notice_key')
      .execute();
    expect(notices.map((n) => n.notice_key)).toEqual([
      `meeting:${meetingId}:0:reminder`,
      `meeting:${meetingId}:1:reminder`,
    ]);
  });
});

describe.each(dialects)('the personal calendar feed on %s', (dialect) => {
  const clock = new ManualClock('2027-03-20T09:00:00Z');
  let server: TestServer;
  let cast: Cast;
  let pairId: string;
  let otherPairId: string;
  let as: Awaited<ReturnType<typeof setUp>>['as'];

  beforeAll(async () => {
    ({ server, cast, pairId, otherPairId, as } = await setUp(dialect, clock));
  });
  afterAll(() => server.close());

  const anonymous = (path: string) => fetch(server.baseUrl + path);

  it('gives a secret address with one’s meetings, cancelled ones as cancelled, and stops when revoked', async () => {
    const adept = await as(cast.adept);
    expect((await adept.get('/api/me/calendar-feed')).body).toEqual({ active: false, createdAt: null });
    const kept = await adept.post(`/api/pairs/${pairId}/meetings`, booking('2027-03-29', '10:00'));
    const dropped = await adept.post(`/api/pairs/${pairId}/meetings`, booking('2027-04-05', '10:00'));
    await adept.post(`/api/meetings/${dropped.body.id}/cancel`);
    const theirs = await (await as(cast.adeptB)).post(
      `/api/pairs/${otherPairId}/meetings`,
      booking('2027-03-30', '10:00', { location: 'Den andra parets lokal' }),
    );
    expect(theirs.status).toBe(201);

    const created = await adept.post('/api/me/calendar-feed');
    expect(created.status).toBe(201);
    const path = new URL(created.body.url).pathname;
    expect(path).toMatch(/^\/api\/calendar\/[\w-]{40,}\.ics$/);
    expect((await adept.get('/api/me/calendar-feed')).body).toEqual({
      active: true,
      createdAt: '2027-03-20T09:00:00.000Z',
    });
    // The database keeps only the token's digest.
    const token = path.slice('/api/calendar/'.length, -'.ics'.length);
    const stored = await server.db.selectFrom('calendar_feeds').select('token_digest').execute();
    expect(stored.some((r) => r.token_digest === token)).toBe(false);

    const feed = await anonymous(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(feed.headers.get('cache-control')).toContain('no-store');
    const text = await feed.text();
    expect(text).not.toContain('Den andra parets lokal');
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const byUid = new Map(events.map((e) => [String(e.getFirstPropertyValue('uid')), e]));
    expect(byUid.size).toBe(2);
    const keptEvent = [...byUid.values()].find((e) => e.getFirstPropertyValue('status') === 'CONFIRMED')!;
    expect(start(keptEvent)).toMatchObject({
      wallClock: '2027-03-29T10:00:00',
      utc: '2027-03-29T08:00:00.000Z',
    });
    expect(keptEvent.getFirstPropertyValue('summary')).toBe(`Mentorsmöte med ${cast.mentor.name}`);
    expect([...byUid.values()].filter((e) => e.getFirstPropertyValue('status') === 'CANCELLED')).toHaveLength(
      1,
    );
    expect(kept.status).toBe(201);

    // A new address replaces the old one.
    const replaced = await adept.post('/api/me/calendar-feed');
    const newPath = new URL(replaced.body.url).pathname;
    expect(newPath).not.toBe(path);
    expect((await anonymous(path)).status).toBe(404);
    expect((await anonymous(newPath)).status).toBe(200);

    expect((await adept.delete('/api/me/calendar-feed')).status).toBe(204);
    const revoked = await anonymous(newPath);
    const unknown = await anonymous(`/api/calendar/${'x'.repeat(43)}.ics`);
    expect(revoked.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await revoked.text()).toBe(await unknown.text());
    expect(revoked.headers.get('cache-control')).toContain('no-store');
    expect((await adept.get('/api/me/calendar-feed')).body).toEqual({ active: false, createdAt: null });
  });

  it('needs a session to make or revoke one’s feed', async () => {
    const client = new TestClient(server.baseUrl);
    expect((await client.get('/api/me/calendar-feed')).status).toBe(401);
    expect((await client.post('/api/me/calendar-feed')).status).toBe(401);
    expect((await client.delete('/api/me/calendar-feed')).status).toBe(401);
  });
});
