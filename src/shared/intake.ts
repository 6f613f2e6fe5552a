import { z } from 'zod';
import { emailSchema, personNameSchema } from './api.ts';
import {
  applicationQuestionSchema,
  developmentAreaSchema,
  localizedTextSchema,
  privacyPurposeSettingSchema,
} from './programme.ts';
import { managementLevelSchema, participantRoleSchema } from './roles.ts';
import { multiLineText, singleLineText, untrimmedMultiLine, untrimmedSingleLine } from './text.ts';

/** Intake: profiles, applications, eligibility, approvals, consent and the mentor pool. */

export const IntakeLimits = {
  textMax: 2000,
  shortTextMax: 200,
  listMax: 20,
  capacityMax: 10,
  staffCountMax: 100_000,
  travelMinutesMax: 600,
  bulkMax: 500,
} as const;

const shortText = singleLineText.max(IntakeLimits.shortTextMax);
const longText = multiLineText.max(IntakeLimits.textMax);
const keyList = z.array(singleLineText.min(1).max(40)).max(IntakeLimits.listMax);
const isoDate = z.iso.date();

export const genders = ['woman', 'man', 'other', 'unspecified'] as const;

/** The built-in fields every application asks, kept on the person's profile and reused. */
export const profileBasicsSchema = z.object({
  title: shortText.min(1),
  managementLevel: managementLevelSchema,
  staffCount: z.number().int().min(0).max(IntakeLimits.staffCountMax),
  /** Since when the person has managed staff; eligibility counts from here. */
  managingStaffSince: isoDate.nullable(),
  sector: shortText,
  languages: z.array(shortText.min(1)).max(IntakeLimits.listMax),
  meetingPlaces: z.array(shortText.min(1)).max(IntakeLimits.listMax),
  maxTravelMinutes: z.number().int().min(0).max(IntakeLimits.travelMinutesMax).nullable(),
  gender: z.enum(genders),
});
export type ProfileBasics = z.infer<typeof profileBasicsSchema>;

/** The adept's needs profile (behovsprofil). */
export const needsProfileSchema = z.object({
  developmentAreas: keyList.min(1),
  goals: longText.min(1),
  wishes: z.object({
    sector: shortText,
    level: managementLevelSchema.nullable(),
    gender: z.enum(genders),
    otherOrganisation: z.boolean(),
    other: longText,
  }),
});
export type NeedsProfile = z.infer<typeof needsProfileSchema>;

export const mentorProfileSchema = z.object({
  competences: keyList.min(1),
  /** Levels of management the mentor has experience of (direct, indirect, strategic). */
  experienceLevels: z.array(managementLevelSchema).min(1).max(3),
  sectors: z.array(shortText.min(1)).max(IntakeLimits.listMax),
  capacity: z.number().int().min(1).max(IntakeLimits.capacityMax),
  meetingPreferences: longText,
  presentation: longText,
});
export type MentorProfile = z.infer<typeof mentorProfileSchema>;

export const profileSchema = z.object({
  personId: z.string(),
  basics: profileBasicsSchema.nullable(),
  needs: needsProfileSchema.nullable(),
  mentor: mentorProfileSchema.nullable(),
  /** A mentor who pauses is left out of matching until they resume. */
  mentorPaused: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type Profile = z.infer<typeof profileSchema>;

export const updateProfileBodySchema = z.object({
  basics: profileBasicsSchema.optional(),
  needs: needsProfileSchema.optional(),
  mentor: mentorProfileSchema.optional(),
  mentorPaused: z.boolean().optional(),
});

// --- Eligibility -----------------------------------------------------------------------------

export const eligibilityRules = [
  'approvals',
  'min_months_managing_staff',
  'documented_experience',
  'min_capacity',
  'mentor_training',
] as const;

export const eligibilityCheckSchema = z.object({
  rule: z.enum(eligibilityRules),
  /** true: met; false: not met; null: for the coordinator to verify (e.g. documents). */
  met: z.boolean().nullable(),
  required: z.number().nullable(),
  actual: z.number().nullable(),
  /** The reason in the caller's language. */
  text: z.string(),
});
export const eligibilitySchema = z.object({
  eligible: z.boolean(),
  checks: z.array(eligibilityCheckSchema),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

// --- Privacy notice and consent ----------------------------------------------------------------

/** Response shapes carry text as stored; the limits apply when it is written. */
const storedText = z.object({ sv: z.string(), en: z.string() });

export const privacyNoticeSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  version: z.number(),
  text: storedText,
  purposes: z.array(privacyPurposeSettingSchema),
  createdAt: z.string(),
});
export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>;

export const consentSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  purpose: z.string(),
  label: localizedTextSchema,
  noticeVersion: z.number(),
  grantedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type Consent = z.infer<typeof consentSchema>;

// --- Applications ------------------------------------------------------------------------------

export const applicationStatuses = [
  'awaiting_approval',
  'pending_review',
  'completion_requested',
  'approved',
  'declined',
  'rejected',
  'withdrawn',
] as const;
export const applicationStatusSchema = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof applicationStatusSchema>;

export const answerValueSchema = z.union([
  untrimmedMultiLine.max(IntakeLimits.textMax),
  z.array(untrimmedSingleLine.max(IntakeLimits.shortTextMax)).max(IntakeLimits.listMax),
  z.number(),
]);

export const applyBodySchema = z.object({
  role: participantRoleSchema,
  organisationId: z.uuid(),
  roundId: z.uuid().nullable(),
  basics: profileBasicsSchema,
  needs: needsProfileSchema.optional(),
  mentor: mentorProfileSchema.optional(),
  answers: z.record(untrimmedSingleLine.max(40), answerValueSchema),
  /** Who confirms as the applicant's own manager, where the programme asks for it. */
  manager: z.object({ name: personNameSchema, email: emailSchema }).optional(),
  /** The personal-data notice version the applicant read. */
  noticeId: z.uuid(),
  /** Optional purposes the applicant consents to. */
  consents: z.array(untrimmedSingleLine.max(40)).max(IntakeLimits.listMax),
  /** Why the application should be considered though a rule is not met (where the programme allows exceptions). */
  exceptionReason: longText.optional(),
});
export type ApplyBody = z.infer<typeof applyBodySchema>;

export const approvalDecisions = ['approve', 'decline'] as const;

export const approvalSchema = z.object({
  id: z.string(),
  stepKey: z.string(),
  approver: z.enum(['manager', 'hr', 'coordinator', 'board']),
  /** The programme's step as it was when the application was sent. */
  step: z.object({
    /** Who approves, a noun phrase for sentences ("kommunens ansvariga chef"); see shared/approval-texts.ts. */
    approverName: storedText,
    /** What the approver confirms, a sentence shown on its own, if the programme says. */
    description: storedText.nullable(),
  }),
  /** The person asked, by the name the applicant typed (manager steps) or their account's. */
  approverName: z.string().nullable(),
  approverEmail: z.string().nullable(),
  /** The account the step was sent to, when its address belongs to one: its name is the one to show. */
  approverAccount: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** `superseded`: the application moved to another organisation, whose own chain replaced this step. */
  status: z.enum(['waiting', 'pending', 'approved', 'declined', 'cancelled', 'superseded']),
  comment: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** Who decided, when they were signed in (a decision from the mailed link, signed out, names nobody). */
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  requestedAt: z.string().nullable(),
});
export type Approval = z.infer<typeof approvalSchema>;

export const applicationSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  roundId: z.string().nullable(),
  role: participantRoleSchema,
  status: applicationStatusSchema,
  applicant: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string() }),
  basics: profileBasicsSchema,
  needs: needsProfileSchema.nullable(),
  mentor: mentorProfileSchema.nullable(),
  /** Answers to the programme's own questions; private ones are left out for approvers. */
  answers: z.record(z.string(), answerValueSchema),
  eligibility: eligibilitySchema,
  exceptionReason: z.string().nullable(),
  approvals: z.array(approvalSchema),
  notice: z.object({ id: z.string(), version: z.number(), acknowledgedAt: z.string() }),
  decisionReason: z.string().nullable(),
  /** Who admitted, rejected or asked for completion. */
  decidedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** When they did. */
  decidedAt: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof applicationSchema>;

/**
 * An application as an approver (a manager, HR, a board) sees it: who applies and what for, without
 * what the form says is for matching and statistics only (gender, wishes about the mentor), without
 * answers the programme marks private and without what is written to the coordinator.
 */
export const approverApplicationSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  role: participantRoleSchema,
  status: applicationStatusSchema,
  applicant: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string() }),
  basics: profileBasicsSchema.omit({ gender: true }),
  needs: needsProfileSchema.pick({ developmentAreas: true, goals: true }).nullable(),
  mentor: mentorProfileSchema.nullable(),
  answers: z.record(z.string(), answerValueSchema),
  eligibility: eligibilitySchema,
  approvals: z.array(approvalSchema),
  submittedAt: z.string(),
});
export type ApproverApplication = z.infer<typeof approverApplicationSchema>;

export const applicationListQuerySchema = z.object({
  role: participantRoleSchema.optional(),
  organisationId: z.uuid().optional(),
  status: applicationStatusSchema.optional(),
  eligible: z.enum(['true', 'false']).optional(),
  roundId: z.uuid().optional(),
});

export const bulkActions = ['approve', 'reject', 'request_completion'] as const;
export const bulkActionBodySchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(IntakeLimits.bulkMax),
    action: z.enum(bulkActions),
    reason: longText.optional(),
  })
  .refine((b) => b.action === 'approve' || (b.reason && b.reason.length > 0), {
    path: ['reason'],
    message: 'required',
  });

export const bulkActionResultSchema = z.object({
  updated: z.array(z.string()),
  /** Applications the action does not fit (e.g. approvals still missing), with why. */
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
});

/** An approver's answer; not approving needs a reason, which the applicant and the coordinator read. */
export const decisionBodySchema = z
  .object({
    decision: z.enum(approvalDecisions),
    comment: longText.optional(),
  })
  .refine((b) => b.decision === 'approve' || (b.comment !== undefined && b.comment.length > 0), {
    path: ['comment'],
    message: 'reason_required_to_decline',
  });

/** The coordinator's decision on one application, from its own page. */
export const applicationDecisionBodySchema = z
  .object({
    action: z.enum(bulkActions),
    reason: longText.optional(),
  })
  .refine((b) => b.action === 'approve' || (b.reason !== undefined && b.reason.length > 0), {
    path: ['reason'],
    message: 'required',
  });

/** What an approver sees: a summary without what is not theirs to read (see approverApplicationSchema). */
export const approvalRequestSchema = z.object({
  approval: approvalSchema,
  application: approverApplicationSchema,
  /** Labels for what the application holds: the programme's development areas and its non-private questions. */
  labels: z.object({
    developmentAreas: z.array(developmentAreaSchema),
    applicationQuestions: z.array(applicationQuestionSchema),
  }),
});

export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

/** A step the person has decided, for their history: what, when, the decision and the comment. */
export const decidedApprovalSchema = z.object({
  approval: approvalSchema,
  application: z.object({
    id: z.string(),
    programmeName: z.string(),
    role: participantRoleSchema,
    applicantName: z.string(),
    organisationName: z.string(),
  }),
});
export type DecidedApproval = z.infer<typeof decidedApprovalSchema>;

// --- Mentor pool and training -----------------------------------------------------------------

export const trainingRecordSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  stepKey: z.string(),
  completedOn: z.string(),
});
export const trainingBodySchema = z.object({
  programmeId: z.uuid(),
  stepKey: singleLineText.min(1).max(40),
  completedOn: isoDate,
});
export const experienceExchangeBodySchema = z.object({ year: z.number().int().min(2000).max(2100) });

export const poolMentorSchema = z.object({
  person: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string() }),
  programmeId: z.string(),
  applicationId: z.string(),
  basics: profileBasicsSchema,
  mentor: mentorProfileSchema,
  capacity: z.number(),
  freeCapacity: z.number(),
  paused: z.boolean(),
  training: z.array(trainingRecordSchema),
  trainingComplete: z.boolean(),
  experienceExchangeYears: z.array(z.number()),
  eligibility: eligibilitySchema,
});
export type PoolMentor = z.infer<typeof poolMentorSchema>;
