import { z } from 'zod';
import { defaultConfidentialityText, defaultContractQuestions } from './contract-texts.ts';
import { participantRoleSchema } from './roles.ts';
import { multiLineText, singleLineText } from './text.ts';

/** Named limits, so that the server and the form agree on them. */
export const ProgrammeLimits = {
  nameMax: 120,
  descriptionMax: 4000,
  textMax: 500,
  keyMax: 40,
  milestonesMax: 40,
  eventsMax: 30,
  approvalStepsMax: 5,
  approverNameMax: 100,
  trainingStepsMax: 10,
  readingMax: 20,
  /** Mentor-book retention after closing, in months (the default: one year). */
  retentionMonthsDefault: 12,
  retentionMonthsMax: 120,
  offsetDaysMax: 3 * 365,
  durationMonthsMax: 36,
  feeOreMax: 100_000_000, // 1 000 000 kr
  developmentAreasMax: 40,
  questionsMax: 30,
} as const;

const text = multiLineText.max(ProgrammeLimits.textMax);
const requiredText = text.min(1);
/** Text shown to participants, in both interface languages. */
export const localizedTextSchema = z.object({ sv: requiredText, en: requiredText });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const key = z
  .string()
  .trim()
  .min(1)
  .max(ProgrammeLimits.keyMax)
  .regex(/^[a-z0-9_-]+$/, 'key_format');

export const intakeModes = ['continuous', 'cohort', 'appointed'] as const;
export const crossOrganisationRules = ['required', 'preferred', 'allowed'] as const;
export const approvers = ['manager', 'hr', 'coordinator', 'board'] as const;
export const milestoneRoles = ['adept', 'mentor', 'manager', 'coordinator'] as const;
export const eventKinds = [
  'kickoff',
  'halftime',
  'final',
  'training',
  'experience_exchange',
  'other',
] as const;
export const feeBases = ['none', 'per_adept', 'per_adept_per_year', 'per_organisation_per_round'] as const;

export const roleEligibilitySchema = z.object({
  /** Months the applicant must have managed staff; null for no such rule. */
  minMonthsManagingStaff: z.number().int().min(0).max(600).nullable(),
  /** Whether the applicant must show documents for that experience (police: "dokumenterad"). */
  experienceMustBeDocumented: z.boolean(),
  /** The least number of adepts a mentor must be able to take at once; null for adepts. */
  minCapacity: z.number().int().min(1).max(20).nullable(),
  requiresMentorTraining: z.boolean(),
  /** A plain-language statement of further criteria shown on the application form. */
  otherCriteria: text,
});

/**
 * Who approves, as a noun phrase that fits after "av" / "by" in any sentence: "kommunens ansvariga
 * chef", "the municipality's responsible manager". Never a sentence of its own: no verb, no full stop.
 */
const approverNameText = z
  .string()
  .trim()
  .min(1)
  .max(ProgrammeLimits.approverNameMax)
  .regex(/^[^\n.!?:;]*$/, 'approver_name_phrase');

export const approvalStepSchema = z.object({
  key,
  approver: z.enum(approvers),
  appliesTo: z.array(participantRoleSchema).min(1),
  /** The approver's name, written to fit inside sentences ("Väntar på godkännande av {{approver}}"). */
  approverName: z.object({ sv: approverNameText, en: approverNameText }),
  /** What the approver confirms, as a whole sentence shown on its own (optional). */
  description: localizedTextSchema.nullable().default(null),
});
export type ApprovalStep = z.infer<typeof approvalStepSchema>;

export const trainingStepSchema = z.object({
  key,
  title: localizedTextSchema,
  /** Meetings with an adept the step asks for (a practice assignment), or null. */
  practiceMeetings: z.number().int().min(1).max(20).nullable(),
});

/**
 * When a milestone is due, when not simply `offsetDays` after the pair's start:
 * - `days_from_start`: that many calendar days after the pair's start (the union's "within 3 weeks");
 * - `meeting`: at the pair's Nth held meeting (the municipalities' check-in at the 3rd meeting);
 * - `date`: on a fixed date (a cohort's half-time seminar).
 */
export const milestoneAnchorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('days_from_start'),
    days: z.number().int().min(0).max(ProgrammeLimits.offsetDaysMax),
  }),
  z.object({ kind: z.literal('meeting'), number: z.number().int().min(1).max(100) }),
  z.object({ kind: z.literal('date'), date: z.iso.date() }),
]);
export type MilestoneAnchorSetting = z.infer<typeof milestoneAnchorSchema>;

/**
 * Facts that complete a milestone by themselves, read when the checklist is shown: the first meeting
 * held, the contract or the confidentiality agreement signed by both, the check-in answered by both,
 * the pair closed.
 */
export const milestoneCompletions = [
  'first_meeting_held',
  'contract_signed',
  'confidentiality_signed',
  'checkin_answered',
  'pair_closed',
] as const;

export const milestoneSchema = z.object({
  key,
  title: localizedTextSchema,
  /** Days after the pair's start by which this must be done (the deadline unless `anchor` says otherwise). */
  offsetDays: z.number().int().min(0).max(ProgrammeLimits.offsetDaysMax),
  /** Who is responsible. */
  roles: z.array(z.enum(milestoneRoles)).min(1),
  /** A participant category this milestone is limited to (e.g. "ordinary members"), or empty for everyone. */
  onlyFor: text,
  /**
   * How the limit in `onlyFor` is decided: the adept's answer to one of the programme's application
   * questions (e.g. member-type = ordinary). Without it, a non-empty `onlyFor` keeps the milestone
   * from every pair.
   */
  onlyForAnswer: z.object({ question: key, option: key }).nullable().optional(),
  /** A meeting number or a fixed date instead of `offsetDays`; absent or null: `offsetDays`. */
  anchor: milestoneAnchorSchema.nullable().optional(),
  /** A fact that completes the milestone by itself; absent or null: the pair marks it done. */
  completesOn: z.enum(milestoneCompletions).nullable().optional(),
});

export const plannedEventSchema = z.object({
  key,
  kind: z.enum(eventKinds),
  title: localizedTextSchema,
  /** Days after the round's start, or null when it is scheduled separately. */
  offsetDays: z.number().int().min(0).max(ProgrammeLimits.offsetDaysMax).nullable(),
  durationHours: z.number().min(0.5).max(24).nullable(),
  forRoles: z.array(participantRoleSchema).min(1),
});

/** Keys identify items for later features (a milestone's deadlines, an event's registrations). */
const uniqueKeys =
  () =>
  <T extends { key: string }>(items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.key)) {
        ctx.addIssue({ code: 'custom', path: [index, 'key'], message: 'duplicate' });
      }
      seen.add(item.key);
    });
  };

export const questionTypes = ['text', 'choice', 'multiple_choice', 'scale'] as const;
export const legalBasisKeys = [
  'public_task',
  'employment',
  'legal_obligation',
  'legitimate_interest',
  'consent',
] as const;

export const developmentAreaSchema = z.object({ key, label: localizedTextSchema });

/** What a match is scored on; the matching engine's criteria, in its order. */
export const matchingCriteria = [
  'developmentAreas',
  'managementLevel',
  'sector',
  'language',
  'travel',
  'wishedLevel',
  'wishedGender',
  'otherOrganisation',
  'mentorWishes',
] as const;
export type MatchingCriterion = (typeof matchingCriteria)[number];

/** The matching engine's default weights (they add up to 1000, shown as 0–100). */
export const defaultMatchingWeights: Record<MatchingCriterion, number> = {
  developmentAreas: 300,
  managementLevel: 150,
  sector: 100,
  language: 100,
  travel: 150,
  wishedLevel: 60,
  wishedGender: 60,
  otherOrganisation: 40,
  mentorWishes: 40,
};

const weight = z.number().int().min(0).max(1000);
export const matchingWeightsSchema = z
  .object({
    developmentAreas: weight,
    managementLevel: weight,
    sector: weight,
    language: weight,
    travel: weight,
    wishedLevel: weight,
    wishedGender: weight,
    otherOrganisation: weight,
    mentorWishes: weight,
  })
  .refine((w) => Object.values(w).some((v) => v > 0), { message: 'weights_all_zero' });
export type MatchingWeights = z.infer<typeof matchingWeightsSchema>;

/** Who makes the first contact once a pair is introduced (seed 000: the adept; seed 001: the mentor). */
export const firstContactRoles = ['adept', 'mentor'] as const;

/** A programme's own question on the application form, beside the built-in fields. */
export const applicationQuestionSchema = z
  .object({
    key,
    forRoles: z.array(participantRoleSchema).min(1),
    type: z.enum(questionTypes),
    label: localizedTextSchema,
    options: z.array(z.object({ key, label: localizedTextSchema })).max(20),
    /** Highest value of a scale question (from 1). */
    scaleMax: z.number().int().min(2).max(10).nullable(),
    required: z.boolean(),
    /** Private answers are not shown to approvers (the applicant's manager, HR). */
    private: z.boolean(),
  })
  .refine((q) => !['choice', 'multiple_choice'].includes(q.type) || q.options.length >= 2, {
    path: ['options'],
    message: 'choice_needs_options',
  })
  .refine((q) => q.type !== 'scale' || q.scaleMax !== null, { path: ['scaleMax'], message: 'required' });
export type ApplicationQuestion = z.infer<typeof applicationQuestionSchema>;

export const privacyPurposeSettingSchema = z.object({
  key,
  label: localizedTextSchema,
  legalBasis: z.enum(legalBasisKeys),
  /** Optional purposes ask explicit, withdrawable consent; the others rest on their legal basis. */
  optional: z.boolean(),
});

const noticeText = z.object({
  sv: multiLineText.min(1).max(ProgrammeLimits.descriptionMax),
  en: multiLineText.min(1).max(ProgrammeLimits.descriptionMax),
});

export const defaultDevelopmentAreas: z.infer<typeof developmentAreaSchema>[] = [
  { key: 'leading-leaders', label: { sv: 'Att leda chefer', en: 'Leading leaders' } },
  { key: 'change', label: { sv: 'Förändringsarbete', en: 'Leading change' } },
  { key: 'conflict', label: { sv: 'Konflikthantering', en: 'Conflict handling' } },
  { key: 'work-environment', label: { sv: 'Arbetsmiljö', en: 'Work environment' } },
  { key: 'stress', label: { sv: 'Stress och prioritering', en: 'Stress and prioritising' } },
  { key: 'budget', label: { sv: 'Budget och styrning', en: 'Budget and steering' } },
  { key: 'recruitment', label: { sv: 'Rekrytering', en: 'Recruitment' } },
  { key: 'communication', label: { sv: 'Kommunikation', en: 'Communication' } },
  { key: 'role', label: { sv: 'Chefsrollen och att vara ny chef', en: 'The manager role, being new' } },
];

export const defaultPrivacy = {
  noticeText: {
    sv:
      'Vi behandlar dina personuppgifter för att administrera mentorprogrammet: din ansökan, godkännanden, matchning, ' +
      'uppföljning och statistik. Behandlingen grundar sig på vårt uppdrag som arbetsgivare och offentlig verksamhet; ' +
      'det som är frivilligt frågar vi särskilt om, och du kan när som helst ta tillbaka ett samtycke. Statistik redovisas ' +
      'bara i grupper om minst fem personer. Innehållet i mentorboken stannar mellan dig och din mentor eller adept. ' +
      'Du har rätt att få ut de uppgifter vi har om dig och att begära rättelse. Uppgifterna gallras enligt ' +
      'organisationens informationshanteringsplan.',
    en:
      'We process your personal data to run the mentor programme: your application, approvals, matching, follow-up ' +
      'and statistics. The processing rests on our task as employer and public body; what is optional we ask ' +
      'separately, and you can withdraw a consent at any time. Statistics are only reported for groups of at least five ' +
      'people. The content of the mentor book stays between you and your mentor or adept. You have the right to a copy of ' +
      'the data we hold about you and to have it corrected. Data is disposed of according to the organisation’s records ' +
      'management plan.',
  },
  purposes: [
    {
      key: 'administration',
      label: {
        sv: 'Administrera programmet (ansökan, matchning, uppföljning)',
        en: 'Running the programme (application, matching, follow-up)',
      },
      legalBasis: 'public_task',
      optional: false,
    },
    {
      key: 'statistics',
      label: { sv: 'Statistik i grupper om minst fem', en: 'Statistics in groups of at least five' },
      legalBasis: 'public_task',
      optional: false,
    },
    {
      key: 'follow-up-contact',
      label: {
        sv: 'Bli kontaktad för uppföljning efter programmet',
        en: 'Being contacted for follow-up after the programme',
      },
      legalBasis: 'consent',
      optional: true,
    },
  ],
} satisfies {
  noticeText: { sv: string; en: string };
  purposes: z.infer<typeof privacyPurposeSettingSchema>[];
};

export const programmeSettingsSchema = z
  .object({
    intake: z.object({
      mode: z.enum(intakeModes),
      /** Days after which a pending approval is reminded by mail. */
      approvalReminderDays: z.number().int().min(1).max(60).default(5),
    }),
    developmentAreas: z
      .array(developmentAreaSchema)
      .min(1)
      .max(ProgrammeLimits.developmentAreasMax)
      .superRefine(uniqueKeys())
      .default(defaultDevelopmentAreas),
    applicationQuestions: z
      .array(applicationQuestionSchema)
      .max(ProgrammeLimits.questionsMax)
      .superRefine(uniqueKeys())
      .default([]),
    privacy: z
      .object({
        noticeText,
        purposes: z.array(privacyPurposeSettingSchema).min(1).max(10).superRefine(uniqueKeys()),
      })
      .default(defaultPrivacy),
    eligibility: z.object({
      adept: roleEligibilitySchema,
      mentor: roleEligibilitySchema,
      /** Whether an application that fails a rule can still be submitted, flagged for the coordinator. */
      allowExceptions: z.boolean(),
    }),
    approvalSteps: z
      .array(approvalStepSchema)
      .max(ProgrammeLimits.approvalStepsMax)
      .superRefine(uniqueKeys()),
    mentorTraining: z.object({
      steps: z.array(trainingStepSchema).max(ProgrammeLimits.trainingStepsMax).superRefine(uniqueKeys()),
      yearlyExperienceExchange: z.boolean(),
    }),
    matching: z.object({
      crossOrganisation: z.enum(crossOrganisationRules),
      /** Never match an adept with someone they depend on (line manager or similar). */
      excludeDependency: z.boolean(),
      /** Mentor must be at or above the adept's management level. */
      mentorLevelAtLeastAdept: z.boolean(),
      /** An advisor the pair can turn to when problems arise (seed 001: the division chair). */
      advisorRole: text,
      /** How much each criterion weighs in a match's score (the administrator's to change). */
      weights: matchingWeightsSchema.default(defaultMatchingWeights),
      /** Who gets in touch first after the introduction mail. */
      firstContact: z.enum(firstContactRoles).default('adept'),
    }),
    duration: z.object({
      months: z.number().int().min(1).max(ProgrammeLimits.durationMonthsMax),
      /** Months an extension adds, or null when the programme cannot be extended. */
      extensionMonths: z.number().int().min(1).max(ProgrammeLimits.durationMonthsMax).nullable(),
      maxExtensions: z.number().int().min(0).max(5),
    }),
    cadence: z
      .object({
        meetingEveryWeeksMin: z.number().int().min(1).max(26),
        meetingEveryWeeksMax: z.number().int().min(1).max(26),
        meetingHoursMin: z.number().min(0.25).max(8),
        meetingHoursMax: z.number().min(0.25).max(8),
        expectedMeetings: z.number().int().min(1).max(100).nullable(),
        usualPlace: text,
      })
      .refine((c) => c.meetingEveryWeeksMin <= c.meetingEveryWeeksMax, {
        path: ['meetingEveryWeeksMax'],
        message: 'not_below_min',
      })
      .refine((c) => c.meetingHoursMin <= c.meetingHoursMax, {
        path: ['meetingHoursMax'],
        message: 'not_below_min',
      }),
    processPlan: z.array(milestoneSchema).max(ProgrammeLimits.milestonesMax).superRefine(uniqueKeys()),
    events: z.array(plannedEventSchema).max(ProgrammeLimits.eventsMax).superRefine(uniqueKeys()),
    fee: z.object({
      basis: z.enum(feeBases),
      /** Integer öre, excluding VAT. */
      amountOre: z.number().int().min(0).max(ProgrammeLimits.feeOreMax),
      note: text,
    }),
    documents: z.object({
      contract: z.boolean(),
      confidentialityAgreement: z.boolean(),
      ethicsGuidelines: z.boolean(),
      mentorBook: z.boolean(),
      leaderProfile: z.boolean(),
      recommendedReading: z.array(requiredText).max(ProgrammeLimits.readingMax),
      /**
       * The retention rule for the mentor book: what the pair has not cleared themselves is deleted,
       * and the pair's content key shredded, this many months after the pair was closed.
       */
      retentionMonthsAfterClosing: z
        .number()
        .int()
        .min(1)
        .max(ProgrammeLimits.retentionMonthsMax)
        .default(ProgrammeLimits.retentionMonthsDefault),
      /** The collaboration contract's questions, answered by the pair together (seed 001). */
      contractQuestions: z
        .array(z.object({ key, label: localizedTextSchema }))
        .max(ProgrammeLimits.questionsMax)
        .superRefine(uniqueKeys())
        .default(defaultContractQuestions),
      /** Fixed rules the contract states before the questions (seed 000's police rules). */
      contractRules: z.array(localizedTextSchema).max(ProgrammeLimits.questionsMax).default([]),
      /** The confidentiality agreement both sign (seed 004). */
      confidentialityText: noticeText.default(defaultConfidentialityText),
    }),
  })
  .strict();

export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type PlannedEvent = z.infer<typeof plannedEventSchema>;

export const programmeStatuses = ['draft', 'open', 'closed'] as const;
export const programmeStatusSchema = z.enum(programmeStatuses);

export const programmeTemplateKeys = [
  'police_pool',
  'union_branch',
  'municipal_individual',
  'agency_cohort',
] as const;
export const programmeTemplateKeySchema = z.enum(programmeTemplateKeys);
export type ProgrammeTemplateKey = z.infer<typeof programmeTemplateKeySchema>;

const isoDate = z.iso.date();

export const programmeNameSchema = singleLineText.min(1).max(ProgrammeLimits.nameMax);

export const createProgrammeBodySchema = z.object({
  templateKey: programmeTemplateKeySchema,
  name: programmeNameSchema,
  description: multiLineText.max(ProgrammeLimits.descriptionMax).optional(),
});

export const updateProgrammeBodySchema = z.object({
  name: programmeNameSchema,
  description: multiLineText.max(ProgrammeLimits.descriptionMax),
  status: programmeStatusSchema,
  settings: programmeSettingsSchema,
});

export const programmeSchema = z.object({
  id: z.string(),
  networkId: z.string(),
  templateKey: programmeTemplateKeySchema,
  name: z.string(),
  description: z.string(),
  status: programmeStatusSchema,
  settings: programmeSettingsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Programme = z.infer<typeof programmeSchema>;

export const programmeTemplateSchema = z.object({
  key: programmeTemplateKeySchema,
  name: localizedTextSchema,
  description: localizedTextSchema,
  settings: programmeSettingsSchema,
});
export type ProgrammeTemplate = z.infer<typeof programmeTemplateSchema>;

export const roundBodySchema = z
  .object({
    name: singleLineText.min(1).max(ProgrammeLimits.nameMax),
    startsOn: isoDate,
    endsOn: isoDate.nullable(),
    applicationsOpenOn: isoDate.nullable(),
    applicationsCloseOn: isoDate.nullable(),
  })
  .refine((r) => r.endsOn === null || r.endsOn >= r.startsOn, {
    path: ['endsOn'],
    message: 'not_before_start',
  })
  .refine(
    (r) =>
      r.applicationsOpenOn === null ||
      r.applicationsCloseOn === null ||
      r.applicationsCloseOn >= r.applicationsOpenOn,
    { path: ['applicationsCloseOn'], message: 'not_before_start' },
  );

export const roundSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  applicationsOpenOn: z.string().nullable(),
  applicationsCloseOn: z.string().nullable(),
});
export type Round = z.infer<typeof roundSchema>;
