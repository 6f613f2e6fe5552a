import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CalendarEvent,
  calendarFeed,
  MEETING_TIME_ZONE,
  type MeetingInvitationInput,
  meetingInvitation,
} from './calendar.ts';

const MENTOR = { name: 'Åsa Öberg', email: 'asa.oberg@habo.se' };
const ADEPT = { name: 'Örjan Ek', email: 'orjan.ek@enkoping.se' };
const NOW = new Date('2026-01-05T12:00:00Z');

function invitation(overrides: Partial<MeetingInvitationInput> = {}): MeetingInvitationInput {
  return {
    uid: 'meeting-7f3a@bollplank.example',
    sequence: 0,
    method: 'REQUEST',
    start: '2026-01-15T08:00:00Z',
    durationMinutes: 90,
    summary: 'Mentorsmöte',
    description: 'Vi går igenom målen.',
    location: 'Kommunhuset, Bålsta',
    organizer: MENTOR,
    attendees: [ADEPT, MENTOR],
    locale: 'sv',
    now: NOW,
    ...overrides,
  };
}

interface Parsed {
  calendar: ICAL.Component;
  event: ICAL.Component;
}

/** Parses with ical.js using only the VTIMEZONE the output carries (none is preloaded). */
function parse(body: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(body));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return { calendar, event };
}

afterEach(() => ICAL.TimezoneService.reset());

function time(event: ICAL.Component, name: 'dtstart' | 'dtend') {
  const property = event.getFirstProperty(name)!;
  const value = property.getFirstValue() as ICAL.Time;
  return {
    tzid: property.getParameter('tzid') ?? null,
    wallClock: value.toString(),
    utc: value.toJSDate().toISOString(),
  };
}

function lines(body: string): string[] {
  return body.split('\r\n');
}

describe('meeting times in Europe/Stockholm (tests run with TZ=UTC)', () => {
  it('runs on a UTC clock, where the ical-generator pitfall would show', () => {
    expect(process.env.TZ).toBe('UTC');
    expect(new Date('2026-01-15T08:00:00Z').getHours()).toBe(8);
  });

  it.each([
    ['winter (UTC+1)', '2026-01-15T08:00:00Z', 90, '2026-01-15T09:00:00', '2026-01-15T10:30:00'],
    ['summer (UTC+2)', '2026-06-10T12:30:00Z', 60, '2026-06-10T14:30:00', '2026-06-10T15:30:00'],
    [
      'the spring change day, 29 March 2026',
      '2026-03-29T08:00:00Z',
      90,
      '2026-03-29T10:00:00',
      '2026-03-29T11:30:00',
    ],
    [
      'the autumn change day, 25 October 2026',
      '2026-10-25T08:00:00Z',
      90,
      '2026-10-25T09:00:00',
      '2026-10-25T10:30:00',
    ],
    ['across the spring change', '2026-03-29T00:30:00Z', 120, '2026-03-29T01:30:00', '2026-03-29T04:30:00'],
    ['across the autumn change', '2026-10-24T23:00:00Z', 180, '2026-10-25T01:00:00', '2026-10-25T03:00:00'],
  ])('%s', (_name, start, durationMinutes, localStart, localEnd) => {
    const { body } = meetingInvitation(invitation({ start, durationMinutes }));
    const { calendar, event } = parse(body);

    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(MEETING_TIME_ZONE);
    const dtstart = time(event, 'dtstart');
    const dtend = time(event, 'dtend');
    expect(dtstart).toEqual({
      tzid: MEETING_TIME_ZONE,
      wallClock: localStart,
      utc: new Date(start).toISOString(),
    });
    expect(dtend.tzid).toBe(MEETING_TIME_ZONE);
    expect(dtend.wallClock).toBe(localEnd);
    expect(Date.parse(dtend.utc) - Date.parse(dtstart.utc)).toBe(durationMinutes * 60_000);
    expect(body).toContain(`DTSTART;TZID=Europe/Stockholm:${localStart.replace(/[-:]/g, '')}`);
  });

  it.each([
    ['first', '2026-10-25T00:30:00Z', '20261025T003000Z', '20261025T013000Z'],
    ['second', '2026-10-25T01:30:00Z', '20261025T013000Z', '20261025T023000Z'],
  ])(
    'writes the %s 02:30 of the autumn change in UTC, since clients read a repeated local time differently',
    (_which, start, utcStart, utcEnd) => {
      const { body } = meetingInvitation(invitation({ start, durationMinutes: 60 }));
      expect(lines(body)).toContain(`DTSTART:${utcStart}`);
      expect(lines(body)).toContain(`DTEND:${utcEnd}`);
      const { event } = parse(body);
      expect(time(event, 'dtstart').utc).toBe(new Date(start).toISOString());
      expect(time(event, 'dtend').utc).toBe(new Date(Date.parse(start) + 3_600_000).toISOString());
    },
  );

  it('keeps the TZID for the hours just outside the repeated one', () => {
    for (const [start, wallClock] of [
      ['2026-10-24T23:58:00Z', '2026-10-25T01:58:00'],
      ['2026-10-25T02:00:00Z', '2026-10-25T03:00:00'],
    ] as const) {
      const { event } = parse(meetingInvitation(invitation({ start, durationMinutes: 1 })).body);
      expect(time(event, 'dtstart')).toEqual({
        tzid: MEETING_TIME_ZONE,
        wallClock,
        utc: new Date(start).toISOString(),
      });
    }
  });

  it('accepts a start with an offset and means the same instant', () => {
    const a = meetingInvitation(invitation({ start: '2026-01-15T09:00:00+01:00' })).body;
    const b = meetingInvitation(invitation({ start: '2026-01-15T08:00:00Z' })).body;
    expect(a).toBe(b);
  });

  it('writes DTSTAMP in UTC', () => {
    const { body } = meetingInvitation(invitation());
    expect(lines(body)).toContain('DTSTAMP:20260105T120000Z');
  });
});

describe('meetingInvitation', () => {
  it('is a REQUEST with organizer, attendees, status and a mail content type', () => {
    const result = meetingInvitation(invitation());
    expect(result.contentType).toBe('text/calendar; method=REQUEST; charset=UTF-8');
    expect(result.filename).toBe('mote-2026-01-15.ics');

    const { calendar, event } = parse(result.body);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Bollplank//Bollplank//SV');
    expect(event.getFirstPropertyValue('uid')).toBe('meeting-7f3a@bollplank.example');
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');

    const organizer = event.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:asa.oberg@habo.se');
    expect(organizer.getParameter('cn')).toBe('Åsa Öberg');

    const attendees = event.getAllProperties('attendee').map((p) => ({
      address: String(p.getFirstValue()).toLowerCase(),
      cn: p.getParameter('cn'),
      role: p.getParameter('role'),
      partstat: p.getParameter('partstat'),
      rsvp: p.getParameter('rsvp'),
    }));
    expect(attendees).toEqual([
      {
        address: 'mailto:orjan.ek@enkoping.se',
        cn: 'Örjan Ek',
        role: 'REQ-PARTICIPANT',
        partstat: 'NEEDS-ACTION',
        rsvp: 'TRUE',
      },
      {
        address: 'mailto:asa.oberg@habo.se',
        cn: 'Åsa Öberg',
        role: 'REQ-PARTICIPANT',
        partstat: 'NEEDS-ACTION',
        rsvp: 'TRUE',
      },
    ]);
  });

  it('names the file in English for an English reader', () => {
    expect(meetingInvitation(invitation({ locale: 'en' })).filename).toBe('meeting-2026-01-15.ics');
    expect(meetingInvitation(invitation({ locale: 'en', method: 'CANCEL' })).filename).toBe(
      'cancelled-meeting-2026-01-15.ics',
    );
  });

  it('names the file after the Stockholm date, not the UTC date', () => {
    const late = meetingInvitation(invitation({ start: '2026-06-10T22:30:00Z' }));
    expect(late.filename).toBe('mote-2026-06-11.ics');
  });

  it('keeps the UID and raises SEQUENCE for an update', () => {
    const first = parse(meetingInvitation(invitation()).body).event;
    const moved = parse(
      meetingInvitation(invitation({ sequence: 1, start: '2026-01-22T08:00:00Z' })).body,
    ).event;
    expect(moved.getFirstPropertyValue('uid')).toBe(first.getFirstPropertyValue('uid'));
    expect(moved.getFirstPropertyValue('sequence')).toBe(1);
    expect(time(moved, 'dtstart').wallClock).toBe('2026-01-22T09:00:00');
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID and the attendees', () => {
    const result = meetingInvitation(invitation({ method: 'CANCEL', sequence: 2 }));
    expect(result.contentType).toBe('text/calendar; method=CANCEL; charset=UTF-8');
    expect(result.filename).toBe('installt-mote-2026-01-15.ics');

    const { calendar, event } = parse(result.body);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('uid')).toBe('meeting-7f3a@bollplank.example');
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect(event.getAllProperties('attendee')).toHaveLength(2);
    expect(event.getFirstProperty('attendee')!.getParameter('rsvp')).toBe('FALSE');
    expect(time(event, 'dtstart').wallClock).toBe('2026-01-15T09:00:00');
  });

  it('escapes commas, semicolons, backslashes and newlines and keeps Swedish characters', () => {
    const summary = 'Möte: mål, plan; nästa steg \\ uppföljning';
    const description = 'Före mötet:\n1. Läs kapitel 3, 4; gärna 5.\nÅterkoppla till Örjan.';
    const { body } = meetingInvitation(
      invitation({ summary, description, location: 'Rum 3, plan 2; Bålsta' }),
    );
    expect(body).toContain('SUMMARY:Möte: mål\\, plan\\; nästa steg \\\\ uppföljning');

    const { event } = parse(body);
    expect(event.getFirstPropertyValue('summary')).toBe(summary);
    expect(event.getFirstPropertyValue('description')).toBe(description);
    expect(event.getFirstPropertyValue('location')).toBe('Rum 3, plan 2; Bålsta');
  });

  it('folds lines at 75 octets, counting Swedish letters as two, without splitting a character', () => {
    const description =
      'Åäö åäö ÅÄÖ – reflektionsfrågor inför nästa möte; vad har hänt, vad vill du öva på? '.repeat(6);
    const { body } = meetingInvitation(invitation({ description }));
    const all = lines(body);
    expect(all.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of all) {
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[^\r]\n/);
    expect(parse(body).event.getFirstPropertyValue('description')).toBe(description);
  });

  it('shows a video link as the location when there is no place', () => {
    const url = 'https://meet.example.org/abc-defg-hij';
    const { event } = parse(meetingInvitation(invitation({ location: undefined, url })).body);
    expect(event.getFirstPropertyValue('location')).toBe(url);
    expect(event.getFirstPropertyValue('url')).toBe(url);
  });

  it('refuses what no calendar could read', () => {
    expect(() => meetingInvitation(invitation({ start: '2026-01-15T08:00:00' }))).toThrow(/start/);
    expect(() => meetingInvitation(invitation({ start: 'tomorrow' }))).toThrow(/start/);
    expect(() => meetingInvitation(invitation({ durationMinutes: 0 }))).toThrow(/durationMinutes/);
    expect(() => meetingInvitation(invitation({ sequence: -1 }))).toThrow(/sequence/);
    expect(() => meetingInvitation(invitation({ uid: 'has space' }))).toThrow(/uid/);
    expect(() => meetingInvitation(invitation({ attendees: [] }))).toThrow(/attendee/);
  });
});

describe('calendarFeed', () => {
  const events: CalendarEvent[] = [
    {
      uid: 'meeting-1@bollplank.example',
      sequence: 0,
      start: '2026-01-15T08:00:00Z',
      durationMinutes: 90,
      summary: 'Möte 1, start',
      location: 'Bålsta',
    },
    {
      uid: 'meeting-2@bollplank.example',
      sequence: 3,
      start: '2026-03-29T08:00:00Z',
      durationMinutes: 90,
      summary: 'Möte 2',
      url: 'https://meet.example.org/x',
    },
    {
      uid: 'meeting-3@bollplank.example',
      sequence: 1,
      start: '2026-06-10T12:30:00Z',
      durationMinutes: 60,
      summary: 'Möte 3',
      cancelled: true,
    },
  ];

  it('publishes every meeting with one VTIMEZONE and no attendees', () => {
    const body = calendarFeed('Bollplank – mina möten', events, { now: NOW });
    const calendar = new ICAL.Component(ICAL.parse(body));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);

    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Bollplank – mina möten');
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);

    const vevents = calendar.getAllSubcomponents('vevent');
    expect(
      vevents.map((e) => ({
        uid: e.getFirstPropertyValue('uid'),
        sequence: e.getFirstPropertyValue('sequence'),
        status: e.getFirstPropertyValue('status'),
        start: time(e, 'dtstart').wallClock,
        utc: time(e, 'dtstart').utc,
      })),
    ).toEqual([
      {
        uid: 'meeting-1@bollplank.example',
        sequence: 0,
        status: 'CONFIRMED',
        start: '2026-01-15T09:00:00',
        utc: '2026-01-15T08:00:00.000Z',
      },
      {
        uid: 'meeting-2@bollplank.example',
        sequence: 3,
        status: 'CONFIRMED',
        start: '2026-03-29T10:00:00',
        utc: '2026-03-29T08:00:00.000Z',
      },
      {
        uid: 'meeting-3@bollplank.example',
        sequence: 1,
        status: 'CANCELLED',
        start: '2026-06-10T14:30:00',
        utc: '2026-06-10T12:30:00.000Z',
      },
    ]);
    for (const e of vevents) {
      expect(e.getAllProperties('attendee')).toEqual([]);
      expect(e.getFirstProperty('organizer')).toBeNull();
    }
  });

  it('is a valid calendar when there are no meetings', () => {
    const calendar = new ICAL.Component(ICAL.parse(calendarFeed('Tom', [], { now: NOW })));
    expect(calendar.getAllSubcomponents('vevent')).toEqual([]);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
  });
});
