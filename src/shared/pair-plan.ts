import { z } from 'zod';
import { pairStatusSchema } from './matching.ts';
import {
  localizedTextSchema,
  milestoneAnchorSchema,
  milestoneCompletions,
  milestoneRoles,
} from './programme.ts';
import { multiLineText } from './text.ts';

/**
 * The pair's process plan as the API and the client share it: the checklist with its deadlines,
 * the cadence watch, the check-in at the third meeting, and the coordinator's follow-up of all
 * pairs of a programme. Metadata only: never a word of the mentor book.
 */

export const PlanLimits = {
  checkinCommentMax: 2000,
  ratingMin: 1,
  ratingMax: 5,
  /** A check-in rating at or below this alerts the coordinator. */
  lowRatingMax: 2,
} as const;

export const planMilestoneStatuses = ['open', 'due_soon', 'overdue', 'done'] as const;
export const planMilestoneStatusSchema = z.enum(planMilestoneStatuses);
export type PlanMilestoneStatus = z.infer<typeof planMilestoneStatusSchema>;

export const planMilestoneSchema = z.object({
  key: z.string(),
  title: localizedTextSchema,
  roles: z.array(z.enum(milestoneRoles)),
  anchor: milestoneAnchorSchema,
  /** The deadline, a calendar date in Sweden; null when it waits for a meeting instead. */
  dueDate: z.string().nullable(),
  status: planMilestoneStatusSchema,
  /** The fact that completes it by itself, if any. */
  completesOn: z.enum(milestoneCompletions).nullable(),
  done: z
    .object({
      at: z.string(),
      /** Who marked it done; null when a fact completed it (or the person is gone). */
      byName: z.string().nullable(),
      automatic: z.boolean(),
    })
    .nullable(),
  /** Whether the caller may mark it done, or undo that. */
  canMark: z.boolean(),
  canUndo: z.boolean(),
});
export type PlanMilestone = z.infer<typeof planMilestoneSchema>;

export const cadenceSchema = z.object({
  /** The programme's longest interval between meetings, in weeks. */
  maxWeeks: z.number().int(),
  /** The Swedish date of the latest held meeting, or null. */
  lastMeetingOn: z.string().nullable(),
  /** Days since the latest held meeting (or since the start when none was held). */
  daysSinceLastMeeting: z.number().int(),
  /** No held meeting for longer than maxWeeks while the pair is under way. */
  flagged: z.boolean(),
});
export type Cadence = z.infer<typeof cadenceSchema>;

export const planCountsSchema = z.object({
  total: z.number().int(),
  done: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
});

export const pairPlanSchema = z.object({
  pairId: z.string(),
  status: pairStatusSchema,
  /** The date the plan counts from (Swedish date). */
  startsOn: z.string(),
  /** Today in Sweden, as the server counts. */
  today: z.string(),
  meetingsHeld: z.number().int(),
  milestones: z.array(planMilestoneSchema),
  counts: planCountsSchema,
  cadence: cadenceSchema,
  /** Whether the caller is one of the two (and may mark milestones). */
  isParty: z.boolean(),
});
export type PairPlan = z.infer<typeof pairPlanSchema>;

export const milestoneParams = z.object({ id: z.uuid(), key: z.string().min(1).max(40) });

// --- Check-in -------------------------------------------------------------------------------------

export const checkinBodySchema = z.object({
  rating: z.number().int().min(PlanLimits.ratingMin).max(PlanLimits.ratingMax),
  comment: multiLineText.max(PlanLimits.checkinCommentMax).default(''),
  /** "May be shown to the coordinator". */
  commentForCoordinator: z.boolean().default(false),
});
export type CheckinBody = z.input<typeof checkinBodySchema>;

export const checkinAnswerSchema = z.object({
  role: z.enum(['adept', 'mentor']),
  name: z.string(),
  rating: z.number().int(),
  /** The text: its author's, and the coordinator's when marked so; else null. */
  comment: z.string().nullable(),
  hasComment: z.boolean(),
  commentForCoordinator: z.boolean(),
  answeredAt: z.string(),
  low: z.boolean(),
});
export type CheckinAnswer = z.infer<typeof checkinAnswerSchema>;

export const checkinStateSchema = z.object({
  /** Whether the programme has a check-in (a milestone completed by it). */
  applies: z.boolean(),
  /** The held meeting after which it opens. */
  afterMeeting: z.number().int().nullable(),
  meetingsHeld: z.number().int(),
  /** Open: due and the caller (a party) has not answered yet. */
  canAnswer: z.boolean(),
  open: z.boolean(),
  answers: z.array(checkinAnswerSchema),
});
export type CheckinState = z.infer<typeof checkinStateSchema>;

// --- The coordinator's follow-up ------------------------------------------------------------------

export const followUpQuerySchema = z.object({
  roundId: z.uuid().optional(),
  organisationId: z.uuid().optional(),
});

export const followUpPairSchema = z.object({
  id: z.string(),
  status: pairStatusSchema,
  roundId: z.string().nullable(),
  adept: z.object({ name: z.string(), organisationId: z.string(), organisation: z.string() }),
  mentor: z.object({ name: z.string(), organisationId: z.string(), organisation: z.string() }),
  startsOn: z.string(),
  counts: planCountsSchema,
  /** Titles of the overdue milestones. */
  overdue: z.array(z.object({ key: z.string(), title: localizedTextSchema })),
  meetingsHeld: z.number().int(),
  cadence: cadenceSchema,
  checkin: z.array(
    z.object({ role: z.enum(['adept', 'mentor']), rating: z.number().int(), low: z.boolean() }),
  ),
  openRequests: z.number().int(),
});
export type FollowUpPair = z.infer<typeof followUpPairSchema>;

export const followUpSchema = z.object({
  programme: z.object({ id: z.string(), name: z.string() }),
  today: z.string(),
  rounds: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The organisations of the pairs the caller sees, for the filter. */
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
  pairs: z.array(followUpPairSchema),
});
export type FollowUp = z.infer<typeof followUpSchema>;
