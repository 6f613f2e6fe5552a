import { verifyClaim } from './checker.ts';
import type { ScoringPassOptions } from './scoring-pass.ts';
import { scoringPass } from './scoring-pass.ts';
import { solveCandidateGraph } from './solver.ts';
import type { AssignmentResult, CandidateGraph, CheckResult, ProgressCallback, ScoreRows } from './types.ts';
import { NOT_ALLOWED } from './types.ts';

/**
 * Solve on a pruned candidate set (the best K mentors of each adept and the best K adepts of each mentor),
 * then let the independent checker prove the result optimal over every allowed pair. When some allowed pair
 * breaks the certificate, the checker names it; it joins the candidates, together with the pairs whose
 * slack is small (the next optimum's potentials are close), and the solve runs again — warm, repairing only
 * the adepts concerned, when they are few. The set only grows and every round adds a pair not yet in it, so
 * the loop ends; in practice after two or three rounds.
 *
 * Scores are computed once: kept in memory (two bytes per pair, up to MAX_SCORE_CACHE_BYTES), the checks
 * of later rounds read them instead of scoring every pair again.
 */

/** Candidates kept per adept and per mentor before the first solve, at least … */
export const DEFAULT_CANDIDATES_PER_ADEPT = 16;
/** … and at most; in between, about this many candidate pairs by adepts (the first solve's size). */
const MAX_CANDIDATES_PER_ADEPT = 64;
const FIRST_SOLVE_PAIRS = 192_000;

/**
 * K for an instance: more candidates while the first solve stays small (so that one round suffices), but
 * not more than an eighth of the mentors (a few already cover a small instance).
 */
export function candidatesPerAdeptFor(adeptCount: number, mentorCount: number): number {
  const k = Math.round(Math.min(FIRST_SOLVE_PAIRS / Math.max(1, adeptCount), mentorCount / 8));
  return Math.min(MAX_CANDIDATES_PER_ADEPT, Math.max(DEFAULT_CANDIDATES_PER_ADEPT, k));
}

/** After a round, pairs whose slack is below this many thousandths of maxScore join the candidates. */
const NEAR_SLACK_PER_1000 = 50;
/** Scores are kept in memory up to this size; above it every check scores all pairs again. */
const MAX_SCORE_CACHE_BYTES = 512 * 2 ** 20;

export interface ProvenAssignment {
  result: AssignmentResult;
  check: CheckResult;
  rounds: number;
  candidatePairs: number;
  /** The candidate graph of the last round (for an external comparison such as the benchmark's HiGHS run). */
  graph: CandidateGraph;
  /** Threads that scored the pairs (1 or 2). */
  scoringThreads: number;
}

export interface ProveOptions {
  candidatesPerAdept?: number;
  onProgress?: ProgressCallback;
}

export function solveAndProve(rows: ScoreRows, options: ProveOptions = {}): ProvenAssignment {
  const k = Math.max(
    1,
    options.candidatesPerAdept ?? candidatesPerAdeptFor(rows.adeptCount, rows.mentorCount),
  );
  const scored = scoreAndSelect(rows, k, options.onProgress);
  const scoringThreads = scored.threads;
  const proofRows = scored.rows;
  let graph = scored.graph;
  const listSlackBelow = Math.ceil((rows.maxScore * NEAR_SLACK_PER_1000) / 1000);
  let previous: AssignmentResult | undefined;
  for (let round = 1; ; round++) {
    const result = solveCandidateGraph(graph, { onProgress: options.onProgress, warmStart: previous });
    const check = verifyClaim(
      proofRows,
      {
        mentorOfAdept: result.mentorOfAdept,
        scoreOfAdept: result.scoreOfAdept,
        adeptPotential: result.adeptPotential,
        mentorPotential: result.mentorPotential,
        cardinalityBonus: result.cardinalityBonus,
      },
      { onProgress: options.onProgress, listSlackBelow },
    );
    if (check.ok) {
      return { result, check, rounds: round, candidatePairs: graph.mentorOf.length, graph, scoringThreads };
    }
    if (check.violatingPairs.length === 0) {
      throw new Error(`matching proof failed: ${check.problems.map((p) => p.message).join('; ')}`);
    }
    graph = withPairs(graph, [...check.violatingPairs, ...check.nearPairs]);
    previous = result;
  }
}

/**
 * Scores every pair once (see scoring-pass.ts): the candidates and, when the scores fit in memory, rows
 * that read the kept scores for the checks.
 */
export function scoreAndSelect(
  rows: ScoreRows,
  k: number,
  onProgress?: ProgressCallback,
  parallel: ScoringPassOptions['parallel'] = 'auto',
): { rows: ScoreRows; graph: CandidateGraph; threads: number } {
  const { adeptCount, mentorCount } = rows;
  const keepScores =
    rows.matrix === undefined &&
    rows.maxScore < NOT_ALLOWED &&
    adeptCount * mentorCount * Uint16Array.BYTES_PER_ELEMENT <= MAX_SCORE_CACHE_BYTES;
  const pass = scoringPass(rows, k, { keepScores, onProgress, parallel });
  const matrix = pass.matrix;
  if (!matrix) return { rows, graph: pass.graph, threads: pass.threads };
  const keptRows: ScoreRows = {
    adeptCount,
    mentorCount,
    maxScore: rows.maxScore,
    capacity: rows.capacity,
    matrix,
    fillRow(adept, scores) {
      const base = adept * mentorCount;
      for (let m = 0; m < mentorCount; m++) {
        const score = matrix[base + m]!;
        scores[m] = score === NOT_ALLOWED ? -1 : score;
      }
    },
  };
  return { rows: keptRows, graph: pass.graph, threads: pass.threads };
}

/** The candidates alone (see candidates.ts), scored on this thread. */
export function topCandidates(rows: ScoreRows, k: number, onProgress?: ProgressCallback): CandidateGraph {
  return scoringPass(rows, k, { keepScores: false, onProgress, parallel: 'never' }).graph;
}

/** The graph with more pairs added to their rows (pairs already in it, or listed twice, are skipped). */
function withPairs(
  graph: CandidateGraph,
  pairs: { adept: number; mentor: number; score: number }[],
): CandidateGraph {
  const { adeptCount, mentorCount } = graph;
  // New pairs by adept (counting sort, stable).
  const newStart = new Int32Array(adeptCount + 1);
  for (const pair of pairs) newStart[pair.adept + 1] = newStart[pair.adept + 1]! + 1;
  for (let a = 0; a < adeptCount; a++) newStart[a + 1] = newStart[a + 1]! + newStart[a]!;
  const fill = newStart.slice(0, adeptCount);
  const newMentor = new Int32Array(pairs.length);
  const newScore = new Int32Array(pairs.length);
  for (const pair of pairs) {
    newMentor[fill[pair.adept]!] = pair.mentor;
    newScore[fill[pair.adept]!] = pair.score;
    fill[pair.adept] = fill[pair.adept]! + 1;
  }
  const rowStart = new Int32Array(adeptCount + 1);
  const mentorOf = new Int32Array(graph.mentorOf.length + pairs.length);
  const scoreOf = new Int32Array(mentorOf.length);
  const seen = new Int32Array(mentorCount).fill(-1);
  let used = 0;
  for (let a = 0; a < adeptCount; a++) {
    for (let e = graph.rowStart[a]!; e < graph.rowStart[a + 1]!; e++) {
      seen[graph.mentorOf[e]!] = a;
      mentorOf[used] = graph.mentorOf[e]!;
      scoreOf[used++] = graph.scoreOf[e]!;
    }
    for (let i = newStart[a]!; i < newStart[a + 1]!; i++) {
      const m = newMentor[i]!;
      if (seen[m] === a) continue;
      seen[m] = a;
      mentorOf[used] = m;
      scoreOf[used++] = newScore[i]!;
    }
    rowStart[a + 1] = used;
  }
  return { ...graph, rowStart, mentorOf: mentorOf.slice(0, used), scoreOf: scoreOf.slice(0, used) };
}
