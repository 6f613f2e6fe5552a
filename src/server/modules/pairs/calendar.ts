/**
 * iCalendar (RFC 5545 / 5546) for a pair's meetings: the invitation mailed to both parties, its
 * updates and cancellation, and a personal calendar feed.
 *
 * Times are written as Europe/Stockholm wall-clock times under TZID with a VTIMEZONE, which Outlook,
 * Google and Apple all read. ical-generator formats a plain Date with the server's local clock under
 * the TZID (wrong on a UTC server), so every time is handed over as a Luxon DateTime, which it
 * converts into the event's zone itself.
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendar,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';

export const MEETING_TIME_ZONE = 'Europe/Stockholm';

export const CalendarLimits = {
  maxDurationMinutes: 24 * 60,
  maxSequence: 2_147_483_647,
  maxUidLength: 255,
} as const;

const PRODUCT_ID = { company: 'Bollplank', product: 'Bollplank', language: 'SV' } as const;
const CRLF = '\r\n';
const WALL_CLOCK_FORMAT = "yyyy-LL-dd'T'HH:mm:ss";
/** Longer than any daylight-saving shift, so the offsets on both sides of a shift are seen. */
const SHIFT_LOOKBACK_HOURS = 6;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export type CalendarLocale = 'sv' | 'en';
export type InvitationMethod = 'REQUEST' | 'CANCEL';

export interface CalendarPerson {
  name: string;
  email: string;
}

/** One meeting as it appears in a calendar. */
export interface CalendarEvent {
  /** Stable for the meeting's whole life, e.g. `meeting-<id>@<host>`; updates and cancellations reuse it. */
  uid: string;
  /** Raised by one on every change that is sent out; clients ignore an update with a lower or equal number. */
  sequence: number;
  /** An instant with an explicit offset, normally UTC: `2026-03-29T08:00:00Z`. */
  start: string;
  durationMinutes: number;
  summary: string;
  description?: string;
  /** A place; for a video meeting leave it out and give `url`, which then shows as the location. */
  location?: string;
  url?: string;
  cancelled?: boolean;
}

export interface MeetingInvitationInput extends Omit<CalendarEvent, 'cancelled'> {
  method: InvitationMethod;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
  locale: CalendarLocale;
  /** When the invitation is made (DTSTAMP): the clock's time. */
  now: Date;
}

export interface CalendarAttachment {
  filename: string;
  contentType: string;
  body: string;
}

const FILENAME_STEM: Record<CalendarLocale, Record<InvitationMethod, string>> = {
  sv: { REQUEST: 'mote', CANCEL: 'installt-mote' },
  en: { REQUEST: 'meeting', CANCEL: 'cancelled-meeting' },
};

/** An invitation, update (same uid, higher sequence) or cancellation to mail to both parties. */
export function meetingInvitation(input: MeetingInvitationInput): CalendarAttachment {
  if (input.attendees.length === 0) throw new Error('an invitation needs at least one attendee');
  const cancelled = input.method === 'CANCEL';
  const calendar = newCalendar(ICalCalendarMethod[input.method]);
  calendar.createEvent({
    ...eventData({ ...input, cancelled }, input.now),
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: input.attendees.map((person) => ({
      name: person.name,
      email: person.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: !cancelled,
    })),
  });
  const day = DateTime.fromISO(input.start, { zone: MEETING_TIME_ZONE }).toISODate();
  return {
    filename: `${FILENAME_STEM[input.locale][input.method]}-${day}.ics`,
    contentType: `text/calendar; method=${input.method}; charset=UTF-8`,
    body: render(calendar),
  };
}

/** A subscribable feed of someone's meetings (METHOD:PUBLISH, no attendees: a feed is not an invitation). */
export function calendarFeed(name: string, events: CalendarEvent[], options: { now: Date }): string {
  const calendar = newCalendar(ICalCalendarMethod.PUBLISH);
  calendar.name(name);
  calendar.x([['X-WR-TIMEZONE', MEETING_TIME_ZONE]]);
  for (const event of events) calendar.createEvent(eventData(event, options.now));
  return render(calendar);
}

/** Every content line ends in CRLF (RFC 5545 §3.1); ical-generator leaves the last one bare. */
function render(calendar: ICalCalendar): string {
  const text = calendar.toString();
  return text.endsWith(CRLF) ? text : text + CRLF;
}

function newCalendar(method: ICalCalendarMethod): ICalCalendar {
  // No calendar-level zone name: ical-generator would then write DTSTAMP in local time without "Z".
  // The generator still adds a VTIMEZONE for every zone the events use.
  return new ICalCalendar({
    prodId: PRODUCT_ID,
    method,
    timezone: { name: null, generator: getVtimezoneComponent },
  });
}

function eventData(event: CalendarEvent, now: Date): ICalEventData {
  assertEvent(event);
  const start = DateTime.fromISO(event.start, { setZone: true }).toUTC();
  const end = start.plus({ minutes: event.durationMinutes });
  const zoned = !isAmbiguousWallClock(start) && !isAmbiguousWallClock(end);
  return {
    id: event.uid,
    sequence: event.sequence,
    stamp: DateTime.fromJSDate(now).toUTC(),
    start,
    end,
    timezone: zoned ? MEETING_TIME_ZONE : null,
    summary: event.summary,
    description: event.description ?? null,
    location: event.location ?? event.url ?? null,
    url: event.url ?? null,
    status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  };
}

/**
 * Whether this instant's Stockholm wall-clock time also names another instant: the repeated hour of
 * the autumn change. RFC 5545 §3.3.5 says such a time means the first occurrence, but clients differ
 * (ical.js takes the second), so those times are written in UTC, which every client reads alike.
 */
function isAmbiguousWallClock(instant: DateTime): boolean {
  const local = instant.setZone(MEETING_TIME_ZONE);
  const wallClock = local.toFormat(WALL_CLOCK_FORMAT);
  const neighbours = [
    local.minus({ hours: SHIFT_LOOKBACK_HOURS }),
    local.plus({ hours: SHIFT_LOOKBACK_HOURS }),
  ];
  return neighbours.some(({ offset }) => {
    const shiftMinutes = Math.abs(offset - local.offset);
    return (
      shiftMinutes > 0 &&
      [local.minus({ minutes: shiftMinutes }), local.plus({ minutes: shiftMinutes })].some(
        (other) => other.toFormat(WALL_CLOCK_FORMAT) === wallClock,
      )
    );
  });
}

function assertEvent(event: CalendarEvent): void {
  const problems: string[] = [];
  if (!event.uid || /\s/.test(event.uid) || event.uid.length > CalendarLimits.maxUidLength) {
    problems.push('uid must be non-empty, without spaces');
  }
  if (
    !Number.isInteger(event.sequence) ||
    event.sequence < 0 ||
    event.sequence > CalendarLimits.maxSequence
  ) {
    problems.push('sequence must be a non-negative integer');
  }
  if (!ISO_INSTANT.test(event.start) || !DateTime.fromISO(event.start, { setZone: true }).isValid) {
    problems.push('start must be an ISO instant with "Z" or an offset');
  }
  const { durationMinutes } = event;
  if (
    !Number.isInteger(durationMinutes) ||
    durationMinutes < 1 ||
    durationMinutes > CalendarLimits.maxDurationMinutes
  ) {
    problems.push(`durationMinutes must be an integer from 1 to ${CalendarLimits.maxDurationMinutes}`);
  }
  if (problems.length > 0) throw new Error(`Invalid calendar event: ${problems.join('; ')}`);
}
