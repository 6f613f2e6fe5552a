import { type ApproverName, approversSentence } from '../../../shared/approval-texts.ts';
import type { Eligibility, MentorProfile, ProfileBasics } from '../../../shared/intake.ts';
import type { ProgrammeSettings } from '../../../shared/programme.ts';
import type { Locale, ParticipantRole } from '../../../shared/roles.ts';

/**
 * Whether an applicant meets the programme's rules, and why, in words a coordinator and the
 * applicant both understand. Computed, never stored: training recorded later changes the answer.
 */

export interface EligibilityInput {
  role: ParticipantRole;
  basics: Pick<ProfileBasics, 'managingStaffSince'>;
  mentor: Pick<MentorProfile, 'capacity'> | null;
  /** Keys of the programme's mentor training steps the person has completed. */
  completedTrainingSteps: string[];
  /** The day eligibility is judged on (ISO date). */
  on: string;
  /**
   * Judging an application rather than a pool member: mentor training comes after applying
   * (seed 000), so missing training is for the coordinator to follow, not a reason to refuse.
   */
  applying?: boolean;
  /** The application's approval steps as they stand, by their approvers' names; absent before applying. */
  approvals?: { status: string; approverName: ApproverName }[];
}

/** Whole calendar months from `from` to `to`; a month counts once its day of the month is reached. */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  // 31 January + 1 month is the last day of February: a short month counts once its last day is reached.
  const lastDayOfTargetMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (td < Math.min(fd, lastDayOfTargetMonth)) months -= 1;
  return months;
}

/**
 * Reasons in two forms: to the applicant ("Du har lett medarbetare …") and about them, for those
 * who handle the application ("Har lett medarbetare …"). Approval steps are named by their
 * approvers' names inside whole sentences (shared/approval-texts.ts).
 */
const texts = {
  sv: {
    applicant: {
      monthsMet: (req: number, act: number) =>
        `Du har lett medarbetare i ${formatMonths('sv', act)} (krav: ${formatMonths('sv', req)}).`,
      monthsShort: (req: number, act: number) =>
        `Du har lett medarbetare i ${formatMonths('sv', act)}, men programmet kräver ${formatMonths('sv', req)}.`,
      monthsMissing: (req: number) =>
        `Datum för när du började leda medarbetare saknas (krav: ${formatMonths('sv', req)}).`,
      documented: 'Din erfarenhet ska vara dokumenterad. Koordinatorn kontrollerar underlagen.',
      capacityMet: (req: number, act: number) =>
        `Du kan ta ${adepts('sv', act)} samtidigt (krav: minst ${req}).`,
      capacityShort: (req: number, act: number) =>
        `Du kan ta ${adepts('sv', act)} samtidigt, men programmet kräver minst ${req}.`,
      trainingMet: 'Du har genomfört mentorsutbildningen.',
      trainingMissing: (done: number, total: number) =>
        `Din mentorsutbildning är inte klar (${done} av ${total} steg).`,
      trainingAfterApplying: (done: number, total: number) =>
        `Mentorsutbildningen genomförs efter antagningen (${done} av ${total} steg klara).`,
    },
    about: {
      monthsMet: (req: number, act: number) =>
        `Har lett medarbetare i ${formatMonths('sv', act)} (krav: ${formatMonths('sv', req)}).`,
      monthsShort: (req: number, act: number) =>
        `Har lett medarbetare i ${formatMonths('sv', act)}, men programmet kräver ${formatMonths('sv', req)}.`,
      monthsMissing: (req: number) =>
        `Datum för när sökanden började leda medarbetare saknas (krav: ${formatMonths('sv', req)}).`,
      documented: 'Erfarenheten ska vara dokumenterad. Koordinatorn kontrollerar underlagen.',
      capacityMet: (req: number, act: number) =>
        `Kan ta ${adepts('sv', act)} samtidigt (krav: minst ${req}).`,
      capacityShort: (req: number, act: number) =>
        `Kan ta ${adepts('sv', act)} samtidigt, men programmet kräver minst ${req}.`,
      trainingMet: 'Har genomfört mentorsutbildningen.',
      trainingMissing: (done: number, total: number) =>
        `Mentorsutbildningen är inte klar (${done} av ${total} steg).`,
      trainingAfterApplying: (done: number, total: number) =>
        `Mentorsutbildningen genomförs efter antagningen (${done} av ${total} steg klara).`,
    },
  },
  en: {
    applicant: {
      monthsMet: (req: number, act: number) =>
        `You have managed staff for ${formatMonths('en', act)} (required: ${formatMonths('en', req)}).`,
      monthsShort: (req: number, act: number) =>
        `You have managed staff for ${formatMonths('en', act)}, but the programme requires ${formatMonths('en', req)}.`,
      monthsMissing: (req: number) =>
        `The date you started managing staff is missing (required: ${formatMonths('en', req)}).`,
      documented: 'Your experience must be documented. The coordinator checks the documents.',
      capacityMet: (req: number, act: number) =>
        `You can take ${adepts('en', act)} at once (required: at least ${req}).`,
      capacityShort: (req: number, act: number) =>
        `You can take ${adepts('en', act)} at once, but the programme requires at least ${req}.`,
      trainingMet: 'You have completed the mentor training.',
      trainingMissing: (done: number, total: number) =>
        `Your mentor training is not completed (${done} of ${total} steps).`,
      trainingAfterApplying: (done: number, total: number) =>
        `Mentor training follows admission (${done} of ${total} steps done).`,
    },
    about: {
      monthsMet: (req: number, act: number) =>
        `Has managed staff for ${formatMonths('en', act)} (required: ${formatMonths('en', req)}).`,
      monthsShort: (req: number, act: number) =>
        `Has managed staff for ${formatMonths('en', act)}, but the programme requires ${formatMonths('en', req)}.`,
      monthsMissing: (req: number) =>
        `The date the applicant started managing staff is missing (required: ${formatMonths('en', req)}).`,
      documented: 'The experience must be documented. The coordinator checks the documents.',
      capacityMet: (req: number, act: number) =>
        `Can take ${adepts('en', act)} at once (required: at least ${req}).`,
      capacityShort: (req: number, act: number) =>
        `Can take ${adepts('en', act)} at once, but the programme requires at least ${req}.`,
      trainingMet: 'Has completed the mentor training.',
      trainingMissing: (done: number, total: number) =>
        `Mentor training is not completed (${done} of ${total} steps).`,
      trainingAfterApplying: (done: number, total: number) =>
        `Mentor training follows admission (${done} of ${total} steps done).`,
    },
  },
} as const;

/** Who reads a reason: the applicant, or someone who handles the application. */
export type EligibilityReader = 'applicant' | 'about';

function adepts(locale: Locale, count: number): string {
  if (locale === 'sv') return `${count} ${count === 1 ? 'adept' : 'adepter'}`;
  return `${count} ${count === 1 ? 'adept' : 'adepts'}`;
}

function formatMonths(locale: Locale, months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (locale === 'sv') {
    const y = years > 0 ? `${years} år` : '';
    const m = rest > 0 || years === 0 ? `${rest} ${rest === 1 ? 'månad' : 'månader'}` : '';
    return [y, m].filter(Boolean).join(' och ');
  }
  const y = years > 0 ? `${years} ${years === 1 ? 'year' : 'years'}` : '';
  const m = rest > 0 || years === 0 ? `${rest} ${rest === 1 ? 'month' : 'months'}` : '';
  return [y, m].filter(Boolean).join(' and ');
}

export function assessEligibility(
  settings: ProgrammeSettings,
  input: EligibilityInput,
  locale: Locale,
  reader: EligibilityReader = 'about',
): Eligibility {
  const rules = settings.eligibility[input.role];
  const t = texts[locale][reader];
  const checks: Eligibility['checks'] = [];

  // The approvals the programme asks for are part of why someone is, or is not yet, eligible (seed 004).
  const steps = settings.approvalSteps.filter((step) => step.appliesTo.includes(input.role));
  if (steps.length > 0) {
    const approvals = input.approvals;
    const declined = approvals?.filter((a) => a.status === 'declined') ?? [];
    const waiting = approvals?.filter((a) => a.status === 'pending' || a.status === 'waiting') ?? [];
    const base = { rule: 'approvals' as const, required: steps.length };
    const names = (list: { approverName: ApproverName }[]) => list.map((a) => a.approverName);
    if (!approvals) {
      checks.push({
        ...base,
        met: null,
        actual: 0,
        text: approversSentence(locale, 'toCome', names(steps)),
      });
    } else if (declined.length > 0) {
      checks.push({
        ...base,
        met: false,
        actual: 0,
        text: approversSentence(locale, 'declinedAll', names(declined)),
      });
    } else if (waiting.length > 0) {
      const done = approvals.length - waiting.length;
      checks.push({
        ...base,
        met: null,
        actual: done,
        text: approversSentence(locale, 'waitingAll', names(waiting)),
      });
    } else {
      checks.push({
        ...base,
        met: true,
        actual: approvals.length,
        text: approversSentence(locale, 'approvedAll', names(approvals)),
      });
    }
  }

  if (rules.minMonthsManagingStaff !== null) {
    const required = rules.minMonthsManagingStaff;
    const since = input.basics.managingStaffSince;
    if (!since) {
      checks.push({
        rule: 'min_months_managing_staff',
        met: false,
        required,
        actual: null,
        text: t.monthsMissing(required),
      });
    } else {
      const actual = Math.max(0, wholeMonthsBetween(since, input.on));
      const met = actual >= required;
      checks.push({
        rule: 'min_months_managing_staff',
        met,
        required,
        actual,
        text: met ? t.monthsMet(required, actual) : t.monthsShort(required, actual),
      });
    }
  }
  if (rules.experienceMustBeDocumented) {
    checks.push({
      rule: 'documented_experience',
      met: null,
      required: null,
      actual: null,
      text: t.documented,
    });
  }
  if (input.role === 'mentor' && rules.minCapacity !== null) {
    const required = rules.minCapacity;
    const actual = input.mentor?.capacity ?? 0;
    const met = actual >= required;
    checks.push({
      rule: 'min_capacity',
      met,
      required,
      actual,
      text: met ? t.capacityMet(required, actual) : t.capacityShort(required, actual),
    });
  }
  if (input.role === 'mentor' && rules.requiresMentorTraining) {
    const steps = settings.mentorTraining.steps.map((s) => s.key);
    const done = steps.filter((key) => input.completedTrainingSteps.includes(key)).length;
    const complete = done === steps.length;
    checks.push({
      rule: 'mentor_training',
      met: complete ? true : input.applying ? null : false,
      required: steps.length,
      actual: done,
      text: complete
        ? t.trainingMet
        : input.applying
          ? t.trainingAfterApplying(done, steps.length)
          : t.trainingMissing(done, steps.length),
    });
  }
  return { eligible: checks.every((c) => c.met !== false), checks };
}
