import { verifyClaim } from './checker.ts';
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
const FIRST_SOLVE_PAIRS = 128_000;

/** K for a number of adepts: more candidates while the first solve stays small, so one round suffices. */
export function candidatesPerAdeptFor(adeptCount: number): number {
  const k = Math.round(FIRST_SOLVE_PAIRS / Math.max(1, adeptCount));
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
}

export interface ProveOptions {
  candidatesPerAdept?: number;
  onProgress?: ProgressCallback;
}

export function solveAndProve(rows: ScoreRows, options: ProveOptions = {}): ProvenAssignment {
  const k = Math.max(1, options.candidatesPerAdept ?? candidatesPerAdeptFor(rows.adeptCount));
  const scored = scoreAndSelect(rows, k, options.onProgress);
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
    if (check.ok) return { result, check, rounds: round, candidatePairs: graph.mentorOf.length, graph };
    if (check.violatingPairs.length === 0) {
      throw new Error(`matching proof failed: ${check.problems.map((p) => p.message).join('; ')}`);
    }
    graph = withPairs(graph, [...check.violatingPairs, ...check.nearPairs]);
    previous = result;
  }
}

/**
 * Scores every pair once: the candidates (see `topCandidates`) and, when it fits in memory, rows that read
 * the kept scores for the checks.
 */
export function scoreAndSelect(
  rows: ScoreRows,
  k: number,
  onProgress?: ProgressCallback,
): { rows: ScoreRows; graph: CandidateGraph } {
  const { adeptCount, mentorCount } = rows;
  const cacheable =
    rows.matrix === undefined &&
    rows.maxScore < NOT_ALLOWED &&
    adeptCount * mentorCount * Uint16Array.BYTES_PER_ELEMENT <= MAX_SCORE_CACHE_BYTES;
  if (!cacheable) return { rows, graph: topCandidates(rows, k, onProgress) };
  const matrix = new Uint16Array(adeptCount * mentorCount);
  const cachedRows: ScoreRows = {
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
  const graph = topCandidates(rows, k, onProgress, (adept, scores) => {
    const base = adept * mentorCount;
    for (let m = 0; m < mentorCount; m++) {
      const score = scores[m]!;
      matrix[base + m] = score < 0 ? NOT_ALLOWED : score;
    }
  });
  return { rows: cachedRows, graph };
}

/**
 * Candidates: the best `k` allowed mentors of each adept and the best `k` adepts of each mentor, so that
 * no mentor is left without candidates when many adepts like the same few. Ties are spread by a fixed
 * hash of the pair (not by index, which would give every adept the same low-numbered mentors).
 * `eachRow` sees every scored row (to keep the scores).
 */
export function topCandidates(
  rows: ScoreRows,
  k: number,
  onProgress?: ProgressCallback,
  eachRow?: (adept: number, scores: Int32Array) => void,
): CandidateGraph {
  const { adeptCount, mentorCount } = rows;
  const scores = new Int32Array(mentorCount);
  const adeptHeap = new Int32Array(k);
  const adeptHeapMentor = new Int32Array(k);
  const adeptChosen = new Int32Array(adeptCount * k);
  const adeptChosenScore = new Int32Array(adeptCount * k);
  const adeptChosenCount = new Int32Array(adeptCount);
  // One heap of keys per mentor, side by side; a key is score × TIE_SPREAD + hash, the adept beside it.
  const mentorHeap = new Int32Array(mentorCount * k);
  const mentorHeapAdept = new Int32Array(mentorCount * k);
  const mentorHeapSize = new Int32Array(mentorCount);
  // The smallest key in each mentor's heap once full (−1 before): most pairs are below both bounds.
  const mentorLowest = new Int32Array(mentorCount).fill(-1);
  for (let a = 0; a < adeptCount; a++) {
    if (onProgress && (a & 1023) === 0) onProgress({ phase: 'scoring', fraction: a / adeptCount });
    rows.fillRow(a, scores);
    eachRow?.(a, scores);
    let size = 0;
    let adeptLowest = -1;
    const adeptSalt = Math.imul(a + 1, 0x85ebca77);
    for (let m = 0; m < mentorCount; m++) {
      const score = scores[m]!;
      // The largest key this score can have; below both heaps' smallest keys it enters neither.
      const ceiling = score * TIE_SPREAD + TIE_SPREAD - 1;
      if (score < 0 || (ceiling < adeptLowest && ceiling < mentorLowest[m]!)) continue;
      const key = ceiling - TIE_SPREAD + 1 + ((Math.imul(m + 1, 0x9e3779b1) ^ adeptSalt) >>> TIE_SHIFT);
      if (size < k) {
        size = heapInsert(adeptHeap, adeptHeapMentor, 0, size, key, m);
        if (size === k) adeptLowest = adeptHeap[0]!;
      } else if (key > adeptLowest) {
        heapReplaceRoot(adeptHeap, adeptHeapMentor, 0, size, key, m);
        adeptLowest = adeptHeap[0]!;
      }
      const base = m * k;
      const mentorSize = mentorHeapSize[m]!;
      if (mentorSize < k) {
        mentorHeapSize[m] = heapInsert(mentorHeap, mentorHeapAdept, base, mentorSize, key, a);
        if (mentorSize + 1 === k) mentorLowest[m] = mentorHeap[base]!;
      } else if (key > mentorLowest[m]!) {
        heapReplaceRoot(mentorHeap, mentorHeapAdept, base, k, key, a);
        mentorLowest[m] = mentorHeap[base]!;
      }
    }
    adeptChosen.set(adeptHeapMentor.subarray(0, size), a * k);
    for (let i = 0; i < size; i++) adeptChosenScore[a * k + i] = Math.floor(adeptHeap[i]! / TIE_SPREAD);
    adeptChosenCount[a] = size;
  }
  onProgress?.({ phase: 'scoring', fraction: 1 });

  // Merge both sides into rows per adept, without duplicates.
  const extra = new Int32Array(adeptCount + 1);
  for (let m = 0; m < mentorCount; m++) {
    for (let i = 0; i < mentorHeapSize[m]!; i++) extra[mentorHeapAdept[m * k + i]! + 1]! += 1;
  }
  for (let a = 0; a < adeptCount; a++) extra[a + 1] = extra[a + 1]! + extra[a]!;
  const fromMentors = new Int32Array(extra[adeptCount]!);
  const fromMentorsScore = new Int32Array(fromMentors.length);
  const fill = extra.slice(0, adeptCount);
  for (let m = 0; m < mentorCount; m++) {
    for (let i = 0; i < mentorHeapSize[m]!; i++) {
      const a = mentorHeapAdept[m * k + i]!;
      fromMentors[fill[a]!] = m;
      fromMentorsScore[fill[a]!] = Math.floor(mentorHeap[m * k + i]! / TIE_SPREAD);
      fill[a] = fill[a]! + 1;
    }
  }
  const rowStart = new Int32Array(adeptCount + 1);
  const mentorOf = new Int32Array(adeptCount * k + fromMentors.length);
  const scoreOf = new Int32Array(mentorOf.length);
  const seen = new Int32Array(mentorCount).fill(-1);
  let used = 0;
  for (let a = 0; a < adeptCount; a++) {
    for (let i = 0; i < adeptChosenCount[a]!; i++) {
      const m = adeptChosen[a * k + i]!;
      seen[m] = a;
      mentorOf[used] = m;
      scoreOf[used++] = adeptChosenScore[a * k + i]!;
    }
    for (let i = extra[a]!; i < extra[a + 1]!; i++) {
      const m = fromMentors[i]!;
      if (seen[m] === a) continue;
      seen[m] = a;
      mentorOf[used] = m;
      scoreOf[used++] = fromMentorsScore[i]!;
    }
    rowStart[a + 1] = used;
  }
  return {
    adeptCount,
    mentorCount,
    capacity: Int32Array.from(rows.capacity),
    rowStart,
    mentorOf: mentorOf.slice(0, used),
    scoreOf: scoreOf.slice(0, used),
    maxScore: rows.maxScore,
  };
}

/** Keys spread ties over this many hash values (10 bits); keys stay within 32 bits for any score. */
const TIE_SPREAD = 1024;
const TIE_SHIFT = 22;

/** Inserts into a min-heap stored at heap[base ..< base + size]; returns the new size. */
function heapInsert(
  heap: Int32Array,
  item: Int32Array,
  base: number,
  size: number,
  key: number,
  value: number,
) {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[base + parent]! <= key) break;
    heap[base + i] = heap[base + parent]!;
    item[base + i] = item[base + parent]!;
    i = parent;
  }
  heap[base + i] = key;
  item[base + i] = value;
  return size + 1;
}

/** Replaces the smallest key of a full min-heap and restores the order. */
function heapReplaceRoot(
  heap: Int32Array,
  item: Int32Array,
  base: number,
  size: number,
  key: number,
  value: number,
) {
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[base + child + 1]! < heap[base + child]!) child++;
    if (heap[base + child]! >= key) break;
    heap[base + i] = heap[base + child]!;
    item[base + i] = item[base + child]!;
    i = child;
  }
  heap[base + i] = key;
  item[base + i] = value;
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
