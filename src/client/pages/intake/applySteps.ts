import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { emailSchema, Limits, personNameSchema } from '../../../shared/api.ts';
import {
  type ApplyBody,
  IntakeLimits,
  type MentorProfile,
  mentorProfileSchema,
  type NeedsProfile,
  needsProfileSchema,
  type ProfileBasics,
  profileBasicsSchema,
} from '../../../shared/intake.ts';
import type { ApplicationQuestion, ProgrammeSettings } from '../../../shared/programme.ts';
import type { Locale, ParticipantRole } from '../../../shared/roles.ts';
import { localized } from '../../format.ts';

/**
 * The application form in steps of one topic each: about you, your needs (or you as a mentor), the
 * programme's questions, your manager, personal data. Then a page to check the answers, and the
 * confirmation. Each step checks its own fields when the person goes on, with the shared schemas,
 * in the page's language; the server checks everything again and answers every problem at once.
 */

export type StepKey = 'about' | 'profile' | 'questions' | 'manager' | 'consent';
/** A step, or the page to check the answers before sending. */
export type ApplyPageKey = StepKey | 'check';

export type Answer = ApplyBody['answers'][string];

export interface Draft {
  organisationId: string;
  roundId: string | null;
  basics: ProfileBasics;
  needs: NeedsProfile;
  mentor: MentorProfile;
  answers: Record<string, Answer>;
  manager: { name: string; email: string };
  exceptionReason: string;
  acknowledged: boolean;
  consents: string[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

export function questionsFor(settings: ProgrammeSettings, role: ParticipantRole): ApplicationQuestion[] {
  return settings.applicationQuestions.filter((q) => q.forRoles.includes(role));
}

export function asksManager(settings: ProgrammeSettings, role: ParticipantRole): boolean {
  return settings.approvalSteps.some((step) => step.approver === 'manager' && step.appliesTo.includes(role));
}

/** The steps this programme asks of this role, in order. */
export function applySteps(settings: ProgrammeSettings, role: ParticipantRole): StepKey[] {
  const steps: StepKey[] = ['about', 'profile'];
  if (questionsFor(settings, role).length > 0) steps.push('questions');
  if (asksManager(settings, role)) steps.push('manager');
  steps.push('consent');
  return steps;
}

/** The step that holds a field the server names; the check page for what belongs to no step. */
export function stepOfField(field: string): ApplyPageKey {
  const [head] = field.split('.');
  switch (head) {
    case 'organisationId':
    case 'roundId':
    case 'basics':
      return 'about';
    case 'needs':
    case 'mentor':
      return 'profile';
    case 'answers':
      return 'questions';
    case 'manager':
      return 'manager';
    case 'noticeId':
    case 'consents':
      return 'consent';
    default:
      return 'check';
  }
}

/** The label a field has on its step, for messages and the summaries of other pages. */
export function fieldLabel(
  field: string,
  t: TFunction,
  locale: Locale,
  questions: readonly ApplicationQuestion[],
): string | undefined {
  if (field.startsWith('answers.')) {
    const question = questions.find((q) => `answers.${q.key}` === field);
    return question ? localized(question.label, locale) : undefined;
  }
  const key = labelKeys[field];
  return key ? t(key) : undefined;
}

const labelKeys: Record<string, string> = {
  organisationId: 'intake.apply.organisation',
  roundId: 'intake.apply.round',
  'basics.title': 'intake.basics.title',
  'basics.managementLevel': 'intake.basics.managementLevel',
  'basics.staffCount': 'intake.basics.staffCount',
  'basics.managingStaffSince': 'intake.basics.managingStaffSince',
  'basics.sector': 'intake.basics.sector',
  'basics.gender': 'intake.basics.gender',
  'basics.languages': 'intake.basics.languages',
  'basics.meetingPlaces': 'intake.basics.meetingPlaces',
  'basics.maxTravelMinutes': 'intake.basics.maxTravelMinutes',
  'needs.developmentAreas': 'intake.needs.developmentAreas',
  'needs.goals': 'intake.needs.goals',
  'needs.wishes.sector': 'intake.needs.wishSector',
  'needs.wishes.level': 'intake.needs.wishLevel',
  'needs.wishes.gender': 'intake.needs.wishGender',
  'needs.wishes.otherOrganisation': 'intake.needs.wishOtherOrganisation',
  'needs.wishes.other': 'intake.needs.wishOther',
  'mentor.competences': 'intake.mentor.competences',
  'mentor.experienceLevels': 'intake.mentor.experienceLevels',
  'mentor.sectors': 'intake.mentor.sectors',
  'mentor.capacity': 'intake.mentor.capacity',
  'mentor.meetingPreferences': 'intake.mentor.meetingPreferences',
  'mentor.presentation': 'intake.mentor.presentation',
  'manager.name': 'intake.apply.managerName',
  'manager.email': 'intake.apply.managerEmail',
  noticeId: 'intake.apply.acknowledge',
  consents: 'intake.apply.consentsLegend',
  exceptionReason: 'intake.apply.exceptionReason',
};

/** Messages that say what to do, for the fields that must be filled in; others say the limit. */
const missingKeys: Record<string, string> = {
  'basics.title': 'intake.apply.errors.title',
  'basics.staffCount': 'intake.apply.errors.staffCount',
  'basics.managingStaffSince': 'intake.apply.errors.since',
  'basics.maxTravelMinutes': 'intake.apply.errors.travel',
  'needs.developmentAreas': 'intake.apply.errors.areas',
  'needs.goals': 'intake.apply.errors.goals',
  'mentor.competences': 'intake.apply.errors.competences',
  'mentor.experienceLevels': 'intake.apply.errors.levels',
  'mentor.capacity': 'intake.apply.errors.capacity',
  'manager.name': 'intake.apply.errors.managerName',
  'manager.email': 'intake.apply.errors.managerEmail',
};

interface Context {
  settings: ProgrammeSettings;
  role: ParticipantRole;
  /** The applicant's own address: the manager is someone else. */
  ownEmail: string;
  t: TFunction;
  locale: Locale;
}

/** A schema issue's path as the form's field: lists are one field ("basics.languages"). */
function fieldOf(prefix: string, path: readonly PropertyKey[]): string {
  const parts: string[] = [prefix];
  for (const part of path) {
    if (typeof part === 'number') break;
    parts.push(String(part));
  }
  return parts.join('.');
}

function messageFor(field: string, issue: z.core.$ZodIssue, ctx: Context): string {
  const { t } = ctx;
  const label = fieldLabel(field, t, ctx.locale, []) ?? field;
  const isList = ['basics.languages', 'basics.meetingPlaces', 'mentor.sectors'].includes(field);
  if (isList) {
    return t('intake.apply.errors.list', {
      label,
      count: IntakeLimits.listMax,
      max: IntakeLimits.shortTextMax,
    });
  }
  if (field === 'manager.email') return t('intake.apply.errors.managerEmailInvalid');
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return t('intake.apply.errors.tooLong', { label, max: Number(issue.maximum).toLocaleString('sv-SE') });
  }
  const specific = missingKeys[field];
  if (specific) {
    return t(specific, {
      max: (field === 'basics.staffCount'
        ? IntakeLimits.staffCountMax
        : field === 'mentor.capacity'
          ? IntakeLimits.capacityMax
          : IntakeLimits.travelMinutesMax
      ).toLocaleString('sv-SE'),
    });
  }
  return t('intake.apply.errors.invalid', { label });
}

function schemaProblems(prefix: string, schema: z.ZodType, value: unknown, ctx: Context): FieldProblem[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  const problems: FieldProblem[] = [];
  for (const issue of parsed.error.issues) {
    const field = fieldOf(prefix, issue.path);
    if (!problems.some((p) => p.field === field))
      problems.push({ field, message: messageFor(field, issue, ctx) });
  }
  return problems;
}

function isEmpty(answer: Answer | undefined): boolean {
  if (answer === undefined) return true;
  if (typeof answer === 'string') return answer.trim().length === 0;
  if (Array.isArray(answer)) return answer.length === 0;
  return false;
}

function questionProblems(draft: Draft, ctx: Context): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const question of questionsFor(ctx.settings, ctx.role)) {
    const field = `answers.${question.key}`;
    const answer = draft.answers[question.key];
    const label = localized(question.label, ctx.locale);
    if (isEmpty(answer)) {
      if (!question.required) continue;
      const key =
        question.type === 'text'
          ? 'intake.apply.errors.answer'
          : question.type === 'multiple_choice'
            ? 'intake.apply.errors.choices'
            : 'intake.apply.errors.choice';
      problems.push({ field, message: ctx.t(key, { question: label }) });
    } else if (typeof answer === 'string' && answer.length > IntakeLimits.textMax) {
      problems.push({
        field,
        message: ctx.t('intake.apply.errors.tooLong', {
          label,
          max: IntakeLimits.textMax.toLocaleString('sv-SE'),
        }),
      });
    }
  }
  return problems;
}

const managerSchemas = { name: personNameSchema, email: emailSchema };

/** What is wrong on one step, every problem at once, in the page's language. */
export function stepProblems(step: ApplyPageKey, draft: Draft, ctx: Context): FieldProblem[] {
  switch (step) {
    case 'about':
      return schemaProblems('basics', profileBasicsSchema, draft.basics, ctx);
    case 'profile':
      return ctx.role === 'adept'
        ? schemaProblems('needs', needsProfileSchema, draft.needs, ctx)
        : schemaProblems('mentor', mentorProfileSchema, draft.mentor, ctx);
    case 'questions':
      return questionProblems(draft, ctx);
    case 'manager': {
      const email = draft.manager.email.trim();
      const problems = [
        ...schemaProblems('manager.name', managerSchemas.name, draft.manager.name, ctx),
        ...(email === ''
          ? [{ field: 'manager.email', message: ctx.t('intake.apply.errors.managerEmail') }]
          : schemaProblems('manager.email', managerSchemas.email, email, ctx)),
      ];
      if (
        !problems.some((p) => p.field === 'manager.email') &&
        draft.manager.email.trim().toLowerCase() === ctx.ownEmail.toLowerCase()
      ) {
        problems.push({ field: 'manager.email', message: ctx.t('intake.apply.errors.managerSelf') });
      }
      return problems;
    }
    case 'consent':
      return draft.acknowledged
        ? []
        : [{ field: 'noticeId', message: ctx.t('intake.apply.mustAcknowledge') }];
    case 'check':
      return [];
  }
}

export const nameLimit = Limits.nameMax;

/** A page's heading: the topic of its step ("Vad du vill utveckla"), or "Kontrollera dina svar". */
export function stepTitle(page: ApplyPageKey, role: ParticipantRole, t: TFunction): string {
  return page === 'profile' ? t(`intake.apply.steps.profile.${role}`) : t(`intake.apply.steps.${page}`);
}
