import type { AuctionResult, OneSidedProblem } from './auction.ts';
import { AuctionGaveUp, auction } from './auction.ts';
import { decompose } from './decompose.ts';
import { NodeHeap } from './heap.ts';
import { repairWithPairs, solveBySuccessivePaths } from './ssp.ts';
import type { AssignmentResult, CandidateGraph, ProgressCallback } from './types.ts';

/**
 * Exact maximum-weight bipartite b-matching on a candidate graph, weights B + score (B larger than any
 * total score: the most adepts matched first, then the largest total score), with integer potentials that
 * certify it (u[a] + v[m] ≥ B + score on every pair, tight on matched pairs, u = 0 for an adept without a
 * mentor, v = 0 for a mentor with a free place).
 *
 * 1. `decompose`: a maximum-cardinality matching and its Dulmage–Mendelsohn split settle the B part
 *    combinatorially; what is left are two problems with plain scores (fill every place of the
 *    over-demanded mentors; place every adept of the under-demanded part).
 * 2. `auction`: an ε-scaling forward/reverse auction solves each, on scores multiplied by a scale above
 *    the number of nodes, so that ε = 1 at the end means optimal.
 * 3. `exactPotentials`: one Dijkstra on the residual graph, its lengths made non-negative by the auction's
 *    prices, gives exact integer potentials (shortest distances) for the matching.
 * The result is verified on every candidate pair; if anything is off (the auction gave up, numbers too
 * large for exact doubles), successive shortest paths solve the graph instead (`ssp.ts`).
 */

/** B: larger than any matching's total score, so one more matched adept always outweighs any scores. */
export function cardinalityBonusFor(maxScore: number, adeptCount: number, totalCapacity: number): number {
  const bonus = maxScore * Math.min(adeptCount, totalCapacity) + 1;
  if (!Number.isSafeInteger(bonus * (adeptCount + 1) * 2)) {
    throw new RangeError('matching instance too large for exact integer arithmetic');
  }
  return bonus;
}

export interface SolveOptions {
  onProgress?: ProgressCallback;
  /** By default the auction above SMALL_GRAPH_PAIRS candidate pairs, successive shortest paths below. */
  method?: 'auction' | 'successive-paths';
  /**
   * An optimum of the same adepts and mentors with fewer candidate pairs (the previous proof round): when
   * few adepts have a new pair that breaks its potentials, successive shortest paths repair it.
   */
  warmStart?: WarmStart;
}

export interface WarmStart {
  mentorOfAdept: ArrayLike<number>;
  adeptPotential: ArrayLike<number>;
  mentorPotential: ArrayLike<number>;
}

/**
 * Up to this many candidate pairs successive shortest paths solve the graph: on small graphs they are as
 * fast, and less code to compile in a fresh process.
 */
const SMALL_GRAPH_PAIRS = 20_000;
/** The first ε of a cold auction, in score points (scaled inside): a coarse pass before finer ones. */
const COLD_EPSILON_POINTS_PER_1000 = 10;
/** A warm start repairs at most this share of the adepts (more: the auction from scratch is faster). */
const MAX_REPAIR_SHARE = 0.05;
const MIN_REPAIR_ADEPTS = 50;

export function solveCandidateGraph(graph: CandidateGraph, options: SolveOptions = {}): AssignmentResult {
  let totalCapacity = 0;
  for (let m = 0; m < graph.mentorCount; m++) totalCapacity += Math.max(0, graph.capacity[m]!);
  const bonus = cardinalityBonusFor(graph.maxScore, graph.adeptCount, totalCapacity);
  if (options.warmStart) {
    const maxAdepts = Math.max(MIN_REPAIR_ADEPTS, Math.floor(graph.adeptCount * MAX_REPAIR_SHARE));
    const repaired = repairWithPairs(graph, bonus, options.warmStart, maxAdepts);
    if (repaired && certifiesOnCandidates(graph, repaired)) return repaired;
  }
  const method =
    options.method ?? (graph.mentorOf.length <= SMALL_GRAPH_PAIRS ? 'successive-paths' : 'auction');
  if (method === 'auction') {
    const result = solveByAuction(graph, bonus, options.onProgress);
    if (result) return result;
  }
  return solveBySuccessivePaths(graph, bonus, options);
}

/** One part of the split as an auction problem, with the adept or mentor behind each local number. */
interface Part {
  problem: OneSidedProblem;
  personEntity: Int32Array;
  objectEntity: Int32Array;
}

/** Room left in exact doubles for the scaled keys of the potentials search (sums of a few scaled weights). */
const KEY_HEADROOM = 16;

export function solveByAuction(
  graph: CandidateGraph,
  bonus: number,
  onProgress?: ProgressCallback,
): AssignmentResult | null {
  const { adeptCount, mentorCount, capacity, rowStart, mentorOf, scoreOf } = graph;
  // ε-CS with ε = 1 on weights × scale is optimal when scale exceeds the number of person units; the
  // potentials search needs it above the number of nodes on a path.
  const scale = adeptCount + mentorCount + 2;
  if (!Number.isSafeInteger(scale * (bonus + graph.maxScore) * KEY_HEADROOM)) return null;
  onProgress?.({ phase: 'solving', fraction: 0 });
  const { adeptInZ, mentorInZ } = decompose(graph);

  // Over-demanded part: the places of mentors in Z bid for adepts of Z.
  const over = oneSided(scale, 'mentors', (a, m) => adeptInZ[a] === 1 && mentorInZ[m] === 1);
  // Under-demanded part: adepts outside Z bid for places of mentors outside Z.
  const under = oneSided(scale, 'adepts', (a, m) => adeptInZ[a] === 0 && mentorInZ[m] === 0);
  const coldEpsilon = scale * Math.max(1, Math.ceil((graph.maxScore * COLD_EPSILON_POINTS_PER_1000) / 1000));
  const overResult = over.problem.personCount > 0 ? runAuction(over) : null;
  onProgress?.({ phase: 'solving', fraction: 0.5 });
  const underResult = under.problem.personCount > 0 ? runAuction(under) : null;
  if ((over.problem.personCount > 0 && !overResult) || (under.problem.personCount > 0 && !underResult)) {
    return null;
  }

  // The matching, and node prices Φ (scaled) from the two auctions for the potentials search.
  const mentorOfAdept = new Int32Array(adeptCount).fill(-1);
  const scoreOfAdept = new Int32Array(adeptCount);
  const adeptPrice = new Float64Array(adeptCount);
  const mentorPrice = new Float64Array(mentorCount);
  const scaledBonus = scale * bonus;
  if (overResult) {
    const { problem, personEntity, objectEntity } = over;
    for (let i = 0; i < problem.personCount; i++) {
      const m = personEntity[i]!;
      let lowest = Number.POSITIVE_INFINITY;
      for (let k = problem.personUnitStart[i]!; k < problem.personUnitStart[i + 1]!; k++) {
        const a = objectEntity[overResult.objectUnitOfPersonUnit[k]!]!;
        mentorOfAdept[a] = m;
        scoreOfAdept[a] = overResult.weightOfPersonUnit[k]! / scale;
        lowest = Math.min(lowest, overResult.profit[k]!);
      }
      mentorPrice[m] = -(scaledBonus + lowest);
    }
    for (let j = 0; j < problem.objectCount; j++) adeptPrice[objectEntity[j]!] = overResult.price[j]!;
  }
  for (let a = 0; a < adeptCount; a++) if (adeptInZ[a] === 0) adeptPrice[a] = scaledBonus;
  if (underResult) {
    const { problem, personEntity, objectEntity } = under;
    const mentorOfUnit = new Int32Array(problem.objectUnitStart[problem.objectCount]!);
    for (let j = 0; j < problem.objectCount; j++) {
      mentorOfUnit.fill(objectEntity[j]!, problem.objectUnitStart[j]!, problem.objectUnitStart[j + 1]!);
    }
    for (let i = 0; i < problem.personCount; i++) {
      const a = personEntity[i]!;
      mentorOfAdept[a] = mentorOfUnit[underResult.objectUnitOfPersonUnit[i]!]!;
      scoreOfAdept[a] = underResult.weightOfPersonUnit[i]! / scale;
      adeptPrice[a] = scaledBonus + underResult.profit[i]!;
    }
    for (let j = 0; j < problem.objectCount; j++) {
      let lowest = Number.POSITIVE_INFINITY;
      for (let l = problem.objectUnitStart[j]!; l < problem.objectUnitStart[j + 1]!; l++) {
        lowest = Math.min(lowest, underResult.price[l]!);
      }
      mentorPrice[objectEntity[j]!] = -lowest;
    }
  }
  // A mentor without places is full whatever its potential: one above every pair's weight suits it.
  for (let m = 0; m < mentorCount; m++) {
    if (capacity[m]! <= 0) mentorPrice[m] = -scale * (bonus + graph.maxScore);
  }
  onProgress?.({ phase: 'solving', fraction: 0.9 });

  const potentials = exactPotentials(graph, bonus, scale, mentorOfAdept, adeptPrice, mentorPrice);
  if (!potentials) return null;
  const { u, v } = potentials;
  let matched = 0;
  let totalScore = 0;
  for (let a = 0; a < adeptCount; a++) {
    if (mentorOfAdept[a]! >= 0) {
      matched++;
      totalScore += scoreOfAdept[a]!;
    }
  }
  const result: AssignmentResult = {
    mentorOfAdept,
    scoreOfAdept,
    adeptPotential: u,
    mentorPotential: v,
    cardinalityBonus: bonus,
    matched,
    totalScore,
  };
  if (!certifiesOnCandidates(graph, result)) return null;
  onProgress?.({ phase: 'solving', fraction: 1 });
  return result;

  /** The auction on one part; null when it gives up. */
  function runAuction(part: Part): AuctionResult | null {
    try {
      return auction(part.problem, { epsilon: coldEpsilon });
    } catch (error) {
      if (error instanceof AuctionGaveUp) return null;
      throw error;
    }
  }

  /** One part as a one-sided problem: its persons (mentors or adepts) and objects, by local number. */
  function oneSided(
    weightScale: number,
    persons: 'mentors' | 'adepts',
    inPart: (a: number, m: number) => boolean,
  ): Part {
    const adeptLocal = new Int32Array(adeptCount).fill(-1);
    const mentorLocal = new Int32Array(mentorCount).fill(-1);
    const adeptList: number[] = [];
    const mentorList: number[] = [];
    let pairs = 0;
    for (let a = 0; a < adeptCount; a++) {
      for (let e = rowStart[a]!, end = rowStart[a + 1]!; e < end; e++) {
        const m = mentorOf[e]!;
        if (capacity[m]! <= 0 || !inPart(a, m)) continue;
        pairs++;
        if (adeptLocal[a] === -1) {
          adeptLocal[a] = adeptList.length;
          adeptList.push(a);
        }
        if (mentorLocal[m] === -1) mentorLocal[m] = 1;
      }
    }
    for (let m = 0; m < mentorCount; m++) {
      if (mentorLocal[m] === 1) {
        mentorLocal[m] = mentorList.length;
        mentorList.push(m);
      } else mentorLocal[m] = -1;
    }
    const adeptEntity = Int32Array.from(adeptList);
    const mentorEntity = Int32Array.from(mentorList);
    const mentorUnits = new Int32Array(mentorEntity.length + 1);
    for (let j = 0; j < mentorEntity.length; j++)
      mentorUnits[j + 1] = mentorUnits[j]! + capacity[mentorEntity[j]!]!;
    const adeptUnits = Int32Array.from({ length: adeptEntity.length + 1 }, (_, i) => i);
    // Adept-major pairs, then the mentor-major copy.
    const adeptStart = new Int32Array(adeptEntity.length + 1);
    const adeptMentor = new Int32Array(pairs);
    const adeptWeight = new Float64Array(pairs);
    const mentorStart = new Int32Array(mentorEntity.length + 1);
    let used = 0;
    for (let i = 0; i < adeptEntity.length; i++) {
      const a = adeptEntity[i]!;
      for (let e = rowStart[a]!, end = rowStart[a + 1]!; e < end; e++) {
        const m = mentorOf[e]!;
        if (capacity[m]! <= 0 || !inPart(a, m)) continue;
        const j = mentorLocal[m]!;
        adeptMentor[used] = j;
        adeptWeight[used++] = scoreOf[e]! * weightScale;
        mentorStart[j + 1] = mentorStart[j + 1]! + 1;
      }
      adeptStart[i + 1] = used;
    }
    for (let j = 0; j < mentorEntity.length; j++) mentorStart[j + 1] = mentorStart[j + 1]! + mentorStart[j]!;
    const mentorAdept = new Int32Array(pairs);
    const mentorWeight = new Float64Array(pairs);
    const fill = mentorStart.slice(0, mentorEntity.length);
    for (let i = 0; i < adeptEntity.length; i++) {
      for (let e = adeptStart[i]!; e < adeptStart[i + 1]!; e++) {
        const j = adeptMentor[e]!;
        const at = fill[j]!;
        fill[j] = at + 1;
        mentorAdept[at] = i;
        mentorWeight[at] = adeptWeight[e]!;
      }
    }
    if (persons === 'mentors') {
      return {
        problem: {
          personCount: mentorEntity.length,
          objectCount: adeptEntity.length,
          personUnitStart: mentorUnits,
          objectUnitStart: adeptUnits,
          rowStart: mentorStart,
          rowObject: mentorAdept,
          rowWeight: mentorWeight,
          colStart: adeptStart,
          colPerson: adeptMentor,
          colWeight: adeptWeight,
        },
        personEntity: mentorEntity,
        objectEntity: adeptEntity,
      };
    }
    return {
      problem: {
        personCount: adeptEntity.length,
        objectCount: mentorEntity.length,
        personUnitStart: adeptUnits,
        objectUnitStart: mentorUnits,
        rowStart: adeptStart,
        rowObject: adeptMentor,
        rowWeight: adeptWeight,
        colStart: mentorStart,
        colPerson: mentorAdept,
        colWeight: mentorWeight,
      },
      personEntity: adeptEntity,
      objectEntity: mentorEntity,
    };
  }
}

/**
 * Exact integer potentials for an optimal matching: shortest distances d from a node z in the graph of the
 * dual constraints (d(head) ≤ d(tail) + length):
 *   adept → mentor, length −(B + s), for a pair not in the matching  (u + v ≥ B + s, with d(m) = −v)
 *   mentor → adept, length B + s, for a matched pair                 (tight)
 *   z → mentor, length 0 (v ≥ 0);  z → adept without a mentor, length 0 (u = 0); adept → z, mentor with a
 *   free place → z: length 0, never used from z.
 * u = d(adept), v = −d(mentor). Lengths are negative, so Dijkstra runs on scale · length + Φ(tail) − Φ(head)
 * + 1, which the auction's ε-CS (ε = 1 on scaled weights) keeps ≥ 0; since a simple path has fewer edges
 * than `scale`, a shortest path for these keys is a shortest path for the lengths. Returns null when a
 * length is below what ε-CS allows (the caller then solves otherwise).
 */
function exactPotentials(
  graph: CandidateGraph,
  bonus: number,
  scale: number,
  mentorOfAdept: Int32Array,
  adeptPrice: Float64Array,
  mentorPrice: Float64Array,
): { u: Float64Array; v: Float64Array } | null {
  const { adeptCount, mentorCount, rowStart, mentorOf, scoreOf } = graph;
  // Matched adepts by mentor.
  const slotStart = new Int32Array(mentorCount + 1);
  for (let a = 0; a < adeptCount; a++) {
    const m = mentorOfAdept[a]!;
    if (m >= 0) slotStart[m + 1] = slotStart[m + 1]! + 1;
  }
  for (let m = 0; m < mentorCount; m++) slotStart[m + 1] = slotStart[m + 1]! + slotStart[m]!;
  const slotAdept = new Int32Array(slotStart[mentorCount]!);
  const slotScore = new Int32Array(slotAdept.length);
  const fill = slotStart.slice(0, mentorCount);
  for (let a = 0; a < adeptCount; a++) {
    const m = mentorOfAdept[a]!;
    if (m < 0) continue;
    for (let e = rowStart[a]!; e < rowStart[a + 1]!; e++) {
      if (mentorOf[e] === m) {
        slotScore[fill[m]!] = scoreOf[e]!;
        break;
      }
    }
    slotAdept[fill[m]!] = a;
    fill[m] = fill[m]! + 1;
  }

  // Nodes: mentors 0 ..< M, adepts M ..< M + A. key: scaled reduced distance; exact: the length itself.
  const key = new Float64Array(mentorCount + adeptCount).fill(Number.POSITIVE_INFINITY);
  const exact = new Float64Array(mentorCount + adeptCount);
  const done = new Uint8Array(mentorCount + adeptCount);
  const heap = new NodeHeap(1024);
  const offer = (node: number, k: number, length: number) => {
    if (k < key[node]!) {
      key[node] = k;
      exact[node] = length;
      heap.push(k, node);
    }
  };
  for (let m = 0; m < mentorCount; m++) offer(m, 1 - mentorPrice[m]!, 0);
  for (let a = 0; a < adeptCount; a++) {
    if (mentorOfAdept[a] === -1) {
      if (adeptPrice[a] !== 0) return null;
      offer(mentorCount + a, 1, 0);
    }
  }
  while (heap.size > 0) {
    const k = heap.topKey();
    const node = heap.pop();
    if (done[node] === 1 || k > key[node]!) continue;
    done[node] = 1;
    const length = exact[node]!;
    if (node < mentorCount) {
      const m = node;
      for (let s = slotStart[m]!; s < slotStart[m + 1]!; s++) {
        const a = slotAdept[s]!;
        const w = bonus + slotScore[s]!;
        const reduced = scale * w + mentorPrice[m]! - adeptPrice[a]!;
        if (reduced < -1) return null;
        offer(mentorCount + a, k + reduced + 1, length + w);
      }
    } else {
      const a = node - mentorCount;
      const own = mentorOfAdept[a]!;
      for (let e = rowStart[a]!, end = rowStart[a + 1]!; e < end; e++) {
        const m = mentorOf[e]!;
        if (m === own) continue;
        const w = bonus + scoreOf[e]!;
        const reduced = -scale * w + adeptPrice[a]! - mentorPrice[m]!;
        if (reduced < -1) return null;
        if (done[m] === 0) offer(m, k + reduced + 1, length - w);
      }
    }
  }
  const u = new Float64Array(adeptCount);
  const v = new Float64Array(mentorCount);
  for (let a = 0; a < adeptCount; a++) u[a] = exact[mentorCount + a]!;
  for (let m = 0; m < mentorCount; m++) v[m] = -exact[m]!;
  return { u, v };
}

/** The certificate conditions on every candidate pair (the checker proves them again over all pairs). */
function certifiesOnCandidates(graph: CandidateGraph, result: AssignmentResult): boolean {
  const { adeptCount, mentorCount, capacity, rowStart, mentorOf, scoreOf } = graph;
  const { mentorOfAdept, scoreOfAdept, adeptPotential: u, mentorPotential: v, cardinalityBonus } = result;
  const load = new Int32Array(mentorCount);
  for (let a = 0; a < adeptCount; a++) {
    const m = mentorOfAdept[a]!;
    if (!Number.isSafeInteger(u[a]!) || u[a]! < 0) return false;
    if (m < 0) {
      if (u[a] !== 0) return false;
    } else {
      load[m] = load[m]! + 1;
      if (u[a]! + v[m]! !== cardinalityBonus + scoreOfAdept[a]!) return false;
    }
    for (let e = rowStart[a]!, end = rowStart[a + 1]!; e < end; e++) {
      if (u[a]! + v[mentorOf[e]!]! < cardinalityBonus + scoreOf[e]!) return false;
    }
  }
  for (let m = 0; m < mentorCount; m++) {
    if (!Number.isSafeInteger(v[m]!) || v[m]! < 0 || load[m]! > capacity[m]!) return false;
    if (load[m]! < capacity[m]! && v[m] !== 0) return false;
  }
  return true;
}
