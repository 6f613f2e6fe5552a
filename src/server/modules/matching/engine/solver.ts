import type { AssignmentResult, CandidateGraph, ProgressCallback } from './types.ts';

/**
 * Maximum-weight bipartite b-matching by successive shortest paths (the Hungarian method, one adept at a
 * time, Dijkstra on reduced costs). Weights are B + score with B larger than any total score, so the
 * optimum matches as many adepts as possible first and then has the largest total score.
 *
 * Invariants after each adept (and so at the end, which proves optimality by LP duality):
 * - dual feasibility: u[a] + v[m] ≥ B + score on every candidate pair, u ≥ 0, v ≥ 0;
 * - matched pairs are tight: u[a] + v[m] = B + score;
 * - an adept without a mentor has u = 0, a mentor with free capacity has v = 0.
 * A processed adept either gets a mentor along the shortest alternating path to a mentor with free capacity,
 * or replaces an adept whose pair counted less (that adept's u reaches 0), or stays without a mentor.
 * Mentors never lose load, so a full mentor stays full.
 */

/** How often (in adepts) the solver reports progress. */
const PROGRESS_EVERY_ADEPTS = 1024;

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
}

export function solveCandidateGraph(graph: CandidateGraph, options: SolveOptions = {}): AssignmentResult {
  const { adeptCount, mentorCount, capacity, rowStart, mentorOf, scoreOf } = graph;
  let totalCapacity = 0;
  for (let m = 0; m < mentorCount; m++) totalCapacity += Math.max(0, capacity[m]!);
  const bonus = cardinalityBonusFor(graph.maxScore, adeptCount, totalCapacity);

  const u = new Float64Array(adeptCount);
  const v = new Float64Array(mentorCount);
  const mentorOfAdept = new Int32Array(adeptCount).fill(-1);
  const scoreOfAdept = new Int32Array(adeptCount);

  // Each mentor's adepts live in slots slotStart[m] ..< slotStart[m] + load[m].
  const slotStart = new Int32Array(mentorCount + 1);
  for (let m = 0; m < mentorCount; m++) slotStart[m + 1] = slotStart[m]! + Math.max(0, capacity[m]!);
  const slotAdept = new Int32Array(slotStart[mentorCount]!);
  const slotOfAdept = new Int32Array(adeptCount).fill(-1);
  const load = new Int32Array(mentorCount);

  // Search state, reset through the lists of touched nodes.
  const distA = new Float64Array(adeptCount).fill(Number.POSITIVE_INFINITY);
  const distM = new Float64Array(mentorCount).fill(Number.POSITIVE_INFINITY);
  const doneA = new Uint8Array(adeptCount);
  const doneM = new Uint8Array(mentorCount);
  const predAdeptOfMentor = new Int32Array(mentorCount).fill(-1);
  const touchedA = new Int32Array(adeptCount);
  const touchedM = new Int32Array(mentorCount);
  const heap = new NodeHeap(1024);
  // Node ids in the heap: mentors 0..M-1, adepts M..M+A-1, "drop this adept" targets M+A..M+2A-1.
  const adeptBase = mentorCount;
  const dropBase = mentorCount + adeptCount;

  let matched = 0;
  let totalScore = 0;

  for (let root = 0; root < adeptCount; root++) {
    if (options.onProgress && root % PROGRESS_EVERY_ADEPTS === 0) {
      options.onProgress({ phase: 'solving', fraction: root / adeptCount });
    }
    const first = rowStart[root]!;
    const last = rowStart[root + 1]!;
    let best = 0;
    for (let e = first; e < last; e++) {
      const gain = bonus + scoreOf[e]! - v[mentorOf[e]!]!;
      if (gain > best) best = gain;
    }
    u[root] = best;
    if (best <= 0) continue; // every candidate mentor is worth more to others: stays without a mentor

    let touchedACount = 0;
    let touchedMCount = 0;
    heap.clear();
    distA[root] = 0;
    touchedA[touchedACount++] = root;
    heap.push(0, adeptBase + root);

    let targetMentor = -1;
    let droppedAdept = -1;
    let delta = 0;
    while (heap.size > 0) {
      const key = heap.topKey();
      const id = heap.pop();
      if (id < adeptBase) {
        const m = id;
        if (doneM[m] === 1 || key > distM[m]!) continue;
        doneM[m] = 1;
        if (load[m]! < capacity[m]!) {
          targetMentor = m;
          delta = key;
          break;
        }
        // Through a matched pair (reduced cost 0) to each adept of this mentor.
        for (let s = slotStart[m]!, end = s + load[m]!; s < end; s++) {
          const x = slotAdept[s]!;
          if (doneA[x] === 0 && key < distA[x]!) {
            if (distA[x] === Number.POSITIVE_INFINITY) touchedA[touchedACount++] = x;
            distA[x] = key;
            heap.push(key, adeptBase + x);
          }
        }
      } else if (id < dropBase) {
        const x = id - adeptBase;
        if (doneA[x] === 1 || key > distA[x]!) continue;
        doneA[x] = 1;
        // Ending the path here leaves x without a mentor; it costs x's potential.
        heap.push(key + u[x]!, dropBase + x);
        const own = mentorOfAdept[x]!;
        const ux = u[x]!;
        for (let e = rowStart[x]!, end = rowStart[x + 1]!; e < end; e++) {
          const m = mentorOf[e]!;
          if (m === own || doneM[m] === 1) continue;
          const next = key + ux + v[m]! - bonus - scoreOf[e]!;
          if (next < distM[m]!) {
            if (distM[m] === Number.POSITIVE_INFINITY) touchedM[touchedMCount++] = m;
            distM[m] = next;
            predAdeptOfMentor[m] = x;
            heap.push(next, m);
          }
        }
      } else {
        droppedAdept = id - dropBase;
        delta = key;
        break;
      }
    }

    // Potentials of the nodes settled closer than the end of the path move by their distance to it.
    for (let i = 0; i < touchedACount; i++) {
      const x = touchedA[i]!;
      if (doneA[x] === 1 && distA[x]! < delta) u[x] = u[x]! - (delta - distA[x]!);
    }
    for (let i = 0; i < touchedMCount; i++) {
      const m = touchedM[i]!;
      if (doneM[m] === 1 && distM[m]! < delta) v[m] = v[m]! + (delta - distM[m]!);
    }

    if (targetMentor >= 0) {
      // Walk back: each adept on the path takes the place its successor held.
      let m = targetMentor;
      let x = predAdeptOfMentor[m]!;
      let slot = slotStart[m]! + load[m]!;
      load[m] = load[m]! + 1;
      matched++;
      for (;;) {
        const previousMentor = mentorOfAdept[x]!;
        const previousSlot = slotOfAdept[x]!;
        if (previousMentor >= 0) totalScore -= scoreOfAdept[x]!;
        placeAdept(x, m, slot);
        if (x === root) break;
        m = previousMentor;
        slot = previousSlot;
        x = predAdeptOfMentor[m]!;
      }
    } else if (droppedAdept >= 0 && droppedAdept !== root) {
      const y = droppedAdept;
      let m = mentorOfAdept[y]!;
      let slot = slotOfAdept[y]!;
      totalScore -= scoreOfAdept[y]!;
      mentorOfAdept[y] = -1;
      scoreOfAdept[y] = 0;
      slotOfAdept[y] = -1;
      for (;;) {
        const x = predAdeptOfMentor[m]!;
        const previousMentor = mentorOfAdept[x]!;
        const previousSlot = slotOfAdept[x]!;
        if (previousMentor >= 0) totalScore -= scoreOfAdept[x]!;
        placeAdept(x, m, slot);
        if (x === root) break;
        m = previousMentor;
        slot = previousSlot;
      }
    }

    for (let i = 0; i < touchedACount; i++) {
      const x = touchedA[i]!;
      distA[x] = Number.POSITIVE_INFINITY;
      doneA[x] = 0;
    }
    for (let i = 0; i < touchedMCount; i++) {
      const m = touchedM[i]!;
      distM[m] = Number.POSITIVE_INFINITY;
      doneM[m] = 0;
      predAdeptOfMentor[m] = -1;
    }
  }
  options.onProgress?.({ phase: 'solving', fraction: 1 });

  return {
    mentorOfAdept,
    scoreOfAdept,
    adeptPotential: u,
    mentorPotential: v,
    cardinalityBonus: bonus,
    matched,
    totalScore,
  };

  function placeAdept(x: number, m: number, slot: number): void {
    let score = 0;
    for (let e = rowStart[x]!, end = rowStart[x + 1]!; e < end; e++) {
      if (mentorOf[e] === m) {
        score = scoreOf[e]!;
        break;
      }
    }
    mentorOfAdept[x] = m;
    scoreOfAdept[x] = score;
    slotAdept[slot] = x;
    slotOfAdept[x] = slot;
    totalScore += score;
  }
}

/** A binary min-heap of (key, id) with ties broken by the smaller id, so that searches are deterministic. */
class NodeHeap {
  private keys: Float64Array;
  private ids: Int32Array;
  size = 0;

  constructor(initialCapacity: number) {
    this.keys = new Float64Array(initialCapacity);
    this.ids = new Int32Array(initialCapacity);
  }

  clear(): void {
    this.size = 0;
  }

  topKey(): number {
    return this.keys[0]!;
  }

  push(key: number, id: number): void {
    if (this.size === this.keys.length) this.grow();
    const keys = this.keys;
    const ids = this.ids;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent]!;
      if (pk < key || (pk === key && ids[parent]! < id)) break;
      keys[i] = pk;
      ids[i] = ids[parent]!;
      i = parent;
    }
    keys[i] = key;
    ids[i] = id;
  }

  pop(): number {
    const keys = this.keys;
    const ids = this.ids;
    const top = ids[0]!;
    const n = --this.size;
    if (n === 0) return top;
    const key = keys[n]!;
    const id = ids[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (
        right < n &&
        (keys[right]! < keys[child]! || (keys[right] === keys[child] && ids[right]! < ids[child]!))
      ) {
        child = right;
      }
      const ck = keys[child]!;
      if (key < ck || (key === ck && id < ids[child]!)) break;
      keys[i] = ck;
      ids[i] = ids[child]!;
      i = child;
    }
    keys[i] = key;
    ids[i] = id;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const ids = new Int32Array(this.ids.length * 2);
    keys.set(this.keys);
    ids.set(this.ids);
    this.keys = keys;
    this.ids = ids;
  }
}
