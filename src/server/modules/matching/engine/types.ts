/**
 * Types shared by the matching engine's parts. The solver, the certificate checker and the scoring
 * layer share nothing but these types, so that the checker is an independent witness.
 */

/** The largest integer score a pair can have unless an instance says otherwise (shown to people as 0–100). */
export const DEFAULT_MAX_SCORE = 1000;

// --- The core instance: a list of allowed pairs with integer scores ----------------------------------

export interface PairRef {
  adept: string;
  mentor: string;
}

/**
 * The solver's core input, also the JSON format the CLI reads (docs/matching.md). Hard constraints are
 * already applied: a pair that is not listed is not allowed.
 */
export interface MatchingInstance {
  /** Upper bound of every pair score; the cardinality weight of the certificate is derived from it. */
  maxScore?: number;
  adepts: { id: string }[];
  /** Capacity: how many adepts the mentor can take in this solution, locked pairs included. */
  mentors: { id: string; capacity: number }[];
  /** Allowed pairs, each with an integer score in 0..maxScore. */
  pairs: (PairRef & { score: number })[];
  /** Pairs that must stay (they use the mentor's capacity); a locked pair need not be listed in `pairs`. */
  locked?: PairRef[];
  /** Pairs that are never proposed, even when listed in `pairs`. */
  forbidden?: PairRef[];
}

/**
 * The dual certificate of the linear programme over the pairs that are not locked:
 *
 *   maximise   Σ (B + score) x         subject to  Σ_mentor x ≤ 1 per adept,  Σ_adept x ≤ free capacity per mentor
 *   minimise   Σ u_adept + Σ capacity·v_mentor  subject to  u + v ≥ B + score on every allowed pair, u, v ≥ 0
 *
 * B (`cardinalityBonus`) is larger than any matching's total score, so the optimum first matches as many
 * adepts as possible and then has the largest total. Equal objectives prove both optimal.
 */
export interface MatchingCertificate {
  cardinalityBonus: number;
  adeptPotentials: Record<string, number>;
  mentorPotentials: Record<string, number>;
}

export interface ProposedPair {
  adept: string;
  mentor: string;
  score: number;
  locked: boolean;
}

export interface MatchingTotals {
  /** Adepts with a mentor, locked pairs included. */
  matched: number;
  /** Total score of all pairs, locked pairs included. */
  score: number;
  locked: number;
  unmatched: number;
}

/** The solver's output for a core instance, also the JSON the CLI writes and `match:check` verifies. */
export interface MatchingSolution {
  pairs: ProposedPair[];
  unmatchedAdepts: string[];
  totals: MatchingTotals;
  certificate: MatchingCertificate;
}

// --- The indexed form the solver works on -------------------------------------------------------------

/**
 * Candidate pairs in compressed rows per adept: the pairs of adept `a` are the indices
 * `rowStart[a] ..< rowStart[a + 1]` of `mentorOf` and `scoreOf`. Adepts and mentors are numbered in id
 * order, so ties are broken by id order.
 */
export interface CandidateGraph {
  adeptCount: number;
  mentorCount: number;
  /** Free capacity per mentor in this solve. */
  capacity: Int32Array;
  rowStart: Int32Array;
  mentorOf: Int32Array;
  scoreOf: Int32Array;
  maxScore: number;
}

export interface Progress {
  phase: 'scoring' | 'solving' | 'proving' | 'explaining';
  /** 0..1 within the phase. */
  fraction: number;
}
export type ProgressCallback = (progress: Progress) => void;

/** The solver's result on a candidate graph, by index. Potentials are exact integers held in doubles. */
export interface AssignmentResult {
  /** The mentor index of each adept, or -1. */
  mentorOfAdept: Int32Array;
  /** The score of each adept's pair, or 0. */
  scoreOfAdept: Int32Array;
  adeptPotential: Float64Array;
  mentorPotential: Float64Array;
  cardinalityBonus: number;
  matched: number;
  totalScore: number;
}

/**
 * All allowed pairs, one adept at a time: the form the certificate checker reads, so that a solve on a
 * pruned candidate set is still proven optimal over every allowed pair without listing them all.
 */
export interface ScoreRows {
  adeptCount: number;
  mentorCount: number;
  maxScore: number;
  /** Free capacity per mentor (locked pairs not counted). */
  capacity: ArrayLike<number>;
  /** Writes the score of (adept, m) into `scores[m]` for every mentor, or -1 where the pair is not allowed. */
  fillRow(adept: number, scores: Int32Array): void;
  /**
   * The same scores held in memory, row by row (adept × mentorCount + mentor), NOT_ALLOWED where the pair
   * is not allowed: what `fillRow` writes, for loops that read every pair several times.
   */
  matrix?: Uint16Array;
}

/** A pair that is not allowed, in `ScoreRows.matrix`. */
export const NOT_ALLOWED = 0xffff;

/** What the checker is asked to verify, by index, for the adepts and capacities in a ScoreRows. */
export interface IndexedClaim {
  mentorOfAdept: ArrayLike<number>;
  scoreOfAdept: ArrayLike<number>;
  adeptPotential: ArrayLike<number>;
  mentorPotential: ArrayLike<number>;
  cardinalityBonus: number;
}

export interface CheckProblem {
  code:
    | 'malformed'
    | 'unknown_id'
    | 'duplicate'
    | 'adept_twice'
    | 'pair_not_allowed'
    | 'pair_forbidden'
    | 'wrong_score'
    | 'lock_missing'
    | 'capacity_exceeded'
    | 'wrong_totals'
    | 'bonus_too_small'
    | 'negative_potential'
    | 'dual_infeasible'
    | 'objectives_differ';
  message: string;
}

export interface CheckResult {
  ok: boolean;
  problems: CheckProblem[];
  /** Allowed pairs whose dual constraint fails (by index), up to a limit: the pairs a pruned solve missed. */
  violatingPairs: { adept: number; mentor: number; score: number }[];
  violatingPairCount: number;
  /** Allowed pairs with a small slack, when asked for (`listSlackBelow`): candidates for a next solve. */
  nearPairs: { adept: number; mentor: number; score: number }[];
  primalObjective: number;
  dualObjective: number;
}
