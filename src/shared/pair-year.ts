import { z } from 'zod';
import { pairStatusSchema } from './matching.ts';

/**
 * The pair's year as the API and the client share it. Each part of the year (agreements and
 * lifecycle, process plan, meetings, mentor book) keeps its own schemas in its own file beside this
 * one; this file holds what every part's page starts from.
 */

/** How the caller sees the pair: as one of the two, as one who runs the programme, or as an advisor. */
export const pairViewerRoles = ['adept', 'mentor', 'coordinator', 'advisor'] as const;
export const pairViewerRoleSchema = z.enum(pairViewerRoles);
export type PairViewerRole = z.infer<typeof pairViewerRoleSchema>;

export const pairPartySchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
});

/** A pair's metadata: what everyone who may see the pair sees. Never mentor-book content. */
export const pairSummarySchema = z.object({
  id: z.string(),
  programme: z.object({ id: z.string(), name: z.string() }),
  status: pairStatusSchema,
  viewerRole: pairViewerRoleSchema,
  adept: pairPartySchema,
  mentor: pairPartySchema,
  /** Calendar dates in Sweden (YYYY-MM-DD). */
  planStartsOn: z.string().nullable(),
  activeSince: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** What the programme uses (its settings' documents). */
  features: z.object({
    contract: z.boolean(),
    confidentialityAgreement: z.boolean(),
    mentorBook: z.boolean(),
  }),
});
export type PairSummary = z.infer<typeof pairSummarySchema>;
