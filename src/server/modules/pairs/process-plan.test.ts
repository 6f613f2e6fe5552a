import { describe, expect, it } from 'vitest';
import { addDays, todayInSweden } from '../../../shared/calendar.ts';
import { findProgrammeTemplate } from '../programmes/programme.templates.ts';
import {
  anchorOf,
  DUE_SOON_DAYS,
  dueReminders,
  type MilestoneStatus,
  milestoneStatus,
  type PlanMilestone,
  type PlannedMilestone,
  planMilestones,
  type ReminderKind,
} from './process-plan.ts';

// The year-long "contact at least monthly" item is watched by the cadence check (plan-year.test.ts);
// these tests follow the dated milestones around it.
const unionPlan = findProgrammeTemplate('union_branch').settings.processPlan.filter(
  (m) => m.key !== 'monthly_contact',
);
const municipalPlan = findProgrammeTemplate('municipal_individual').settings.processPlan;
const cohortPlan = findProgrammeTemplate('agency_cohort').settings.processPlan;

const ORDINARY_MEMBER = 'ordinarie ledamöter';
const DEPUTY = 'ersättare';

/** A clock the test moves by hand; "today" is always read through todayInSweden, as the server does. */
class TestClock {
  constructor(public now: Date) {}
  today(): string {
    return todayInSweden(this.now);
  }
  nextDay(): void {
    this.now = new Date(this.now.getTime() + 24 * 3_600_000);
  }
}

function statuses(
  milestones: PlannedMilestone[],
  today: string,
  doneAt: Record<string, string>,
  meetingsHeld = 0,
): Record<string, MilestoneStatus> {
  return Object.fromEntries(
    milestones.map((m) => [
      m.key,
      milestoneStatus(m, { today, doneAt: doneAt[m.key] ?? null, meetingsHeld }),
    ]),
  );
}

describe('planMilestones', () => {
  it('dates the union template from the pair start, in the plan order', () => {
    const planned = planMilestones(unionPlan, {
      pairStart: '2026-02-02',
      participantCategory: ORDINARY_MEMBER,
    });
    expect(planned.map((m) => [m.key, m.dueDate, m.roles])).toEqual([
      ['mentor_contact', '2026-02-09', ['mentor']],
      ['first_conversation', '2026-02-23', ['adept', 'mentor']],
      ['member_meeting', '2026-03-16', ['adept', 'mentor']],
      ['development_plan', '2026-03-30', ['adept', 'mentor', 'manager']],
      ['end', '2027-02-02', ['adept', 'mentor']],
      ['evaluation', '2027-02-02', ['adept', 'mentor']],
    ]);
    expect(planned[0]!.anchor).toEqual({ kind: 'days_from_start', days: 7 });
    expect(planned[0]!.title.sv).toMatch(/^Mentorn tar kontakt/);
  });

  it('skips the member meeting for deputies and for a pair without a category', () => {
    for (const participantCategory of [DEPUTY, null]) {
      const keys = planMilestones(unionPlan, { pairStart: '2026-02-02', participantCategory }).map(
        (m) => m.key,
      );
      expect(keys).not.toContain('member_meeting');
      expect(keys).toHaveLength(unionPlan.length - 1);
    }
  });

  it('matches the category regardless of case and surrounding spaces', () => {
    const planned = planMilestones(unionPlan, {
      pairStart: '2026-02-02',
      participantCategory: ' Ordinarie Ledamöter ',
    });
    expect(planned.map((m) => m.key)).toContain('member_meeting');
  });

  it('counts calendar days across the daylight-saving changes', () => {
    const plan = [{ ...unionPlan[0]!, key: 'one_day', offsetDays: 1 }];
    expect(planMilestones(plan, { pairStart: '2026-03-28', participantCategory: null })[0]!.dueDate).toBe(
      '2026-03-29',
    );
    expect(planMilestones(plan, { pairStart: '2026-10-24', participantCategory: null })[0]!.dueDate).toBe(
      '2026-10-25',
    );
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('maps each of today’s milestones to a days-from-start anchor', () => {
    for (const milestone of [...unionPlan, ...municipalPlan, ...cohortPlan]) {
      if (milestone.anchor) continue;
      expect(anchorOf(milestone)).toEqual({ kind: 'days_from_start', days: milestone.offsetDays });
    }
  });

  it('refuses an invalid start date or anchor', () => {
    expect(() => planMilestones(unionPlan, { pairStart: '2026-02-30', participantCategory: null })).toThrow(
      /pairStart/,
    );
    expect(() =>
      planMilestones(unionPlan, { pairStart: '2026-02-02T10:00:00Z', participantCategory: null }),
    ).toThrow(/pairStart/);
    const bad: PlanMilestone = { ...unionPlan[0]!, anchor: { kind: 'meeting', number: 0 } };
    expect(() => planMilestones([bad], { pairStart: '2026-02-02', participantCategory: null })).toThrow(
      /mentor_contact/,
    );
    const badDate: PlanMilestone = { ...unionPlan[0]!, anchor: { kind: 'date', date: '2026-13-01' } };
    expect(() => planMilestones([badDate], { pairStart: '2026-02-02', participantCategory: null })).toThrow();
  });
});

describe('milestoneStatus', () => {
  const [contact] = planMilestones(unionPlan, { pairStart: '2026-02-02', participantCategory: null });

  it.each([
    ['2026-02-01', 'open'], // the day before the start: 8 days before the deadline
    ['2026-02-02', 'due_soon'], // the start day is within the week before the deadline
    ['2026-02-09', 'due_soon'], // the deadline day itself
    ['2026-02-10', 'overdue'],
  ] as const)('on %s the mentor-contact milestone is %s', (today, expected) => {
    expect(milestoneStatus(contact!, { today, doneAt: null, meetingsHeld: 0 })).toBe(expected);
  });

  it(`is open until ${DUE_SOON_DAYS} days before the deadline`, () => {
    const [, first] = planMilestones(unionPlan, { pairStart: '2026-02-02', participantCategory: null });
    expect(milestoneStatus(first!, { today: '2026-02-15', doneAt: null, meetingsHeld: 0 })).toBe('open');
    expect(milestoneStatus(first!, { today: '2026-02-16', doneAt: null, meetingsHeld: 0 })).toBe('due_soon');
  });

  it('is done once marked done, late or not', () => {
    expect(milestoneStatus(contact!, { today: '2026-05-01', doneAt: '2026-04-30', meetingsHeld: 0 })).toBe(
      'done',
    );
    expect(
      milestoneStatus(contact!, { today: '2026-02-03', doneAt: '2026-02-03T09:15:00.000Z', meetingsHeld: 0 }),
    ).toBe('done');
  });

  it('reads today as the date in Sweden: 23:30 UTC on the deadline is already the next day', () => {
    const clock = new TestClock(new Date('2026-02-09T22:30:00Z'));
    expect(clock.today()).toBe('2026-02-09');
    expect(milestoneStatus(contact!, { today: clock.today(), doneAt: null, meetingsHeld: 0 })).toBe(
      'due_soon',
    );
    clock.now = new Date('2026-02-09T23:30:00Z');
    expect(clock.today()).toBe('2026-02-10');
    expect(milestoneStatus(contact!, { today: clock.today(), doneAt: null, meetingsHeld: 0 })).toBe(
      'overdue',
    );
  });

  it('turns the Swedish date at 22:00 UTC in summer and 23:00 UTC in winter', () => {
    expect(todayInSweden(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(todayInSweden(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(todayInSweden(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(todayInSweden(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
    expect(todayInSweden(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
    expect(todayInSweden(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
  });
});

describe("the union template's whole year", () => {
  /** What the mentor and adept mark done, and when (a calendar date in Sweden). */
  const doneOn: Record<string, string> = {
    '2026-02-05': 'mentor_contact',
    '2026-02-25': 'first_conversation',
    '2026-03-10': 'member_meeting',
    '2026-04-15': 'development_plan',
    '2027-02-01': 'end',
    '2027-02-05': 'evaluation',
  };

  function runYear(participantCategory: string | null) {
    const planned = planMilestones(unionPlan, { pairStart: '2026-02-02', participantCategory });
    // A daily job at 05:30 Swedish winter time; summer time moves it to 06:30, the date stays right.
    const clock = new TestClock(new Date('2026-02-02T04:30:00Z'));
    const doneAt: Record<string, string> = {};
    const sent: { milestoneKey: string; kind: ReminderKind }[] = [];
    const log: string[] = [];
    const snapshots: Record<string, Record<string, MilestoneStatus>> = {};
    while (clock.today() <= '2027-03-01') {
      const today = clock.today();
      for (const reminder of dueReminders(planned, { today, meetingsHeld: 0, doneAt, sent })) {
        sent.push({ milestoneKey: reminder.milestoneKey, kind: reminder.kind });
        log.push(`${today} ${reminder.milestoneKey} ${reminder.kind}`);
      }
      const done = doneOn[today];
      if (done && planned.some((m) => m.key === done)) doneAt[done] = today;
      if (['2026-02-24', '2026-03-31', '2026-06-01', '2027-02-03'].includes(today)) {
        snapshots[today] = statuses(planned, today, doneAt);
      }
      clock.nextDay();
    }
    return { log, snapshots, sent };
  }

  it('sends each reminder once, before and after each deadline, and none for what is done', () => {
    const { log, sent } = runYear(ORDINARY_MEMBER);
    expect(log).toEqual([
      '2026-02-02 mentor_contact before_deadline',
      '2026-02-16 first_conversation before_deadline',
      '2026-02-24 first_conversation after_deadline',
      '2026-03-09 member_meeting before_deadline',
      '2026-03-23 development_plan before_deadline',
      '2026-03-31 development_plan after_deadline',
      '2027-01-26 end before_deadline',
      '2027-01-26 evaluation before_deadline',
      '2027-02-03 evaluation after_deadline',
    ]);
    expect(new Set(sent.map((s) => `${s.milestoneKey}/${s.kind}`)).size).toBe(sent.length);
  });

  it('shows deadlines, overdue and done through the year', () => {
    const { snapshots } = runYear(ORDINARY_MEMBER);
    expect(snapshots).toEqual({
      '2026-02-24': {
        mentor_contact: 'done',
        first_conversation: 'overdue',
        member_meeting: 'open',
        development_plan: 'open',
        end: 'open',
        evaluation: 'open',
      },
      '2026-03-31': {
        mentor_contact: 'done',
        first_conversation: 'done',
        member_meeting: 'done',
        development_plan: 'overdue',
        end: 'open',
        evaluation: 'open',
      },
      '2026-06-01': {
        mentor_contact: 'done',
        first_conversation: 'done',
        member_meeting: 'done',
        development_plan: 'done',
        end: 'open',
        evaluation: 'open',
      },
      '2027-02-03': {
        mentor_contact: 'done',
        first_conversation: 'done',
        member_meeting: 'done',
        development_plan: 'done',
        end: 'done',
        evaluation: 'overdue',
      },
    });
  });

  it('has no member-meeting reminders for a deputy', () => {
    const { log } = runYear(DEPUTY);
    expect(log.filter((line) => line.includes('member_meeting'))).toEqual([]);
    expect(log).toHaveLength(8);
  });

  it('does not send a "before" reminder once the deadline has passed', () => {
    const planned = planMilestones(unionPlan, { pairStart: '2026-02-02', participantCategory: null });
    const reminders = dueReminders(planned, { today: '2026-02-17', meetingsHeld: 0, doneAt: {}, sent: [] });
    expect(reminders.map((r) => `${r.milestoneKey} ${r.kind}`)).toEqual([
      'mentor_contact after_deadline',
      'first_conversation before_deadline',
    ]);
    expect(reminders[0]).toEqual({
      milestoneKey: 'mentor_contact',
      kind: 'after_deadline',
      roles: ['mentor'],
      dueDate: '2026-02-09',
    });
  });
});

describe('the five-municipality template: check-in at the 3rd meeting', () => {
  /** What the wiring will hold once the schema can say "at the 3rd meeting". */
  const anchoredPlan: PlanMilestone[] = municipalPlan.map((m) =>
    m.key === 'third_meeting_check_in' ? { ...m, anchor: { kind: 'meeting', number: 3 } } : m,
  );
  const planned = planMilestones(anchoredPlan, { pairStart: '2026-09-01', participantCategory: null });
  const checkIn = planned.find((m) => m.key === 'third_meeting_check_in')!;

  it('has no date, only the meeting', () => {
    expect(checkIn.anchor).toEqual({ kind: 'meeting', number: 3 });
    expect(checkIn.dueDate).toBeNull();
    expect(planned.find((m) => m.key === 'smart_goals')!.dueDate).toBe('2026-10-27');
  });

  it.each([
    [0, 'open'],
    [1, 'open'],
    [2, 'due_soon'],
    // Answered just after the third meeting is on time; the fourth without it is late.
    [3, 'due_soon'],
    [4, 'overdue'],
    [5, 'overdue'],
  ] as const)('after %i meetings it is %s, whatever the date', (meetingsHeld, expected) => {
    for (const today of ['2026-09-02', '2027-08-31']) {
      expect(milestoneStatus(checkIn, { today, doneAt: null, meetingsHeld })).toBe(expected);
    }
  });

  it('is done when marked at the third meeting', () => {
    expect(milestoneStatus(checkIn, { today: '2026-12-01', doneAt: '2026-12-01', meetingsHeld: 3 })).toBe(
      'done',
    );
  });

  it('reminds before the third meeting and once after the fourth if the check-in was not done', () => {
    const sent: { milestoneKey: string; kind: ReminderKind }[] = [];
    const remind = (meetingsHeld: number, doneAt: Record<string, string> = {}) => {
      const found = dueReminders([checkIn], { today: '2026-11-10', meetingsHeld, doneAt, sent });
      sent.push(...found);
      return found.map((r) => r.kind);
    };
    expect(remind(1)).toEqual([]);
    expect(remind(2)).toEqual(['before_deadline']);
    expect(remind(2)).toEqual([]);
    expect(remind(3)).toEqual([]);
    expect(remind(4)).toEqual(['after_deadline']);
    expect(remind(5)).toEqual([]);
    expect(
      dueReminders([checkIn], {
        today: '2026-11-10',
        meetingsHeld: 2,
        doneAt: { third_meeting_check_in: '2026-11-01' },
        sent: [],
      }),
    ).toEqual([]);
  });
});

describe('a fixed-date milestone (cohort programme)', () => {
  const halftime: PlanMilestone = {
    key: 'halftime_seminar',
    title: { sv: 'Halvtidsseminarium', en: 'Half-time seminar' },
    offsetDays: 0,
    roles: ['adept', 'mentor'],
    onlyFor: '',
    anchor: { kind: 'date', date: '2027-01-20' },
  };
  const plan = [...cohortPlan, halftime];

  it('falls on the same date for every pair of the cohort, whenever the pair started', () => {
    for (const pairStart of ['2026-09-07', '2026-09-21', '2026-10-05']) {
      const planned = planMilestones(plan, { pairStart, participantCategory: null });
      expect(planned.find((m) => m.key === 'halftime_seminar')!.dueDate).toBe('2027-01-20');
    }
    const early = planMilestones(plan, { pairStart: '2026-09-07', participantCategory: null });
    expect(early.find((m) => m.key === 'first_meeting')!.dueDate).toBe('2026-10-07');
  });

  it('is due soon in the week before, overdue the day after, and reminded once each', () => {
    const [planned] = planMilestones([halftime], { pairStart: '2026-09-07', participantCategory: null });
    const status = (today: string) => milestoneStatus(planned!, { today, doneAt: null, meetingsHeld: 4 });
    expect(status('2027-01-12')).toBe('open');
    expect(status('2027-01-13')).toBe('due_soon');
    expect(status('2027-01-20')).toBe('due_soon');
    expect(status('2027-01-21')).toBe('overdue');

    const clock = new TestClock(new Date('2027-01-01T05:00:00Z'));
    const sent: { milestoneKey: string; kind: ReminderKind }[] = [];
    const log: string[] = [];
    for (let day = 0; day < 40; day++, clock.nextDay()) {
      for (const r of dueReminders([planned!], { today: clock.today(), meetingsHeld: 4, doneAt: {}, sent })) {
        sent.push(r);
        log.push(`${clock.today()} ${r.kind}`);
      }
    }
    expect(log).toEqual(['2027-01-13 before_deadline', '2027-01-21 after_deadline']);
  });
});
