import type { Locale } from '../../../../shared/roles.ts';
import type { Criterion, HardConstraint, ScoringContext } from './scoring.ts';
import { breakdownTotal, criteria, displayScore, hardConstraints } from './scoring.ts';

/**
 * Why a proposal is what it is, as codes with parameters (the app stores and translates these), and a
 * helper that renders them as Swedish or English sentences. Points are on the 0–100 scale people see.
 */
export type ExplanationReason =
  | { code: 'locked' }
  | { code: 'criterion'; criterion: Criterion; points: number; maxPoints: number }
  | { code: 'best_mentor_excluded'; mentor: string; constraints: HardConstraint[] }
  /** The best-scoring mentor went to other adepts; the total is at least `totalHigherBy` points higher so. */
  | { code: 'best_mentor_elsewhere'; mentor: string; totalHigherBy: number }
  | { code: 'best_mentor_would_unmatch'; mentor: string }
  /** The best-scoring mentor went to other adepts; with it this adept, the total would not be higher. */
  | { code: 'best_mentor_no_gain'; mentor: string }
  | { code: 'no_allowed_mentor'; excludedBy: Partial<Record<HardConstraint, number>> }
  | {
      code: 'capacity_used_elsewhere';
      allowedMentors: number;
      excludedBy: Partial<Record<HardConstraint, number>>;
    };

/** The solved state the explanations read, by adept and mentor index of the scoring context. */
export interface SolvedState {
  mentorOfAdept: Int32Array;
  /** Potentials u of adepts (0 for locked ones) and v of mentors, and the cardinality bonus B. */
  adeptPotential: Float64Array;
  mentorPotential: Float64Array;
  cardinalityBonus: number;
}

export function explainAdept(context: ScoringContext, state: SolvedState, a: number): ExplanationReason[] {
  const reasons: ExplanationReason[] = [];
  const assigned = state.mentorOfAdept[a]!;
  const { maxScore, weights } = context;
  if (assigned >= 0) {
    if (context.lockedMentorOfAdept[a] === assigned) reasons.push({ code: 'locked' });
    const breakdown = context.breakdown(a, assigned);
    const scored = criteria
      .filter((criterion) => breakdown[criterion] > 0)
      .sort((x, y) => breakdown[y] - breakdown[x] || criteria.indexOf(x) - criteria.indexOf(y));
    for (const criterion of scored) {
      reasons.push({
        code: 'criterion',
        criterion,
        points: displayScore(breakdown[criterion], maxScore),
        maxPoints: displayScore(weights[criterion], maxScore),
      });
    }
    if (context.lockedMentorOfAdept[a] === assigned) return reasons;
  }

  // The best-scoring mentor of all, hard constraints aside; ties by id order.
  let best = -1;
  let bestScore = -1;
  const excludedBy: Partial<Record<HardConstraint, number>> = {};
  let allowedMentors = 0;
  for (let m = 0; m < context.mentors.length; m++) {
    const score = breakdownTotal(context.breakdown(a, m));
    if (score > bestScore) {
      best = m;
      bestScore = score;
    }
    if (assigned < 0) {
      const constraints = context.exclusions(a, m);
      if (constraints.length === 0) allowedMentors++;
      else excludedBy[constraints[0]!] = (excludedBy[constraints[0]!] ?? 0) + 1;
    }
  }
  if (assigned < 0 && allowedMentors === 0) {
    reasons.push({ code: 'no_allowed_mentor', excludedBy });
    return reasons;
  }
  if (assigned < 0) reasons.push({ code: 'capacity_used_elsewhere', allowedMentors, excludedBy });
  if (best < 0 || best === assigned) return reasons;
  const mentor = context.mentors[best]!.id;
  const constraints = context.exclusions(a, best);
  if (constraints.length > 0) {
    reasons.push({ code: 'best_mentor_excluded', mentor, constraints });
    return reasons;
  }
  // Reduced cost of the pair: a lower bound (from the duals) on what the total loses if this adept had
  // that mentor; 0 says only that the total would not be higher.
  const reducedCost =
    state.adeptPotential[a]! + state.mentorPotential[best]! - state.cardinalityBonus - bestScore;
  if (reducedCost >= state.cardinalityBonus) reasons.push({ code: 'best_mentor_would_unmatch', mentor });
  else if (reducedCost <= 0) reasons.push({ code: 'best_mentor_no_gain', mentor });
  else
    reasons.push({
      code: 'best_mentor_elsewhere',
      mentor,
      totalHigherBy: displayScore(reducedCost, maxScore),
    });
  return reasons;
}

const criterionLabels: Record<Locale, Record<Criterion, string>> = {
  sv: {
    developmentAreas: 'Utvecklingsområden mot mentorns kompetenser',
    managementLevel: 'Chefsnivå',
    sector: 'Önskad sektor',
    language: 'Språk',
    travel: 'Restid till mentorns arbetsplats',
    wishedLevel: 'Önskad chefsnivå hos mentorn',
    wishedGender: 'Önskat kön hos mentorn',
    otherOrganisation: 'Mentor i annan organisation',
    mentorWishes: 'Mentorns önskemål',
  },
  en: {
    developmentAreas: 'Development areas against the mentor’s competences',
    managementLevel: 'Management level',
    sector: 'Wished sector',
    language: 'Language',
    travel: 'Travel time to the mentor’s workplace',
    wishedLevel: 'Wished management level of the mentor',
    wishedGender: 'Wished gender of the mentor',
    otherOrganisation: 'Mentor in another organisation',
    mentorWishes: 'The mentor’s wishes',
  },
};

const constraintLabels: Record<Locale, Record<HardConstraint, string>> = {
  sv: {
    same_organisation: 'samma organisation',
    dependency: 'beroendeförhållande (t.ex. chef)',
    declared_conflict: 'anmäld jävs- eller konfliktsituation',
    forbidden: 'paret har prövats eller avböjts tidigare',
    mentor_not_admitted: 'mentorn är inte antagen',
    mentor_not_trained: 'mentorn har inte gått mentorsutbildningen',
    no_free_capacity: 'ingen ledig plats',
    mentor_level_below: 'mentorns chefsnivå är lägre än adeptens',
  },
  en: {
    same_organisation: 'same organisation',
    dependency: 'a dependency (e.g. line manager)',
    declared_conflict: 'a declared conflict of interest',
    forbidden: 'the pair was tried or declined before',
    mentor_not_admitted: 'the mentor is not admitted',
    mentor_not_trained: 'the mentor has not completed mentor training',
    no_free_capacity: 'no free capacity',
    mentor_level_below: 'the mentor’s management level is below the adept’s',
  },
};

const formatPoints = (locale: Locale, points: number) =>
  locale === 'sv' ? String(points).replace('.', ',') : String(points);

function countsText(locale: Locale, excludedBy: Partial<Record<HardConstraint, number>>): string {
  const parts = hardConstraints
    .filter((c) => (excludedBy[c] ?? 0) > 0)
    .map((c) => `${constraintLabels[locale][c]} (${excludedBy[c]})`);
  return parts.join(', ');
}

/** One sentence per reason; `name` turns a mentor id into a name. */
export function renderReason(
  reason: ExplanationReason,
  locale: Locale,
  name: (mentorId: string) => string = (id) => id,
): string {
  const sv = locale === 'sv';
  switch (reason.code) {
    case 'locked':
      return sv ? 'Paret är låst och behålls.' : 'The pair is locked and kept.';
    case 'criterion':
      return sv
        ? `${criterionLabels.sv[reason.criterion]}: ${formatPoints(locale, reason.points)} av ${formatPoints(locale, reason.maxPoints)} poäng.`
        : `${criterionLabels.en[reason.criterion]}: ${reason.points} of ${reason.maxPoints} points.`;
    case 'best_mentor_excluded': {
      const why = reason.constraints.map((c) => constraintLabels[locale][c]).join(', ');
      return sv
        ? `Högst poäng hade ${name(reason.mentor)}, men det paret är inte möjligt: ${why}.`
        : `The highest-scoring mentor, ${name(reason.mentor)}, is not possible: ${why}.`;
    }
    case 'best_mentor_elsewhere':
      return sv
        ? `Högst poäng hade ${name(reason.mentor)}, som fick en annan adept: totalen blir minst ${formatPoints(locale, reason.totalHigherBy)} poäng högre så.`
        : `The highest-scoring mentor, ${name(reason.mentor)}, went to another adept: the total is at least ${reason.totalHigherBy} points higher this way.`;
    case 'best_mentor_would_unmatch':
      return sv
        ? `Högst poäng hade ${name(reason.mentor)}, men då skulle en annan adept bli utan mentor.`
        : `The highest-scoring mentor, ${name(reason.mentor)}, would leave another adept without a mentor.`;
    case 'best_mentor_no_gain':
      return sv
        ? `Högst poäng hade ${name(reason.mentor)}, som fick en annan adept: totalen blir inte högre om den här adepten får ${name(reason.mentor)}.`
        : `The highest-scoring mentor, ${name(reason.mentor)}, went to another adept: the total would not be higher with ${name(reason.mentor)} for this adept.`;
    case 'no_allowed_mentor':
      return sv
        ? `Ingen mentor är möjlig: ${countsText(locale, reason.excludedBy)}.`
        : `No mentor is possible: ${countsText(locale, reason.excludedBy)}.`;
    case 'capacity_used_elsewhere': {
      const excluded = countsText(locale, reason.excludedBy);
      return sv
        ? `${reason.allowedMentors} mentorer vore möjliga, men deras platser gick till adepter där de räknades mer` +
            (excluded ? `; övriga uteslutna: ${excluded}.` : '.')
        : `${reason.allowedMentors} mentors would be possible, but their places went to adepts where they counted more` +
            (excluded ? `; the others are excluded: ${excluded}.` : '.');
    }
  }
}
