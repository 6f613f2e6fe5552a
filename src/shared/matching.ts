import { z } from 'zod';
import { emailSchema, personNameSchema } from './api.ts';
import { matchingCriteria } from './programme.ts';
import { managementLevelSchema } from './roles.ts';
import { multiLineText } from './text.ts';

/** Matching: the coordinator's board, runs, decisions, pairs, and what participants see of their pair. */

export const MatchingLimits = {
  reasonMax: 1000,
  /** Pairs published at once. */
  publishMax: 500,
  /** Mentors shown first when one adept is matched at a time. */
  bestMentors: 5,
} as const;

/** The hard constraints of the matching engine, in its order. */
export const hardConstraintCodes = [
  'same_organisation',
  'dependency',
  'declared_conflict',
  'forbidden',
  'mentor_not_admitted',
  'mentor_not_trained',
  'no_free_capacity',
  'mentor_level_below',
] as const;
export const hardConstraintSchema = z.enum(hardConstraintCodes);
export type HardConstraintCode = z.infer<typeof hardConstraintSchema>;

/**
 * A pair's status. This module makes pairs `introduced` and `declined`; the others belong to the pair's
 * year (first meeting, both accept, ending, closed) and its side exits.
 */
export const pairStatuses = [
  'introduced',
  'declined',
  'first_meeting_held',
  'active',
  'ending',
  'closed',
  'rematched',
  'cancelled',
] as const;
export const pairStatusSchema = z.enum(pairStatuses);
export type PairStatus = z.infer<typeof pairStatusSchema>;
/** Statuses in which the pair holds one of the mentor's places and the adept has a mentor. */
export const currentPairStatuses = ['introduced', 'first_meeting_held', 'active', 'ending'] as const;

/**
 * Where a person stands in a programme's pairs in one role: none yet; a pair under way; the newest
 * one ended (closed or cancelled); or the newest one declined or re-matched, so matched again.
 */
export const pairings = ['none', 'current', 'ended', 'again'] as const;
export type Pairing = (typeof pairings)[number];

/** `pairs` are the person's own, newest first. */
export function pairingIn(
  pairs: readonly { programmeId: string; role: string; status: string }[],
  programmeId: string,
  role: string,
): Pairing {
  const mine = pairs.filter((p) => p.programmeId === programmeId && p.role === role);
  if (mine.some((p) => (currentPairStatuses as readonly string[]).includes(p.status))) return 'current';
  const newest = mine[0];
  if (!newest) return 'none';
  return newest.status === 'closed' || newest.status === 'cancelled' ? 'ended' : 'again';
}

export const runKinds = ['batch', 'single', 'rematch'] as const;
export const runStatuses = ['running', 'done', 'failed'] as const;
export const progressPhases = ['preparing', 'scoring', 'solving', 'proving', 'explaining', 'saving'] as const;

const reason = multiLineText.max(MatchingLimits.reasonMax);

// --- What the board shows ------------------------------------------------------------------------------

/** A person as the board shows them: what matching needs, no contact details or free text. */
export const matchPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  managementLevel: managementLevelSchema.nullable(),
  organisation: z.object({ id: z.string(), name: z.string() }),
});
export type MatchPerson = z.infer<typeof matchPersonSchema>;

export const criterionPointsSchema = z.object({
  criterion: z.enum(matchingCriteria),
  /** On the 0–100 scale people see. */
  points: z.number(),
  maxPoints: z.number(),
});
export type CriterionPoints = z.infer<typeof criterionPointsSchema>;

export const decisionKinds = ['lock', 'forbid'] as const;
export const decisionSchema = z.object({
  id: z.string(),
  kind: z.enum(decisionKinds),
  adept: matchPersonSchema,
  mentor: matchPersonSchema,
  reason: z.string().nullable(),
  /** Hard constraints the coordinator accepted breaking with this lock (a swap by hand). */
  overridden: z.array(hardConstraintSchema),
  decidedBy: z.string().nullable(),
  decidedAt: z.string(),
});
export type MatchingDecision = z.infer<typeof decisionSchema>;

export const proposalSchema = z.object({
  adept: matchPersonSchema,
  mentor: matchPersonSchema,
  /** 0–100, one decimal. */
  score: z.number(),
  breakdown: z.array(criterionPointsSchema),
  /** Why this pair, one sentence each, in the caller's language. */
  explanation: z.array(z.string()),
  /** Between the two organisations; null when either has no location. */
  distanceKm: z.number().nullable(),
  locked: z.boolean(),
  /** Hard constraints a lock by hand breaks (empty for the engine's own proposals). */
  broken: z.array(hardConstraintSchema),
  /** The pair made from this proposal, once published. */
  pair: z.object({ id: z.string(), status: pairStatusSchema }).nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const unmatchedAdeptSchema = z.object({
  adept: matchPersonSchema,
  reasons: z.array(z.string()),
});

export const mentorCapacitySchema = z.object({
  mentor: matchPersonSchema,
  capacity: z.number(),
  /** Current pairs (introduced or later) that hold a place. */
  current: z.number(),
  /** Adepts the run proposes to the mentor (published ones not counted twice). */
  proposed: z.number(),
  /** Places left after the current pairs and the proposals. */
  left: z.number(),
  available: z.boolean(),
  /** Why the mentor cannot be matched (not trained), when `available` is false. */
  unavailableBecause: z.array(hardConstraintSchema),
});
export type MentorCapacity = z.infer<typeof mentorCapacitySchema>;

export const runProgressSchema = z.object({ phase: z.enum(progressPhases), fraction: z.number() });

export const matchingRunSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  roundId: z.string().nullable(),
  kind: z.enum(runKinds),
  status: z.enum(runStatuses),
  progress: runProgressSchema.nullable(),
  startedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  inputHash: z.string(),
  /** The certificate checker's verdict on the stored result: optimal over every allowed pair. */
  verified: z.boolean().nullable(),
  /** Over the whole run, whoever asks; the lists below hold only what the caller may see. */
  totals: z
    .object({
      adepts: z.number(),
      matched: z.number(),
      unmatched: z.number(),
      locked: z.number(),
      /** Mean score of the proposals, 0–100. */
      meanScore: z.number(),
    })
    .nullable(),
  proposals: z.array(proposalSchema),
  unmatched: z.array(unmatchedAdeptSchema),
  mentors: z.array(mentorCapacitySchema),
  /** Locks that could not be kept (the adept or the mentor is no longer available), as sentences. */
  warnings: z.array(z.string()),
});
export type MatchingRun = z.infer<typeof matchingRunSchema>;

export const pairEventSchema = z.object({
  status: pairStatusSchema,
  at: z.string(),
  by: z.string().nullable(),
  byRole: z.enum(['adept', 'mentor', 'coordinator', 'administrator']).nullable(),
  /** Why (a decline's reason): for coordinators and administrators only. */
  reason: z.string().nullable(),
});

/** A pair as coordinators and administrators see it on the board. */
export const boardPairSchema = z.object({
  id: z.string(),
  status: pairStatusSchema,
  adept: matchPersonSchema,
  mentor: matchPersonSchema,
  score: z.number().nullable(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  events: z.array(pairEventSchema),
  /** A declined pair whose adept has no current pair and can be matched again. */
  adeptWaiting: z.boolean(),
});
export type BoardPair = z.infer<typeof boardPairSchema>;

export const conflictOnBoardSchema = z.object({
  person: matchPersonSchema,
  otherName: z.string(),
  /** The other person when the address belongs to someone in the network. */
  other: matchPersonSchema.nullable(),
  reason: z.string(),
  declaredAt: z.string(),
});

export const matchingBoardSchema = z.object({
  programme: z.object({
    id: z.string(),
    name: z.string(),
    /** cohort: a batch run per round; otherwise one adept at a time. */
    mode: z.enum(['continuous', 'cohort', 'appointed']),
    crossOrganisation: z.enum(['required', 'preferred', 'allowed']),
    firstContact: z.enum(['adept', 'mentor']),
  }),
  round: z.object({ id: z.string(), name: z.string() }).nullable(),
  rounds: z.array(z.object({ id: z.string(), name: z.string(), startsOn: z.string() })),
  /** The caller sees everything (administrator) or only what involves their organisations. */
  scope: z.enum(['network', 'organisations']),
  /** Organisations the caller can filter by. */
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The latest batch run of the round, if any. */
  run: matchingRunSchema.nullable(),
  /** Admitted adepts without a current pair, as the caller may see them. */
  waitingAdepts: z.array(matchPersonSchema),
  /** How many adepts and available mentors the next run would take, over the whole round. */
  counts: z.object({ adepts: z.number(), mentors: z.number(), places: z.number() }),
  decisions: z.array(decisionSchema),
  pairs: z.array(boardPairSchema),
  conflicts: z.array(conflictOnBoardSchema),
  /** Organisations in the run without a location: travel time scores 0 for their pairs. */
  withoutLocation: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type MatchingBoard = z.infer<typeof matchingBoardSchema>;

export const candidateSchema = z.object({
  mentor: matchPersonSchema,
  score: z.number(),
  breakdown: z.array(criterionPointsSchema),
  explanation: z.array(z.string()),
  /** Hard constraints the pair breaks; empty when it is allowed. */
  constraints: z.array(hardConstraintSchema),
  distanceKm: z.number().nullable(),
  /** Places the mentor has left now. */
  freeCapacity: z.number(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const candidatesSchema = z.object({
  /** The stored ranking, to publish a pick from. */
  runId: z.string(),
  adept: matchPersonSchema,
  candidates: z.array(candidateSchema),
});
export type Candidates = z.infer<typeof candidatesSchema>;

export const swapPreviewSchema = z.object({
  adept: matchPersonSchema,
  mentor: matchPersonSchema,
  score: z.number(),
  breakdown: z.array(criterionPointsSchema),
  /** Hard constraints the pair breaks. */
  constraints: z.array(hardConstraintSchema),
  /** False when the pair cannot be locked at all (forbidden, or the mentor has no place left). */
  possible: z.boolean(),
  /** The whole run before and after: matched adepts and mean score (0–100). */
  before: z.object({ matched: z.number(), meanScore: z.number(), totalScore: z.number() }),
  after: z.object({ matched: z.number(), meanScore: z.number(), totalScore: z.number() }).nullable(),
  /** What the swap costs the run's total, in points on the 0–100 scale (0 or more). */
  scoreCost: z.number().nullable(),
});
export type SwapPreview = z.infer<typeof swapPreviewSchema>;

export const publishResultSchema = z.object({
  published: z.array(z.object({ pairId: z.string(), adeptId: z.string(), mentorId: z.string() })),
  /** Pairs left out, with why (the adept has a pair by now, the mentor has no place left). */
  skipped: z.array(z.object({ adeptId: z.string(), mentorId: z.string(), reason: z.string() })),
  /** How many mails went out. */
  mails: z.number(),
});
export type PublishResult = z.infer<typeof publishResultSchema>;

// --- Requests --------------------------------------------------------------------------------------------

export const boardQuerySchema = z.object({ roundId: z.uuid().optional() });
export const runBodySchema = z.object({ roundId: z.uuid().nullable() });
export const adeptBodySchema = z.object({ adeptId: z.uuid(), roundId: z.uuid().nullable() });
export const swapPreviewBodySchema = z.object({ adeptId: z.uuid(), mentorId: z.uuid() });
export const decisionBodySchema = z
  .object({
    roundId: z.uuid().nullable(),
    adeptId: z.uuid(),
    mentorId: z.uuid(),
    kind: z.enum(decisionKinds),
    reason: reason.optional(),
    /** The coordinator has read that the pair breaks a hard constraint and keeps it anyway. */
    acknowledgeWarnings: z.boolean().default(false),
  })
  .refine((d) => d.kind !== 'forbid' || (d.reason !== undefined && d.reason.length > 0), {
    path: ['reason'],
    message: 'required',
  });
export const publishBodySchema = z.object({
  pairs: z
    .array(z.object({ adeptId: z.uuid(), mentorId: z.uuid() }))
    .min(1)
    .max(MatchingLimits.publishMax),
});
export const declineBodySchema = z.object({ reason: reason.min(1) });

// --- Participants ----------------------------------------------------------------------------------------

/** The other party of a participant's pair: a summary and how to reach them. */
export const pairPartySchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  organisation: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  managementLevel: managementLevelSchema.nullable(),
  /** The mentor's competences or the adept's development areas, as labels. */
  areas: z.array(z.string()),
  /** The mentor's presentation or the adept's goals. */
  about: z.string(),
  /** The mentor's wishes about meetings, if any. */
  meetingPreferences: z.string(),
});

export const myPairSchema = z.object({
  id: z.string(),
  programme: z.object({ id: z.string(), name: z.string() }),
  /** The caller's part in the pair. */
  role: z.enum(['adept', 'mentor']),
  status: pairStatusSchema,
  other: pairPartySchema,
  /** Whether the caller is the one to get in touch first. */
  youMakeContact: z.boolean(),
  publishedAt: z.string(),
  /** Who declined, when the pair is declined: the caller or the other party. */
  declinedBy: z.enum(['you', 'other']).nullable(),
  declinedAt: z.string().nullable(),
});
export type MyPair = z.infer<typeof myPairSchema>;

export const conflictBodySchema = z.object({
  name: personNameSchema,
  email: emailSchema.optional(),
  reason: reason.min(1),
});
export const conflictSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  reason: z.string(),
  declaredAt: z.string(),
});
export type DeclaredConflict = z.infer<typeof conflictSchema>;
