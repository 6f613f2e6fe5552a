import { z } from 'zod';
import { applicationStatusSchema, approvalSchema } from './intake.ts';
import { pairings, pairStatusSchema } from './matching.ts';
import { planMilestoneStatusSchema } from './pair-plan.ts';
import { localizedTextSchema, programmeStatusSchema } from './programme.ts';
import { participantRoleSchema } from './roles.ts';

/**
 * What waits for the signed-in person (`GET /api/me/tasks`), for their home page and the work
 * queue: per programme for those who review or approve, their own applications, and the
 * programmes they can apply to.
 */

/** How many home pages name before they say "and N more". */
export const HomeLimits = { namesShown: 3 } as const;

const applicantRefSchema = z.object({ applicationId: z.string(), name: z.string() });

/** A count with the first few applicants it is about (oldest first), so a page can say who waits. */
export const waitingGroupSchema = z.object({
  count: z.number().int().min(0),
  first: z.array(applicantRefSchema).max(HomeLimits.namesShown),
});
export type WaitingGroup = z.infer<typeof waitingGroupSchema>;

export const programmeWorkSchema = z.object({
  programmeId: z.string(),
  programmeName: z.string(),
  networkId: z.string(),
  programmeStatus: programmeStatusSchema,
  /**
   * For those who review the programme's applications (administrators: the whole network;
   * coordinators: their own organisations), else null.
   */
  review: z
    .object({
      /** Every approval given: the programme's decision is next. */
      pendingReview: waitingGroupSchema,
      /** Sent back to the applicant for completion and not yet completed. */
      completionRequested: waitingGroupSchema,
      /** Still with a manager, HR or the board: nothing for the reviewer to do yet. */
      awaitingApproval: z.number().int().min(0),
      /** Approved mentors who have not completed every step of the programme's mentor training. */
      trainingIncomplete: waitingGroupSchema,
    })
    .nullable(),
  /** Approval steps the person may decide now (addressed to them, or to their HR or administrator role). */
  approvals: waitingGroupSchema,
});
export type ProgrammeWork = z.infer<typeof programmeWorkSchema>;

export const ownApplicationTaskSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  networkId: z.string(),
  role: participantRoleSchema,
  status: applicationStatusSchema,
  submittedAt: z.string(),
  updatedAt: z.string(),
  /** The reason given with a decision or a request for completion. */
  decisionReason: z.string().nullable(),
  /** Where the person stands in the programme's pairs in this role (`pairingIn`). */
  pairing: z.enum(pairings),
  /** The approval step the application waits for, while it waits for one. */
  pendingStep: z
    .object({
      approver: approvalSchema.shape.approver,
      step: approvalSchema.shape.step,
      /** The person asked: their account's name when the address belongs to one, else the name typed. */
      approverName: z.string().nullable(),
      requestedAt: z.string().nullable(),
    })
    .nullable(),
});
export type OwnApplicationTask = z.infer<typeof ownApplicationTaskSchema>;

export const openProgrammeSchema = z.object({
  id: z.string(),
  name: z.string(),
  networkId: z.string(),
  /** Applying opens on this date (a later one); null when it is open now. */
  opensOn: z.string().nullable(),
  /** The last day to apply, when there is one. */
  closesOn: z.string().nullable(),
});
export type OpenProgramme = z.infer<typeof openProgrammeSchema>;

/** What a party still has to do, after the first meeting, for the mentorship to start. */
export const startSteps = ['accept', 'contract', 'confidentiality'] as const;
export type StartStep = (typeof startSteps)[number];

/** A pair the person is one of the two in, with what is next for them (metadata only). */
export const myPairTaskSchema = z.object({
  pairId: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  networkId: z.string(),
  role: z.enum(['adept', 'mentor']),
  otherName: z.string(),
  status: pairStatusSchema,
  /** The first milestone not done, overdue ones first, then by deadline; null when all are done. */
  nextMilestone: z
    .object({
      key: z.string(),
      title: localizedTextSchema,
      dueDate: z.string().nullable(),
      status: planMilestoneStatusSchema,
    })
    .nullable(),
  dueSoon: z.number().int().min(0),
  overdue: z.number().int().min(0),
  /** The check-in is open and this person has not answered it. */
  checkinToAnswer: z.boolean(),
  cadenceFlagged: z.boolean(),
  /** This person gets in touch first after the introduction (the programme's first-contact rule). */
  youMakeContact: z.boolean(),
  /**
   * Open requests as they concern this person: a change of mentor they asked for; an extension to
   * join (`to_join`), waiting for the other (`other_to_join`) or with the coordinator.
   */
  requests: z.array(
    z.object({
      kind: z.enum(['change_of_mentor', 'extension']),
      state: z.enum(['with_coordinator', 'to_join', 'other_to_join']),
    }),
  ),
  /** After the first meeting: what this person has still to do before the mentorship starts. */
  startSteps: z.array(z.enum(startSteps)),
});
export type MyPairTask = z.infer<typeof myPairTaskSchema>;

/**
 * Per programme, the pairs under way that the person runs (administrators: the network's;
 * coordinators: pairs with a party of their organisation) and what needs a look.
 */
export const pairFollowUpTaskSchema = z.object({
  programmeId: z.string(),
  programmeName: z.string(),
  networkId: z.string(),
  pairs: z.number().int().min(0),
  /** Pairs with a check-in rating of 2 or lower. */
  lowCheckins: z.number().int().min(0),
  /** Pairs without a held meeting for longer than the programme's longest interval. */
  cadenceFlagged: z.number().int().min(0),
  /** Pairs with at least one overdue milestone. */
  withOverdue: z.number().int().min(0),
  /** Open requests waiting for a decision. */
  changeOfMentorRequests: z.number().int().min(0),
  extensionRequests: z.number().int().min(0),
});
export type PairFollowUpTask = z.infer<typeof pairFollowUpTaskSchema>;

export const homeTasksSchema = z.object({
  programmes: z.array(programmeWorkSchema),
  applications: z.array(ownApplicationTaskSchema),
  openProgrammes: z.array(openProgrammeSchema),
  myPairs: z.array(myPairTaskSchema),
  pairFollowUp: z.array(pairFollowUpTaskSchema),
});
export type HomeTasks = z.infer<typeof homeTasksSchema>;

/** Who runs this installation, for the accessibility statement and the personal-data page. */
export const siteInfoSchema = z.object({
  /** Null when not configured: the pages then speak of the network's programme managers. */
  operatorName: z.string().nullable(),
  /** Null when not configured: the pages then point to the programme's coordinator. */
  operatorEmail: z.string().nullable(),
});
export type SiteInfo = z.infer<typeof siteInfoSchema>;
