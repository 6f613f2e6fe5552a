import { verifyClaim } from './checker.ts';
import { solveCandidateGraph } from './solver.ts';
import type { AssignmentResult, CandidateGraph, CheckResult, ProgressCallback, ScoreRows } from './types.ts';

/**
 * Solve on a pruned candidate set (the best K mentors of each adept), then let the independent checker
 * prove the result optimal over every allowed pair. When some allowed pair breaks the certificate, the
 * checker names it; it joins the candidates and the solve runs again, until the proof holds. The set only
 * grows and every round adds a pair not yet in it, so the loop ends; in practice after one round.
 */

/** Candidates kept per adept; enough that the proof nearly always holds on the first round. */
export const DEFAULT_CANDIDATES_PER_ADEPT = 64;

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
  const k = Math.max(1, options.candidatesPerAdept ?? DEFAULT_CANDIDATES_PER_ADEPT);
  let graph = topCandidates(rows, k, options.onProgress);
  for (let round = 1; ; round++) {
    const result = solveCandidateGraph(graph, { onProgress: options.onProgress });
    const check = verifyClaim(
      rows,
      {
        mentorOfAdept: result.mentorOfAdept,
        scoreOfAdept: result.scoreOfAdept,
        adeptPotential: result.adeptPotential,
        mentorPotential: result.mentorPotential,
        cardinalityBonus: result.cardinalityBonus,
      },
      { onProgress: options.onProgress },
    );
    if (check.ok) return { result, check, rounds: round, candidatePairs: graph.mentorOf.length, graph };
    if (check.violatingPairs.length === 0) {
      throw new Error(`matching proof failed: ${check.problems.map((p) => p.message).join('; ')}`);
    }
    graph = withPairs(graph, check.violatingPairs);
  }
}

/**
 * Candidates: the best `k` allowed mentors of each adept and the best `k` adepts of each mentor, so that
 * no mentor is left without candidates when many adepts like the same few. Ties are spread by a fixed
 * hash of the pair (not by index, which would give every adept the same low-numbered mentors).
 */
export function topCandidates(rows: ScoreRows, k: number, onProgress?: ProgressCallback): CandidateGraph {
  const { adeptCount, mentorCount } = rows;
  const scores = new Int32Array(mentorCount);
  const adeptHeap = new Float64Array(k);
  const adeptHeapMentor = new Int32Array(k);
  const adeptChosen = new Int32Array(adeptCount * k);
  const adeptChosenScore = new Int32Array(adeptCount * k);
  const adeptChosenCount = new Int32Array(adeptCount);
  // One heap of keys per mentor, side by side; a key is score × TIE_SPREAD + hash, the adept beside it.
  const mentorHeap = new Float64Array(mentorCount * k);
  const mentorHeapAdept = new Int32Array(mentorCount * k);
  const mentorHeapSize = new Int32Array(mentorCount);
  for (let a = 0; a < adeptCount; a++) {
    if (onProgress && (a & 1023) === 0) onProgress({ phase: 'scoring', fraction: a / adeptCount });
    rows.fillRow(a, scores);
    let size = 0;
    const adeptSalt = Math.imul(a + 1, 0x85ebca77);
    for (let m = 0; m < mentorCount; m++) {
      const score = scores[m]!;
      if (score < 0) continue;
      const key = score * TIE_SPREAD + ((Math.imul(m + 1, 0x9e3779b1) ^ adeptSalt) >>> TIE_SHIFT);
      if (size < k) size = heapInsert(adeptHeap, adeptHeapMentor, 0, size, key, m);
      else if (key > adeptHeap[0]!) heapReplaceRoot(adeptHeap, adeptHeapMentor, 0, size, key, m);
      const base = m * k;
      const mentorSize = mentorHeapSize[m]!;
      if (mentorSize < k)
        mentorHeapSize[m] = heapInsert(mentorHeap, mentorHeapAdept, base, mentorSize, key, a);
      else if (key > mentorHeap[base]!) heapReplaceRoot(mentorHeap, mentorHeapAdept, base, k, key, a);
    }
    adeptChosen.set(adeptHeapMentor.subarray(0, size), a * k);
    for (let i = 0; i < size; i++) adeptChosenScore[a * k + i] = Math.floor(adeptHeap[i]! / TIE_SPREAD);
    adeptChosenCount[a] = size;
  }
  onProgress?.({ phase: 'scoring', fraction: 1 });

  // Merge both sides into rows per adept, without duplicates, each row in mentor order.
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

/** Keys spread ties over this many hash values (10 bits); keys are exact in doubles for any score. */
const TIE_SPREAD = 1024;
const TIE_SHIFT = 22;

/** Inserts into a min-heap stored at heap[base ..< base + size]; returns the new size. */
function heapInsert(
  heap: Float64Array,
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
  heap: Float64Array,
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

/** The graph with more pairs (not yet in it) added to their rows. */
function withPairs(
  graph: CandidateGraph,
  pairs: { adept: number; mentor: number; score: number }[],
): CandidateGraph {
  const added = new Map<number, { mentor: number; score: number }[]>();
  for (const pair of pairs) {
    if (!added.has(pair.adept)) added.set(pair.adept, []);
    added.get(pair.adept)!.push(pair);
  }
  const total = graph.mentorOf.length + pairs.length;
  const rowStart = new Int32Array(graph.adeptCount + 1);
  const mentorOf = new Int32Array(total);
  const scoreOf = new Int32Array(total);
  let used = 0;
  for (let a = 0; a < graph.adeptCount; a++) {
    for (let e = graph.rowStart[a]!; e < graph.rowStart[a + 1]!; e++) {
      mentorOf[used] = graph.mentorOf[e]!;
      scoreOf[used++] = graph.scoreOf[e]!;
    }
    for (const pair of added.get(a) ?? []) {
      mentorOf[used] = pair.mentor;
      scoreOf[used++] = pair.score;
    }
    rowStart[a + 1] = used;
  }
  return { ...graph, rowStart, mentorOf, scoreOf };
}
