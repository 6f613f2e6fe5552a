import { z } from 'zod';
import { pairStatusSchema } from './matching.ts';
import { multiLineText, singleLineText } from './text.ts';

/**
 * The pair's lifecycle as the API and the client share it: acceptance, the collaboration contract
 * and the confidentiality agreement, requests (change of mentor, extension), the coordinator's
 * decisions, advisors and closing.
 */

export const LifecycleLimits = {
  answerMax: 2000,
  reasonMax: 2000,
  messageMax: 4000,
  signedNameMax: 120,
  advisorsMax: 20,
  /** The pair moves to `ending` (and both are asked to plan the closing conversation) this many days before its planned end. */
  endingNoticeDays: 30,
} as const;

const reason = multiLineText.min(1).max(LifecycleLimits.reasonMax);
const localized = z.object({ sv: z.string(), en: z.string() });
export const partyRoleSchema = z.enum(['adept', 'mentor']);
export type PartyRole = z.infer<typeof partyRoleSchema>;

// --- Agreements ----------------------------------------------------------------------------------------------

export const agreementKinds = ['contract', 'confidentiality'] as const;
export const agreementKindSchema = z.enum(agreementKinds);
export type AgreementKind = z.infer<typeof agreementKindSchema>;

/** A signature as everyone who may see the pair sees it: who, and when; never the text. */
export const signatureSchema = z.object({
  role: partyRoleSchema,
  name: z.string(),
  signedAt: z.string(),
  /** Whether it is a signature of the text as it stands now (an edit after it voids it). */
  current: z.boolean(),
});
export type Signature = z.infer<typeof signatureSchema>;

/** The contract as the pair sees it: the programme's rules and questions, their answers, signatures. */
export const contractSchema = z.object({
  rules: z.array(localized),
  questions: z.array(z.object({ key: z.string(), label: localized })),
  answers: z.record(z.string(), z.string()),
  /** sha256 of the exact text (rules, questions, answers): what a signature is a signature of. */
  textVersion: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
  /** Signatures of this version and of earlier ones (current false). */
  signatures: z.array(signatureSchema),
  canEdit: z.boolean(),
});
export type Contract = z.infer<typeof contractSchema>;

export const contractBodySchema = z.object({
  answers: z.record(z.string(), multiLineText.max(LifecycleLimits.answerMax)),
});

export const confidentialitySchema = z.object({
  text: localized,
  textVersion: z.string(),
  signatures: z.array(signatureSchema),
});
export type Confidentiality = z.infer<typeof confidentialitySchema>;

export const signBodySchema = z.object({
  /** The name typed as a signature. */
  name: singleLineText.min(1).max(LifecycleLimits.signedNameMax),
  /** The version of the text the signer read; a different one (the other party just edited) is refused. */
  textVersion: z.string().min(1).max(100),
});

// --- Requests and decisions -------------------------------------------------------------------------------------

export const requestKinds = ['change_of_mentor', 'extension'] as const;
export const requestKindSchema = z.enum(requestKinds);
export const requestDecisions = ['approved', 'declined', 'withdrawn'] as const;

export const pairRequestSchema = z.object({
  id: z.string(),
  kind: requestKindSchema,
  role: partyRoleSchema,
  requestedBy: z.string().nullable(),
  /** Shown to the one who asked and to those who run the programme; a change of mentor's never to the other party. */
  reason: z.string().nullable(),
  months: z.number().nullable(),
  createdAt: z.string(),
  secondedAt: z.string().nullable(),
  decision: z.enum(requestDecisions).nullable(),
  decisionReason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  isMine: z.boolean(),
});
export type PairRequest = z.infer<typeof pairRequestSchema>;

export const changeOfMentorBodySchema = z.object({ reason });
export const extensionBodySchema = z.object({
  months: z.number().int().min(1).max(36),
  reason: multiLineText.max(LifecycleLimits.reasonMax).optional(),
});
export const decisionBodySchema = z.object({
  decision: z.enum(['approved', 'declined']),
  reason,
});
export const reasonBodySchema = z.object({ reason });
export const closingBodySchema = z.object({
  /** The mentor (or the adept) confirms the closing conversation was held. */
  held: z.literal(true),
});

export const requestParams = z.object({
  id: z.string().min(1).max(100),
  requestId: z.string().min(1).max(100),
});

// --- The lifecycle view ---------------------------------------------------------------------------------------

export const pairEventSchema = z.object({
  from: pairStatusSchema.nullable(),
  to: pairStatusSchema,
  at: z.string(),
  by: z.string().nullable(),
  byRole: z.string().nullable(),
  /** Only those who run the programme read the reasons. */
  reason: z.string().nullable(),
  /** What the transition carried: an extension's months, a decided request's kind. */
  detail: z.record(z.string(), z.unknown()).nullable(),
});

const agreementStatus = z.object({
  required: z.boolean(),
  signatures: z.array(signatureSchema),
});

/** What the pair's status panel shows: metadata for everyone who may see the pair; actions per caller. */
export const pairLifecycleSchema = z.object({
  status: pairStatusSchema,
  activeSince: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  closedAt: z.string().nullable(),
  extensionMonths: z.number(),
  acceptances: z.array(z.object({ role: partyRoleSchema, name: z.string(), at: z.string() })),
  contract: agreementStatus,
  confidentiality: agreementStatus,
  extension: z.object({
    /** Months one extension adds at most; null when the programme cannot be extended. */
    monthsMax: z.number().nullable(),
    used: z.number(),
    max: z.number(),
  }),
  requests: z.array(pairRequestSchema),
  /** The history: for those who run the programme with reasons, for the pair without them. */
  events: z.array(pairEventSchema),
  advisors: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Evaluations opened at closing (their questions come later). */
  evaluationsOpened: z.boolean(),
  can: z.object({
    accept: z.boolean(),
    requestChangeOfMentor: z.boolean(),
    requestExtension: z.boolean(),
    recordClosing: z.boolean(),
    contactAdvisor: z.boolean(),
    manage: z.boolean(),
  }),
});
export type PairLifecycle = z.infer<typeof pairLifecycleSchema>;

// --- Advisors ---------------------------------------------------------------------------------------------------

export const advisorSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  organisation: z.string().nullable(),
});
export const advisorsSchema = z.array(advisorSchema);
export const advisorsBodySchema = z.object({
  personIds: z.array(z.string().min(1).max(100)).max(LifecycleLimits.advisorsMax),
});
export const advisorContactBodySchema = z.object({
  advisorId: z.string().min(1).max(100),
  message: multiLineText.min(1).max(LifecycleLimits.messageMax),
});
export const advisedPairSchema = z.object({
  id: z.string(),
  programme: z.object({ id: z.string(), name: z.string() }),
  status: pairStatusSchema,
  adept: z.string(),
  mentor: z.string(),
  plannedEndOn: z.string().nullable(),
});
export const advisedPairsSchema = z.array(advisedPairSchema);
