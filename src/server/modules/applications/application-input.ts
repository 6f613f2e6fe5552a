import type { z } from 'zod';
import { applicationWindow } from '../../../shared/applicationPeriod.ts';
import { formatDate } from '../../../shared/format.ts';
import {
  type ApplyBody,
  applyBodySchema,
  mentorProfileSchema,
  needsProfileSchema,
  profileBasicsSchema,
} from '../../../shared/intake.ts';
import type { ProgrammeSettings, Round } from '../../../shared/programme.ts';
import type { Locale, ParticipantRole } from '../../../shared/roles.ts';
import type { FieldError } from '../../errors.ts';
import { UncheckedBody } from '../../http/validation.ts';

/**
 * What an applicant sent, read so that every problem can be reported at once: the schema's own
 * errors, and the parts that did pass it, one by one, for the checks only the service can make
 * (a required question, the notice version, the application period). A part the schema refused is
 * left out of those checks: its error is already in the list.
 */
export interface ApplyParts {
  /** The whole body, when the schema took it. */
  body: ApplyBody | null;
  schemaErrors: FieldError[];
  role: ParticipantRole | undefined;
  organisationId: string | undefined;
  /** undefined: not readable; null: no round named. */
  roundId: string | null | undefined;
  managingStaffSince: string | null | undefined;
  capacity: number | undefined;
  needsSent: boolean;
  mentorSent: boolean;
  developmentAreas: string[] | undefined;
  competences: string[] | undefined;
  answers: ApplyBody['answers'] | undefined;
  managerSent: boolean;
  managerEmail: string | undefined;
  noticeId: string | undefined;
  consents: string[] | undefined;
  exceptionReason: string | undefined;
}

function part<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function readApplyInput(input: ApplyBody | UncheckedBody): ApplyParts {
  const unchecked = input instanceof UncheckedBody;
  const raw = record(unchecked ? input.raw : input);
  const shape = applyBodySchema.shape;
  const basics = record(raw.basics);
  const needs = record(raw.needs);
  const mentor = record(raw.mentor);
  const manager = record(raw.manager);
  return {
    body: unchecked ? null : input,
    schemaErrors: unchecked ? input.schemaErrors : [],
    role: part(shape.role, raw.role),
    organisationId: part(shape.organisationId, raw.organisationId),
    roundId: part(shape.roundId, raw.roundId),
    managingStaffSince: part(profileBasicsSchema.shape.managingStaffSince, basics.managingStaffSince),
    capacity: part(mentorProfileSchema.shape.capacity, mentor.capacity),
    needsSent: raw.needs !== undefined,
    mentorSent: raw.mentor !== undefined,
    developmentAreas: part(needsProfileSchema.shape.developmentAreas, needs.developmentAreas),
    competences: part(mentorProfileSchema.shape.competences, mentor.competences),
    answers: part(shape.answers, raw.answers),
    managerSent: raw.manager !== undefined,
    managerEmail: part(applyBodySchema.shape.manager.unwrap().shape.email, manager.email),
    noticeId: part(shape.noticeId, raw.noticeId),
    consents: part(shape.consents, raw.consents),
    exceptionReason: part(shape.exceptionReason, raw.exceptionReason) ?? undefined,
  };
}

/**
 * One list of errors: the schema's first, then what the checks found about fields the schema had
 * no complaint about, with the messages on the form's own fields saying what to do.
 */
export function applicationErrors(
  schemaErrors: FieldError[],
  found: FieldError[],
  settings: ProgrammeSettings,
  locale: Locale,
): FieldError[] {
  const seen = new Set(schemaErrors.map((e) => e.field));
  const all = [...schemaErrors, ...found.filter((e) => !seen.has(e.field))];
  const out: FieldError[] = [];
  for (const error of all) {
    for (const specific of namingMessages(error, settings, locale)) {
      if (!out.some((e) => e.field === specific.field && e.message === specific.message)) out.push(specific);
    }
  }
  return out;
}

const missing = new Set(['required', 'too_small_array', 'too_small_string', 'invalid_type']);

/** The generic "Måste fyllas i." on the form's fields, as messages that say what is missing. */
function namingMessages(error: FieldError, settings: ProgrammeSettings, locale: Locale): FieldError[] {
  const { field, message } = error;
  if (!missing.has(message) && !(field === 'manager.email' && message === 'invalid_email')) return [error];
  switch (field) {
    case 'basics.title':
      return [{ field, message: 'apply_title_required' }];
    case 'needs.developmentAreas':
      return [{ field, message: 'apply_areas_required' }];
    case 'needs.goals':
      return [{ field, message: 'apply_goals_required' }];
    case 'mentor.competences':
      return [{ field, message: 'apply_competences_required' }];
    case 'mentor.experienceLevels':
      return [{ field, message: 'apply_levels_required' }];
    case 'manager':
      return [
        { field: 'manager.name', message: 'apply_manager_name_required' },
        { field: 'manager.email', message: 'apply_manager_email_required' },
      ];
    case 'manager.name':
      return [{ field, message: 'apply_manager_name_required' }];
    case 'manager.email':
      return [
        {
          field,
          message:
            message === 'invalid_email' ? 'apply_manager_email_invalid' : 'apply_manager_email_required',
        },
      ];
  }
  const question = field.startsWith('answers.')
    ? settings.applicationQuestions.find((q) => `answers.${q.key}` === field)
    : undefined;
  if (question && message === 'required') {
    const kind =
      question.type === 'text'
        ? 'apply_answer_required'
        : question.type === 'multiple_choice'
          ? 'apply_choices_required'
          : 'apply_choice_required';
    return [{ field, message: kind, params: { question: question.label[locale] } }];
  }
  return [error];
}

/**
 * Whether today falls in the application period of the round applied to, or, when none is named,
 * of one of the programme's rounds (a programme without rounds takes applications while open).
 * The refusal names the dates in the caller's language.
 */
export function periodErrors(
  rounds: readonly Round[],
  roundId: string | null,
  today: string,
  locale: Locale,
): FieldError[] {
  const date = (day: string) => formatDate(day, locale);
  const refuse = (message: string, params: Record<string, string>) => [{ field: 'roundId', message, params }];
  if (roundId !== null) {
    const round = rounds.find((r) => r.id === roundId);
    if (!round) return [];
    if (round.endsOn !== null && round.endsOn < today)
      return refuse('apply_round_ended', { round: round.name });
    if (round.applicationsOpenOn !== null && round.applicationsOpenOn > today) {
      return round.applicationsCloseOn
        ? refuse('apply_opens_between', {
            round: round.name,
            opens: date(round.applicationsOpenOn),
            closes: date(round.applicationsCloseOn),
          })
        : refuse('apply_opens_on', { round: round.name, opens: date(round.applicationsOpenOn) });
    }
    if (round.applicationsCloseOn !== null && round.applicationsCloseOn < today) {
      return refuse('apply_closed_on', { round: round.name, closes: date(round.applicationsCloseOn) });
    }
    return [];
  }
  const window = applicationWindow('open', rounds, today);
  switch (window.state) {
    case 'open':
    case 'not_open':
      return [];
    case 'upcoming':
      return window.closesOn
        ? refuse('apply_opens_between', {
            round: window.round.name,
            opens: date(window.opensOn),
            closes: date(window.closesOn),
          })
        : refuse('apply_opens_on', { round: window.round.name, opens: date(window.opensOn) });
    case 'ended':
      return window.closedOn
        ? refuse('apply_period_over', { closes: date(window.closedOn) })
        : refuse('programme_not_open', {});
  }
}
