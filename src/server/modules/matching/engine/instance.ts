import { solveCandidateGraph } from './solver.ts';
import type {
  AssignmentResult,
  CandidateGraph,
  MatchingInstance,
  MatchingSolution,
  ProgressCallback,
  ProposedPair,
} from './types.ts';
import { DEFAULT_MAX_SCORE } from './types.ts';

/** The core instance (a list of allowed pairs) validated and numbered in id order, locked pairs set apart. */
export interface IndexedInstance {
  adeptIds: string[];
  mentorIds: string[];
  /** The locked mentor index per adept, or -1. */
  lockedMentorOfAdept: Int32Array;
  lockedScoreOfAdept: Int32Array;
  /** All candidate pairs of adepts that are not locked, with capacity left after the locks. */
  graph: CandidateGraph;
}

export class MatchingInputError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid matching instance: ${problems.slice(0, 5).join('; ')}`);
    this.name = 'MatchingInputError';
  }
}

/** Problems are collected up to this many, so a broken file gives a readable answer. */
const MAX_REPORTED_PROBLEMS = 50;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function indexInstance(instance: MatchingInstance): IndexedInstance {
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(text);
  };
  const maxScore = instance.maxScore ?? DEFAULT_MAX_SCORE;
  if (!Number.isSafeInteger(maxScore) || maxScore < 0) problem('maxScore must be a non-negative integer');

  const adeptIds = uniqueSortedIds(instance.adepts, 'adept', problem);
  const mentorIds = uniqueSortedIds(instance.mentors, 'mentor', problem);
  const adeptIndex = new Map(adeptIds.map((id, i) => [id, i]));
  const mentorIndex = new Map(mentorIds.map((id, i) => [id, i]));
  const capacity = new Int32Array(mentorIds.length);
  for (const mentor of instance.mentors ?? []) {
    const m = mentorIndex.get(mentor.id);
    if (m === undefined) continue;
    if (!Number.isSafeInteger(mentor.capacity) || mentor.capacity < 0) {
      problem(`mentor ${mentor.id}: capacity must be a non-negative integer`);
    } else capacity[m] = mentor.capacity;
  }

  const key = (a: number, m: number) => a * mentorIds.length + m;
  const resolve = (pair: { adept: string; mentor: string }, what: string): [number, number] | null => {
    const a = adeptIndex.get(pair?.adept);
    const m = mentorIndex.get(pair?.mentor);
    if (a === undefined || m === undefined) {
      problem(`${what} ${pair?.adept}–${pair?.mentor}: unknown adept or mentor`);
      return null;
    }
    return [a, m];
  };

  const forbidden = new Set<number>();
  for (const pair of instance.forbidden ?? []) {
    const r = resolve(pair, 'forbidden pair');
    if (r) forbidden.add(key(r[0], r[1]));
  }

  const scores = new Map<number, number>();
  for (const pair of instance.pairs ?? []) {
    const r = resolve(pair, 'pair');
    if (!r) continue;
    if (!Number.isSafeInteger(pair.score) || pair.score < 0 || pair.score > maxScore) {
      problem(`pair ${pair.adept}–${pair.mentor}: score must be an integer in 0..${maxScore}`);
      continue;
    }
    const k = key(r[0], r[1]);
    if (scores.has(k)) problem(`pair ${pair.adept}–${pair.mentor} is listed twice`);
    scores.set(k, pair.score);
  }

  const lockedMentorOfAdept = new Int32Array(adeptIds.length).fill(-1);
  const lockedScoreOfAdept = new Int32Array(adeptIds.length);
  for (const pair of instance.locked ?? []) {
    const r = resolve(pair, 'locked pair');
    if (!r) continue;
    const [a, m] = r;
    if (lockedMentorOfAdept[a] !== -1) problem(`adept ${pair.adept} is locked more than once`);
    if (forbidden.has(key(a, m))) problem(`locked pair ${pair.adept}–${pair.mentor} is also forbidden`);
    if (capacity[m] === 0)
      problem(`locked pair ${pair.adept}–${pair.mentor}: the mentor has no capacity left`);
    lockedMentorOfAdept[a] = m;
    lockedScoreOfAdept[a] = scores.get(key(a, m)) ?? 0;
    capacity[m] = capacity[m]! - 1;
  }
  if (problems.length > 0) throw new MatchingInputError(problems);

  // Rows in adept order, each in mentor order.
  const entries = [...scores.entries()]
    .filter(([k]) => !forbidden.has(k) && lockedMentorOfAdept[Math.floor(k / mentorIds.length)] === -1)
    .sort((x, y) => x[0] - y[0]);
  const rowStart = new Int32Array(adeptIds.length + 1);
  const mentorOf = new Int32Array(entries.length);
  const scoreOf = new Int32Array(entries.length);
  entries.forEach(([k, score], e) => {
    const a = Math.floor(k / mentorIds.length);
    rowStart[a + 1] = rowStart[a + 1]! + 1;
    mentorOf[e] = k % mentorIds.length;
    scoreOf[e] = score;
  });
  for (let a = 0; a < adeptIds.length; a++) rowStart[a + 1] = rowStart[a + 1]! + rowStart[a]!;

  return {
    adeptIds,
    mentorIds,
    lockedMentorOfAdept,
    lockedScoreOfAdept,
    graph: {
      adeptCount: adeptIds.length,
      mentorCount: mentorIds.length,
      capacity,
      rowStart,
      mentorOf,
      scoreOf,
      maxScore,
    },
  };
}

function uniqueSortedIds(
  items: { id: string }[] | undefined,
  what: string,
  problem: (text: string) => void,
): string[] {
  if (!Array.isArray(items)) {
    problem(`${what}s must be a list`);
    return [];
  }
  const ids = new Set<string>();
  for (const item of items) {
    if (typeof item?.id !== 'string' || item.id === '') problem(`every ${what} needs a non-empty string id`);
    else if (ids.has(item.id)) problem(`${what} ${item.id} is listed twice`);
    else ids.add(item.id);
  }
  return [...ids].sort(byId);
}

/** The solver's indexed result as the solution JSON, with the locked pairs and the certificate. */
export function toSolution(indexed: IndexedInstance, result: AssignmentResult): MatchingSolution {
  const { adeptIds, mentorIds, lockedMentorOfAdept, lockedScoreOfAdept } = indexed;
  const pairs: ProposedPair[] = [];
  const unmatchedAdepts: string[] = [];
  const adeptPotentials: Record<string, number> = {};
  const mentorPotentials: Record<string, number> = {};
  let score = 0;
  let locked = 0;
  adeptIds.forEach((adept, a) => {
    const lockedMentor = lockedMentorOfAdept[a]!;
    if (lockedMentor >= 0) {
      pairs.push({ adept, mentor: mentorIds[lockedMentor]!, score: lockedScoreOfAdept[a]!, locked: true });
      score += lockedScoreOfAdept[a]!;
      locked++;
      return;
    }
    adeptPotentials[adept] = result.adeptPotential[a]!;
    const m = result.mentorOfAdept[a]!;
    if (m < 0) unmatchedAdepts.push(adept);
    else {
      pairs.push({ adept, mentor: mentorIds[m]!, score: result.scoreOfAdept[a]!, locked: false });
      score += result.scoreOfAdept[a]!;
    }
  });
  mentorIds.forEach((mentor, m) => {
    mentorPotentials[mentor] = result.mentorPotential[m]!;
  });
  return {
    pairs,
    unmatchedAdepts,
    totals: { matched: pairs.length, score, locked, unmatched: unmatchedAdepts.length },
    certificate: { cardinalityBonus: result.cardinalityBonus, adeptPotentials, mentorPotentials },
  };
}

/** Solves a core instance over all its allowed pairs. */
export function solveInstance(
  instance: MatchingInstance,
  options: { onProgress?: ProgressCallback } = {},
): MatchingSolution {
  const indexed = indexInstance(instance);
  return toSolution(indexed, solveCandidateGraph(indexed.graph, options));
}
