import { DateTime } from 'luxon';
import { addDays, todayInSweden } from '../../../shared/calendar.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { currentPairStatuses, type PairStatus } from '../../../shared/matching.ts';
import type { Meeting, MeetingBody, MeetingList, MeetingMode } from '../../../shared/meetings.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Queryable } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { digestToken, newId, newSecretToken } from '../../util.ts';
import type { Participant } from '../matching/matching.input.ts';
import { type CalendarEvent, calendarFeed, MEETING_TIME_ZONE, meetingInvitation } from './calendar.ts';
import { onMeetingHeld } from './lifecycle.service.ts';
import type { MeetingRow } from './meetings.repository.ts';
import * as repo from './meetings.repository.ts';
import { claimNotice } from './pair.repository.ts';
import { loadPair, type PairContext, pairFor } from './pair-access.ts';

/**
 * The pair's meetings. Only the two parties see or touch them (places and links are theirs); those
 * who run the programme see dates of held meetings through other parts. Every change that reaches
 * calendars raises the meeting's SEQUENCE and mails both parties an invitation with the same UID.
 *
 * Decisions:
 * - A meeting is booked only for a time still to come, and only while the pair is running
 *   (introduced, first meeting held, active, ending). One that has started can be marked held.
 * - A planned meeting may be moved or cancelled by either party, also after its start (it did not
 *   happen); a held or cancelled one is kept as it is.
 * - Routes about one meeting answer 404 to everyone but the two parties: a meeting's existence is
 *   not shown to those who may see the pair's metadata.
 */

const RUNNING: readonly PairStatus[] = currentPairStatuses;
const REMINDER_WINDOW_MS = 48 * 60 * 60 * 1000;

const modeNames: Record<Locale, Record<MeetingMode, string>> = {
  sv: { in_person: 'på plats', video: 'video', phone: 'telefon' },
  en: { in_person: 'in person', video: 'video', phone: 'phone' },
};

// --- Times ---------------------------------------------------------------------------------------------------

/** A Swedish date and wall-clock time as a UTC instant; a time the spring change skips is refused. */
export function stockholmInstant(date: string, time: string): string {
  const local = DateTime.fromISO(`${date}T${time}`, { zone: MEETING_TIME_ZONE });
  if (!local.isValid || local.toFormat('yyyy-LL-dd HH:mm') !== `${date} ${time}`) {
    throw AppError.validation('time', 'meeting_time_skipped');
  }
  return local.toUTC().toISO({ suppressMilliseconds: false })!;
}

function stockholmParts(instant: string): { date: string; time: string } {
  const local = DateTime.fromISO(instant, { zone: MEETING_TIME_ZONE });
  return { date: local.toISODate()!, time: local.toFormat('HH:mm') };
}

// --- Presenting ----------------------------------------------------------------------------------------------

function present(row: MeetingRow, now: Date): Meeting {
  const status = row.status === 'cancelled' ? 'cancelled' : row.held_at ? 'held' : 'planned';
  return {
    id: row.id,
    pairId: row.pair_id,
    startsAt: row.starts_at,
    ...stockholmParts(row.starts_at),
    durationMinutes: row.duration_minutes,
    mode: row.mode as MeetingMode,
    location: row.location,
    status,
    heldAt: row.held_at,
    cancelledAt: row.cancelled_at,
    sequence: row.sequence,
    bookedBy: row.created_by,
    canMarkHeld: status === 'planned' && Date.parse(row.starts_at) <= now.getTime(),
    canChange: status === 'planned',
  };
}

// --- Who may ------------------------------------------------------------------------------------------------

/** The meeting and its pair, for one of the two parties; 404 for anyone else. */
async function meetingFor(
  db: Queryable,
  actor: Actor | null,
  meetingId: string,
): Promise<{ meeting: MeetingRow; ctx: PairContext }> {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting) {
    if (!actor) throw new AppError('unauthenticated');
    throw notFound();
  }
  try {
    const ctx = await pairFor(db, actor, meeting.pair_id, 'participate');
    return { meeting, ctx };
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') throw notFound();
    throw error;
  }
}

function assertRunning(ctx: PairContext, field = 'pair'): void {
  if (!RUNNING.includes(ctx.status)) throw AppError.validation(field, 'meeting_pair_not_running');
}

function startFrom(deps: Deps, body: MeetingBody): string {
  const startsAt = stockholmInstant(body.date, body.time);
  const now = deps.clock.now();
  if (Date.parse(startsAt) <= now.getTime()) {
    throw AppError.validation(body.date < todayInSweden(now) ? 'date' : 'time', 'meeting_in_past');
  }
  return startsAt;
}

// --- The parties' routes -------------------------------------------------------------------------------------

export async function listMeetings(deps: Deps, actor: Actor | null, pairId: string): Promise<MeetingList> {
  const ctx = await pairFor(deps.db, actor, pairId, 'participate');
  const now = deps.clock.now();
  const rows = await repo.listForPair(deps.db, ctx.pair.id);
  return {
    meetings: rows.map((row) => present(row, now)),
    canBook: RUNNING.includes(ctx.status),
    now: now.toISOString(),
  };
}

export async function bookMeeting(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  body: MeetingBody,
): Promise<Meeting> {
  const ctx = await pairFor(deps.db, actor, pairId, 'participate');
  assertRunning(ctx);
  const startsAt = startFrom(deps, body);
  const now = deps.clock.now();
  const id = newId();
  const row: MeetingRow = {
    id,
    pair_id: ctx.pair.id,
    uid: `meeting-${id}@${calendarHost(deps)}`,
    sequence: 0,
    starts_at: startsAt,
    duration_minutes: body.durationMinutes,
    mode: body.mode,
    location: body.location,
    status: 'planned',
    held_at: null,
    created_by: actor!.personId,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    cancelled_at: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertMeeting(trx, row);
    await mailInvitations(deps, trx, ctx, row, 'meeting_booked', actor!);
  });
  return present(row, now);
}

export async function changeMeeting(
  deps: Deps,
  actor: Actor | null,
  meetingId: string,
  body: MeetingBody,
): Promise<Meeting> {
  const { meeting, ctx } = await meetingFor(deps.db, actor, meetingId);
  assertRunning(ctx);
  if (meeting.status !== 'planned' || meeting.held_at) throw AppError.validation('meeting', 'meeting_closed');
  const startsAt = startFrom(deps, body);
  const now = deps.clock.now().toISOString();
  const values = {
    starts_at: startsAt,
    duration_minutes: body.durationMinutes,
    mode: body.mode,
    location: body.location,
    updated_at: now,
  };
  const changed: MeetingRow = { ...meeting, ...values, sequence: meeting.sequence + 1 };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.updatePlanned(trx, meeting.id, meeting.sequence, values)))
      throw new AppError('conflict');
    await mailInvitations(deps, trx, ctx, changed, 'meeting_changed', actor!);
  });
  return present(changed, deps.clock.now());
}

export async function cancelMeeting(deps: Deps, actor: Actor | null, meetingId: string): Promise<Meeting> {
  const { meeting, ctx } = await meetingFor(deps.db, actor, meetingId);
  if (meeting.status !== 'planned' || meeting.held_at) throw AppError.validation('meeting', 'meeting_closed');
  const now = deps.clock.now().toISOString();
  const cancelled: MeetingRow = {
    ...meeting,
    status: 'cancelled',
    cancelled_at: now,
    updated_at: now,
    sequence: meeting.sequence + 1,
  };
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.cancelPlanned(trx, meeting.id, meeting.sequence, now))) throw new AppError('conflict');
    await mailInvitations(deps, trx, ctx, cancelled, 'meeting_cancelled', actor!);
  });
  return present(cancelled, deps.clock.now());
}

/** A party marks a meeting held once it has started. */
export async function markHeldByParty(deps: Deps, actor: Actor | null, meetingId: string): Promise<Meeting> {
  const { ctx } = await meetingFor(deps.db, actor, meetingId);
  await deps.db.transaction().execute(async (trx) => {
    await markMeetingHeld(deps, trx, ctx, actor!, meetingId);
  });
  const row = await repo.findMeeting(deps.db, meetingId);
  return present(row!, deps.clock.now());
}

/**
 * Marks one of the pair's meetings held (inside the caller's transaction), as when a party writes the
 * meeting's log in the mentor book. Owned by the meetings part; the mentor book calls it. Already held:
 * nothing to do. Not yet started, cancelled, or a pair no longer running: 400 naming `meetingId`.
 */
export async function markMeetingHeld(
  deps: Deps,
  db: Queryable,
  ctx: PairContext,
  _actor: Actor,
  meetingId: string,
): Promise<void> {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting || meeting.pair_id !== ctx.pair.id) throw notFound();
  if (meeting.held_at) return;
  if (meeting.status !== 'planned') throw AppError.validation('meetingId', 'meeting_closed');
  assertRunning(ctx, 'meetingId');
  const now = deps.clock.now();
  if (Date.parse(meeting.starts_at) > now.getTime()) {
    throw AppError.validation('meetingId', 'meeting_not_started');
  }
  if (!(await repo.markHeld(db, meeting.id, now.toISOString()))) return;
  await onMeetingHeld(deps, db, ctx);
}

/** One meeting as an .ics file to open in a calendar ("add to calendar"). */
export async function meetingFile(
  deps: Deps,
  actor: Actor | null,
  meetingId: string,
  locale: Locale,
): Promise<{ filename: string; body: string }> {
  const { meeting, ctx } = await meetingFor(deps.db, actor, meetingId);
  const role = ctx.role!;
  const other = role === 'adept' ? ctx.mentor : ctx.adept;
  const body = calendarFeed(
    summaryFor(locale, other.name),
    [eventOf(deps, meeting, summaryFor(locale, other.name), locale)],
    { now: deps.clock.now() },
  );
  const { date } = stockholmParts(meeting.starts_at);
  return { filename: `${locale === 'sv' ? 'mote' : 'meeting'}-${date}.ics`, body };
}

// --- Calendar and mail ---------------------------------------------------------------------------------------

function calendarHost(deps: Deps): string {
  try {
    return new URL(deps.config.publicUrl).hostname || 'bollplank.local';
  } catch {
    return 'bollplank.local';
  }
}

/** The sender's address as the invitation's organizer: replies go nowhere a party must watch. */
function organizer(deps: Deps) {
  const from = deps.config.mailFrom;
  const email = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
  return { name: 'Bollplank', email };
}

const summaryFor = (locale: Locale, otherName: string) =>
  locale === 'sv' ? `Mentorsmöte med ${otherName}` : `Mentoring meeting with ${otherName}`;

const isLink = (text: string) => /^https?:\/\/\S+$/i.test(text);

function eventOf(
  deps: Deps,
  row: Pick<
    MeetingRow,
    'uid' | 'sequence' | 'starts_at' | 'duration_minutes' | 'mode' | 'location' | 'pair_id'
  > & {
    status?: string;
  },
  summary: string,
  locale: Locale,
): CalendarEvent {
  const link = `${deps.config.publicUrl}/pairs/${row.pair_id}/meetings`;
  const how = modeNames[locale][row.mode as MeetingMode] ?? row.mode;
  return {
    uid: row.uid,
    sequence: row.sequence,
    start: row.starts_at,
    durationMinutes: row.duration_minutes,
    summary,
    description: `${locale === 'sv' ? 'Hur' : 'How'}: ${how}\n${locale === 'sv' ? 'I Bollplank' : 'In Bollplank'}: ${link}`,
    location: row.location,
    ...(isLink(row.location) ? { url: row.location } : {}),
    cancelled: row.status === 'cancelled',
  };
}

type MeetingMailKind = 'meeting_booked' | 'meeting_changed' | 'meeting_cancelled' | 'meeting_reminder';

/** Mails both parties, each in their language; booking, changing and cancelling carry the invitation. */
async function mailInvitations(
  deps: Deps,
  db: Queryable,
  ctx: Pick<PairContext, 'pair' | 'adept' | 'mentor'>,
  row: MeetingRow | (Awaited<ReturnType<typeof repo.plannedStartingBetween>>[number] & { status?: string }),
  kind: MeetingMailKind,
  actor: Actor | null,
): Promise<void> {
  const parties: [Participant, Participant][] = [
    [ctx.adept, ctx.mentor],
    [ctx.mentor, ctx.adept],
  ];
  const by = actor ? (actor.personId === ctx.adept.id ? ctx.adept.name : ctx.mentor.name) : null;
  const method = kind === 'meeting_cancelled' ? 'CANCEL' : 'REQUEST';
  for (const [recipient, other] of parties) {
    const locale = recipient.locale;
    const summary = summaryFor(locale, other.name);
    const calendar =
      kind === 'meeting_reminder'
        ? undefined
        : (() => {
            const invitation = meetingInvitation({
              ...eventOf(deps, row, summary, locale),
              method,
              organizer: organizer(deps),
              attendees: [
                { name: ctx.adept.name, email: ctx.adept.email },
                { name: ctx.mentor.name, email: ctx.mentor.email },
              ],
              locale,
              now: deps.clock.now(),
            });
            return { method, filename: invitation.filename, content: invitation.body } as const;
          })();
    await deps.mailer.enqueue(db, {
      kind,
      to: recipient.email,
      locale,
      networkId: ctx.pair.network_id,
      params: {
        programme: ctx.pair.programme_name,
        other: other.name,
        by,
        when: formatDateTime(row.starts_at, locale),
        minutes: row.duration_minutes,
        mode: modeNames[locale][row.mode as MeetingMode] ?? row.mode,
        location: row.location,
        link: `${deps.config.publicUrl}/pairs/${row.pair_id}/meetings`,
      },
      ...(calendar ? { calendar } : {}),
    });
  }
}

// --- Reminders ----------------------------------------------------------------------------------------------

/**
 * The day before each planned meeting (Swedish dates), both parties get a reminder, once per
 * version of the meeting: the notice key holds the meeting's sequence, so a moved meeting is
 * reminded again. A meeting booked or moved on the day before or later is not reminded: the
 * invitation itself has just come.
 */
export async function sendMeetingReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = todayInSweden(now);
  const due = await repo.plannedStartingBetween(
    deps.db,
    now.toISOString(),
    new Date(now.getTime() + REMINDER_WINDOW_MS).toISOString(),
    RUNNING,
  );
  let sent = 0;
  for (const meeting of due) {
    const dayBefore = addDays(todayInSweden(new Date(meeting.starts_at)), -1);
    if (today !== dayBefore) continue;
    if (todayInSweden(new Date(meeting.updated_at)) >= dayBefore) continue;
    await deps.db.transaction().execute(async (trx) => {
      const recorded = await claimNotice(
        trx,
        meeting.pair_id,
        `meeting:${meeting.id}:${meeting.sequence}:reminder`,
        now.toISOString(),
      );
      if (!recorded) return;
      const pair = await loadPair(trx, meeting.pair_id);
      if (!pair) return;
      await mailInvitations(deps, trx, pair, meeting, 'meeting_reminder', null);
      sent++;
    });
  }
  return sent;
}

// --- The personal calendar feed -------------------------------------------------------------------------------

export async function feedStatus(deps: Deps, actor: Actor) {
  const feed = await repo.activeFeedOf(deps.db, actor.personId);
  return { active: Boolean(feed), createdAt: feed?.created_at ?? null };
}

/** Makes a new feed address (the old one stops working) and returns it, the only time it is shown. */
export async function createFeed(deps: Deps, actor: Actor) {
  const { token, digest } = newSecretToken();
  const createdAt = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await repo.revokeFeeds(trx, actor.personId, createdAt);
    await repo.insertFeed(trx, {
      id: newId(),
      person_id: actor.personId,
      token_digest: digest,
      created_at: createdAt,
    });
  });
  return { url: `${deps.config.publicUrl}/api/calendar/${token}.ics`, createdAt };
}

export async function revokeFeed(deps: Deps, actor: Actor): Promise<void> {
  await repo.revokeFeeds(deps.db, actor.personId, deps.clock.now().toISOString());
}

/** How far back the feed reaches. */
const FEED_HISTORY_DAYS = 400;

/**
 * The feed behind a token: the person's meetings across their pairs (cancelled ones as CANCELLED),
 * with no mentor-book content. An unknown and a revoked token take the same single query and get the
 * same 404.
 */
export async function renderFeed(deps: Deps, file: string): Promise<string> {
  const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : file;
  const feed = await repo.feedByDigest(deps.db, digestToken(token));
  if (!feed || feed.disabled_at) throw notFound();
  const now = deps.clock.now();
  const locale: Locale = feed.locale === 'en' ? 'en' : 'sv';
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 86_400_000).toISOString();
  const rows = await repo.meetingsOfPerson(deps.db, feed.person_id, since);
  const events = rows.map((row) => {
    const other = row.adept_id === feed.person_id ? row.mentor_name : row.adept_name;
    return eventOf(deps, row, summaryFor(locale, other), locale);
  });
  return calendarFeed(locale === 'sv' ? 'Bollplank – mina möten' : 'Bollplank – my meetings', events, {
    now,
  });
}
