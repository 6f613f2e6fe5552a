import type { ExplanationReason } from './explain.ts';
import type { HardConstraint, MatchingInput, ScoreBreakdown } from './scoring.ts';
import { breakdownTotal, buildScoringContext, criteria, displayScore } from './scoring.ts';

/**
 * Every mentor for one adept, best first: what the board shows when a coordinator matches one adept at a
 * time (continuous programmes) or swaps a proposal by hand. Pure: no I/O. The scores are the ones a run
 * would use; the hard constraints are the ones that would exclude the pair (empty: allowed).
 */
export interface RankedMentor {
  mentor: string;
  /** Integer score, 0..maxScore, hard constraints aside. */
  score: number;
  displayScore: number;
  breakdown: ScoreBreakdown;
  /** The hard constraints the pair breaks; empty when it is allowed. */
  constraints: HardConstraint[];
  /** One `criterion` reason per criterion that scored, highest first, as for a proposal. */
  explanation: ExplanationReason[];
  /** Distance between the two organisations (haversine), in km. */
  distanceKm: number;
}

export interface MentorRanking {
  adept: string;
  maxScore: number;
  /** Allowed mentors by score (ties by id), then the excluded ones by score. */
  mentors: RankedMentor[];
}

export function rankMentors(input: MatchingInput, adeptId: string): MentorRanking {
  const context = buildScoringContext(input);
  const a = context.adeptIndex.get(adeptId);
  if (a === undefined) throw new RangeError(`unknown adept ${adeptId}`);
  const { maxScore, weights, mentors, organisations } = context;
  const ranked = mentors.map((mentor, m): RankedMentor => {
    const breakdown = context.breakdown(a, m);
    const score = breakdownTotal(breakdown);
    const explanation: ExplanationReason[] = criteria
      .filter((criterion) => breakdown[criterion] > 0)
      .sort((x, y) => breakdown[y] - breakdown[x] || criteria.indexOf(x) - criteria.indexOf(y))
      .map((criterion) => ({
        code: 'criterion',
        criterion,
        points: displayScore(breakdown[criterion], maxScore),
        maxPoints: displayScore(weights[criterion], maxScore),
      }));
    return {
      mentor: mentor.id,
      score,
      displayScore: displayScore(score, maxScore),
      breakdown,
      constraints: context.exclusions(a, m),
      explanation,
      distanceKm:
        context.distanceKm[
          context.adeptOrganisation[a]! * organisations.length + context.mentorOrganisation[m]!
        ]!,
    };
  });
  ranked.sort(
    (x, y) =>
      Number(x.constraints.length > 0) - Number(y.constraints.length > 0) ||
      y.score - x.score ||
      (x.mentor < y.mentor ? -1 : x.mentor > y.mentor ? 1 : 0),
  );
  return { adept: adeptId, maxScore, mentors: ranked };
}
