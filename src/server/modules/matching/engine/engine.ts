import type { ExplanationReason, SolvedState } from './explain.ts';
import { explainAdept } from './explain.ts';
import { hashInput } from './hash.ts';
import { solveAndProve } from './prove.ts';
import type { MatchingInput, ScoreBreakdown, ScoringContext } from './scoring.ts';
import { buildScoringContext, displayScore } from './scoring.ts';
import type { MatchingCertificate, MatchingTotals, ProgressCallback, ScoreRows } from './types.ts';

/** Explanations are made for every adept by default up to this many adept × mentor pairs (they read every pair). */
export const EXPLAIN_ALL_MAX_PAIRS = 250_000;

export interface MatchingProposal {
  adept: string;
  mentor: string;
  /** Integer score, 0..maxScore. */
  score: number;
  /** The score on the 0–100 scale people see. */
  displayScore: number;
  locked: boolean;
  breakdown: ScoreBreakdown;
  explanation?: ExplanationReason[];
}

export interface UnmatchedAdept {
  adept: string;
  explanation?: ExplanationReason[];
}

export interface MatchingRunResult {
  /** sha256 of the canonical JSON of the input, for auditing a stored run. */
  inputHash: string;
  maxScore: number;
  proposals: MatchingProposal[];
  unmatched: UnmatchedAdept[];
  totals: MatchingTotals;
  /** Potentials of the adepts without a locked pair and of all mentors (see MatchingCertificate). */
  certificate: MatchingCertificate;
  proof: {
    /** The checker found primal and dual feasibility and equal objectives over every allowed pair. */
    verified: true;
    primalObjective: number;
    dualObjective: number;
    /** Solve-and-check rounds (more than one when the pruned candidate set missed a pair). */
    rounds: number;
    candidatePairs: number;
  };
}

export interface MatchingOptions {
  /** Candidates kept per adept before the proof (see prove.ts). */
  candidatesPerAdept?: number;
  /** true, false, or a list of adept ids; by default all when the instance is small. */
  explain?: boolean | string[];
  onProgress?: ProgressCallback;
  /** Changes the rows before solving (re-matching adds a bonus for current pairs). */
  adjustRows?: (context: ScoringContext) => ScoreRows;
}

export interface MatchingRun {
  result: MatchingRunResult;
  context: ScoringContext;
  state: SolvedState;
}

/** Scores, solves and proves a matching; explanations as asked. Pure: no I/O. */
export function runMatching(input: MatchingInput, options: MatchingOptions = {}): MatchingRunResult {
  return runMatchingWithContext(input, options).result;
}

export function runMatchingWithContext(input: MatchingInput, options: MatchingOptions = {}): MatchingRun {
  const context = buildScoringContext(input);
  const rows = options.adjustRows ? options.adjustRows(context) : context.rows;
  const proven = solveAndProve(rows, {
    candidatesPerAdept: options.candidatesPerAdept,
    onProgress: options.onProgress,
  });
  const { result, check } = proven;
  const { adepts, mentors, freeAdepts, lockedMentorOfAdept } = context;

  const mentorOfAdept = Int32Array.from(lockedMentorOfAdept);
  const adeptPotential = new Float64Array(adepts.length);
  const adeptPotentials: Record<string, number> = {};
  freeAdepts.forEach((a, row) => {
    mentorOfAdept[a] = result.mentorOfAdept[row]!;
    adeptPotential[a] = result.adeptPotential[row]!;
    adeptPotentials[adepts[a]!.id] = result.adeptPotential[row]!;
  });
  const mentorPotentials: Record<string, number> = {};
  mentors.forEach((mentor, m) => {
    mentorPotentials[mentor.id] = result.mentorPotential[m]!;
  });
  const state: SolvedState = {
    mentorOfAdept,
    adeptPotential,
    mentorPotential: result.mentorPotential,
    cardinalityBonus: result.cardinalityBonus,
  };

  const explainAll =
    options.explain === true ||
    (options.explain === undefined && adepts.length * mentors.length <= EXPLAIN_ALL_MAX_PAIRS);
  const explainOnly = Array.isArray(options.explain) ? new Set(options.explain) : null;
  const explain = (a: number) =>
    explainAll || explainOnly?.has(adepts[a]!.id) ? explainAdept(context, state, a) : undefined;

  const proposals: MatchingProposal[] = [];
  const unmatched: UnmatchedAdept[] = [];
  let score = 0;
  let locked = 0;
  adepts.forEach((adept, a) => {
    if (explainAll && a % 256 === 0)
      options.onProgress?.({ phase: 'explaining', fraction: a / adepts.length });
    const m = mentorOfAdept[a]!;
    const explanation = explain(a);
    if (m < 0) {
      unmatched.push(explanation ? { adept: adept.id, explanation } : { adept: adept.id });
      return;
    }
    const breakdown = context.breakdown(a, m);
    const pairScore = Object.values(breakdown).reduce((sum, points) => sum + points, 0);
    const isLocked = lockedMentorOfAdept[a] === m;
    if (isLocked) locked++;
    score += pairScore;
    proposals.push({
      adept: adept.id,
      mentor: mentors[m]!.id,
      score: pairScore,
      displayScore: displayScore(pairScore, context.maxScore),
      locked: isLocked,
      breakdown,
      ...(explanation ? { explanation } : {}),
    });
  });

  return {
    context,
    state,
    result: {
      inputHash: hashInput(input),
      maxScore: context.maxScore,
      proposals,
      unmatched,
      totals: { matched: proposals.length, score, locked, unmatched: unmatched.length },
      certificate: { cardinalityBonus: result.cardinalityBonus, adeptPotentials, mentorPotentials },
      proof: {
        verified: true,
        primalObjective: check.primalObjective,
        dualObjective: check.dualObjective,
        rounds: proven.rounds,
        candidatePairs: proven.candidatePairs,
      },
    },
  };
}
