/**
 * A pair's checklist from its programme's process plan: each milestone's deadline, its status and
 * which reminder mails are due. Pure: the caller passes today's date (see `todayInSweden` in shared/calendar.ts) and what
 * has been done and sent.
 *
 * All dates are calendar dates in Sweden ("YYYY-MM-DD"): a deadline "within 1 week" of a pair that
 * starts on 2 February is 9 February wherever the server's clock runs.
 */
import { DateTime } from 'luxon';
import { addDays } from '../../../shared/calendar.ts';
import type { LocalizedText, Milestone, milestoneRoles } from '../../../shared/programme.ts';

export const PLAN_TIME_ZONE = 'Europe/Stockholm';

/** A milestone is `due_soon` this many days before its deadline (and gets its first reminder). */
export const DUE_SOON_DAYS = 7;

/**
 * When a milestone is due:
 * - `days_from_start`: that many calendar days after the pair's start (the union's "within 3 weeks");
 * - `meeting`: at the pair's Nth meeting (the municipalities' check-in at the 3rd meeting);
 * - `date`: on a fixed date (a cohort's half-time seminar).
 */
export type MilestoneAnchor =
  | { kind: 'days_from_start'; days: number }
  | { kind: 'meeting'; number: number }
  | { kind: 'date'; date: string };

export type MilestoneRole = (typeof milestoneRoles)[number];

/** A programme's milestone; its optional `anchor` (a meeting number, a fixed date) wins over offsetDays. */
export type PlanMilestone = Omit<Milestone, 'anchor'> & { anchor?: MilestoneAnchor | null };

export interface PlannedMilestone {
  key: string;
  title: LocalizedText;
  roles: MilestoneRole[];
  anchor: MilestoneAnchor;
  /** The deadline, a calendar date in Sweden; null when the milestone waits for a meeting instead. */
  dueDate: string | null;
}

export type MilestoneStatus = 'open' | 'due_soon' | 'overdue' | 'done';

export interface MilestoneProgress {
  /** A calendar date in Sweden. */
  today: string;
  /** When it was marked done (a date or timestamp), or null. */
  doneAt: string | null;
  /** Meetings the pair has logged so far. */
  meetingsHeld: number;
}

export type ReminderKind = 'before_deadline' | 'after_deadline';

export interface Reminder {
  milestoneKey: string;
  kind: ReminderKind;
  /** Who the milestone names as responsible; the wiring turns roles into recipients. */
  roles: MilestoneRole[];
  dueDate: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Days from the start (offsetDays) unless the milestone carries an explicit anchor. */
export function anchorOf(milestone: PlanMilestone): MilestoneAnchor {
  return milestone.anchor ?? { kind: 'days_from_start', days: milestone.offsetDays };
}

/**
 * The pair's milestones with their deadlines, in the plan's order. Milestones limited to a
 * participant category (`onlyFor`, e.g. "ordinarie ledamöter") are kept only when the pair's
 * participant has that category (the comparison ignores case and surrounding spaces), or when the
 * milestone names an application answer (`onlyForAnswer`) and the adept gave that answer.
 */
export function planMilestones(
  plan: readonly PlanMilestone[],
  pair: {
    pairStart: string;
    participantCategory: string | null;
    /** The adept's answers to the programme's application questions, by question key. */
    answers?: Readonly<Record<string, unknown>>;
  },
): PlannedMilestone[] {
  assertDate(pair.pairStart, 'pairStart');
  return plan
    .filter(
      (milestone) =>
        appliesTo(milestone.onlyFor, pair.participantCategory) ||
        answered(milestone.onlyForAnswer ?? null, pair.answers),
    )
    .map((milestone) => {
      const anchor = anchorOf(milestone);
      assertAnchor(anchor, milestone.key);
      return {
        key: milestone.key,
        title: milestone.title,
        roles: [...milestone.roles],
        anchor,
        dueDate: dueDateOf(anchor, pair.pairStart),
      };
    });
}

/**
 * - `done` once marked done;
 * - dated milestones: `overdue` from the day after the deadline, `due_soon` in the DUE_SOON_DAYS
 *   before it and on the day itself, else `open`;
 * - meeting-anchored milestones: `open` until the meeting before the Nth is logged, then
 *   `due_soon` (the next meeting is the one) until the meeting after the Nth is logged without the
 *   milestone being done: then `overdue`. Answering just after the Nth meeting is on time.
 */
export function milestoneStatus(milestone: PlannedMilestone, progress: MilestoneProgress): MilestoneStatus {
  assertDate(progress.today, 'today');
  if (progress.doneAt) return 'done';
  if (milestone.anchor.kind === 'meeting') {
    const { number } = milestone.anchor;
    if (progress.meetingsHeld > number) return 'overdue';
    return progress.meetingsHeld >= number - 1 ? 'due_soon' : 'open';
  }
  const dueDate = milestone.dueDate!;
  if (progress.today > dueDate) return 'overdue';
  return progress.today >= addDays(dueDate, -DUE_SOON_DAYS) ? 'due_soon' : 'open';
}

/**
 * The reminder mails to send now, each kind at most once per milestone: one before the deadline
 * (when the milestone becomes due soon) and one after it (when it becomes overdue). A reminder whose
 * moment has passed is not sent late: nothing "before" goes out once the deadline is missed, and
 * nothing at all for what is done.
 */
export function dueReminders(
  milestones: readonly PlannedMilestone[],
  state: {
    today: string;
    meetingsHeld: number;
    /** When each milestone was marked done, by key; missing or null when not done. */
    doneAt: Readonly<Record<string, string | null>>;
    sent: ReadonlyArray<{ milestoneKey: string; kind: ReminderKind }>;
  },
): Reminder[] {
  const alreadySent = new Set(state.sent.map((s) => `${s.milestoneKey}\u0000${s.kind}`));
  const reminders: Reminder[] = [];
  for (const milestone of milestones) {
    const status = milestoneStatus(milestone, {
      today: state.today,
      meetingsHeld: state.meetingsHeld,
      doneAt: state.doneAt[milestone.key] ?? null,
    });
    const kind: ReminderKind | null =
      status === 'due_soon' ? 'before_deadline' : status === 'overdue' ? 'after_deadline' : null;
    if (kind && !alreadySent.has(`${milestone.key}\u0000${kind}`)) {
      reminders.push({
        milestoneKey: milestone.key,
        kind,
        roles: milestone.roles,
        dueDate: milestone.dueDate,
      });
    }
  }
  return reminders;
}

function dueDateOf(anchor: MilestoneAnchor, pairStart: string): string | null {
  switch (anchor.kind) {
    case 'days_from_start':
      return addDays(pairStart, anchor.days);
    case 'date':
      return anchor.date;
    case 'meeting':
      return null;
  }
}

function appliesTo(onlyFor: string, participantCategory: string | null): boolean {
  const wanted = normalise(onlyFor);
  return wanted === '' || wanted === normalise(participantCategory ?? '');
}

function answered(
  wanted: { question: string; option: string } | null,
  answers: Readonly<Record<string, unknown>> | undefined,
): boolean {
  if (!wanted || !answers) return false;
  const answer = answers[wanted.question];
  return Array.isArray(answer) ? answer.includes(wanted.option) : answer === wanted.option;
}

function normalise(category: string): string {
  return category.trim().toLocaleLowerCase('sv');
}

function assertAnchor(anchor: MilestoneAnchor, key: string): void {
  const valid =
    anchor.kind === 'days_from_start'
      ? Number.isInteger(anchor.days) && anchor.days >= 0
      : anchor.kind === 'meeting'
        ? Number.isInteger(anchor.number) && anchor.number >= 1
        : isDate(anchor.date);
  if (!valid) throw new Error(`Milestone "${key}" has an invalid anchor: ${JSON.stringify(anchor)}`);
}

function assertDate(value: string, name: string): void {
  if (!isDate(value)) throw new Error(`${name} must be a calendar date YYYY-MM-DD (got "${value}")`);
}

function isDate(value: string): boolean {
  return ISO_DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}
