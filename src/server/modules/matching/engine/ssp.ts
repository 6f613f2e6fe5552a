import { BucketQueue } from './heap.ts';
import type { SolveOptions, WarmStart } from './solver.ts';
import type { AssignmentResult, CandidateGraph } from './types.ts';

/**
 * Maximum-weight bipartite b-matching by successive shortest paths (the Hungarian method, one adept at a
 * time, Dijkstra on reduced costs). Weights are B + score with B larger than any total score, so the
 * optimum matches as many adepts as possible first and then has the largest total score. It solves a graph
 * from scratch when the auction cannot (`solveBySuccessivePaths`), and repairs an optimum after candidate
 * pairs were added (`repairWithPairs`, the warm start of a proof round).
 *
 * Invariants between searches (at the end they prove optimality by LP duality), over the adepts taking
 * part (an adept waiting to be inserted takes no part):
 * - dual feasibility: u[a] + v[m] ≥ B + score on every candidate pair, u ≥ 0, v ≥ 0;
 * - matched pairs are tight: u[a] + v[m] = B + score;
 * - an adept without a mentor has u = 0, a mentor with a free place has v = 0.
 * `insert` (forward search from an adept): along the shortest alternating path to a mentor with a free
 * place (one more matched), or replacing an adept whose pair counts less (its u reaches 0), or staying
 * without a mentor. `refill` (backward search from a mentor that lost an adept while v > 0): an adept
 * without a mentor moves in along the shortest alternating path, or the free place moves to a mentor
 * whose v can fall to 0.
 */

/** How often (in adepts) the solver reports progress. */
const PROGRESS_EVERY_ADEPTS = 1024;

export function solveBySuccessivePaths(
  graph: CandidateGraph,
  bonus: number,
  options: SolveOptions = {},
): AssignmentResult {
  const solver = new PathSolver(graph, bonus);
  for (let root = 0; root < graph.adeptCount; root++) {
    if (options.onProgress && root % PROGRESS_EVERY_ADEPTS === 0) {
      options.onProgress({ phase: 'solving', fraction: root / graph.adeptCount });
    }
    solver.insert(root);
  }
  options.onProgress?.({ phase: 'solving', fraction: 1 });
  return solver.result();
}

/**
 * An optimum of a graph with fewer candidate pairs (same adepts, mentors and capacities), made optimal for
 * `graph`: the adepts with a new pair that breaks the old potentials leave their mentors, each mentor that
 * lost an adept while its v > 0 is refilled, then those adepts are inserted again. Returns null when too
 * many adepts are concerned for a repair to pay (the caller then solves from scratch).
 */
export function repairWithPairs(
  graph: CandidateGraph,
  bonus: number,
  previous: WarmStart,
  maxAdepts: number,
): AssignmentResult | null {
  const { adeptCount, rowStart, mentorOf, scoreOf } = graph;
  const broken: number[] = [];
  for (let a = 0; a < adeptCount; a++) {
    const need = bonus - previous.adeptPotential[a]!;
    for (let e = rowStart[a]!, end = rowStart[a + 1]!; e < end; e++) {
      if (scoreOf[e]! - previous.mentorPotential[mentorOf[e]!]! > -need) {
        broken.push(a);
        break;
      }
    }
    if (broken.length > maxAdepts) return null;
  }
  const solver = new PathSolver(graph, bonus);
  solver.adopt(previous);
  for (const a of broken) solver.remove(a);
  for (const a of broken) {
    const m = previous.mentorOfAdept[a]!;
    if (m >= 0) solver.refill(m);
  }
  for (const a of broken) solver.insert(a);
  return solver.result();
}

class PathSolver {
  private readonly u: Float64Array;
  private readonly v: Float64Array;
  private readonly mentorOfAdept: Int32Array;
  /** Candidate edge of each adept's pair, or -1. */
  private readonly edgeOfAdept: Int32Array;
  /** Adepts waiting to be inserted: no part in searches. */
  private readonly waiting: Uint8Array;
  // Each mentor's adepts live in slots slotStart[m] ..< slotStart[m] + load[m].
  private readonly slotStart: Int32Array;
  private readonly slotAdept: Int32Array;
  private readonly slotOfAdept: Int32Array;
  private readonly load: Int32Array;
  // Candidate pairs by mentor (for backward searches), built when first needed.
  private colStart: Int32Array | null = null;
  private colEdge: Int32Array | null = null;
  private colAdept: Int32Array | null = null;
  // Search state, reset through the lists of touched nodes.
  private readonly distA: Float64Array;
  private readonly distM: Float64Array;
  private readonly doneA: Uint8Array;
  private readonly doneM: Uint8Array;
  /** Forward: the adept that reached a mentor, and by which edge. Backward: the adept that leaves it. */
  private readonly predAdeptOfMentor: Int32Array;
  private readonly predEdgeOfMentor: Int32Array;
  /** Backward: the mentor an adept moves into, and by which edge. */
  private readonly predMentorOfAdept: Int32Array;
  private readonly predEdgeOfAdept: Int32Array;
  private readonly touchedA: Int32Array;
  private readonly touchedM: Int32Array;
  /** Backward: the adepts that move, from the end of the path back to its start. */
  private readonly chain: Int32Array;
  private touchedACount = 0;
  private touchedMCount = 0;
  private readonly queue = new BucketQueue();

  constructor(
    private readonly graph: CandidateGraph,
    private readonly bonus: number,
  ) {
    const { adeptCount, mentorCount, capacity } = graph;
    this.u = new Float64Array(adeptCount);
    this.v = new Float64Array(mentorCount);
    this.mentorOfAdept = new Int32Array(adeptCount).fill(-1);
    this.edgeOfAdept = new Int32Array(adeptCount).fill(-1);
    this.waiting = new Uint8Array(adeptCount).fill(1);
    this.slotStart = new Int32Array(mentorCount + 1);
    for (let m = 0; m < mentorCount; m++)
      this.slotStart[m + 1] = this.slotStart[m]! + Math.max(0, capacity[m]!);
    this.slotAdept = new Int32Array(this.slotStart[mentorCount]!);
    this.slotOfAdept = new Int32Array(adeptCount).fill(-1);
    this.load = new Int32Array(mentorCount);
    this.distA = new Float64Array(adeptCount).fill(Number.POSITIVE_INFINITY);
    this.distM = new Float64Array(mentorCount).fill(Number.POSITIVE_INFINITY);
    this.doneA = new Uint8Array(adeptCount);
    this.doneM = new Uint8Array(mentorCount);
    this.predAdeptOfMentor = new Int32Array(mentorCount).fill(-1);
    this.predEdgeOfMentor = new Int32Array(mentorCount).fill(-1);
    this.predMentorOfAdept = new Int32Array(adeptCount).fill(-1);
    this.predEdgeOfAdept = new Int32Array(adeptCount).fill(-1);
    this.touchedA = new Int32Array(adeptCount);
    this.touchedM = new Int32Array(mentorCount);
    this.chain = new Int32Array(adeptCount);
  }

  /** Takes over a matching and its potentials (every adept takes part). */
  adopt(previous: WarmStart): void {
    const { adeptCount, mentorCount, rowStart, mentorOf } = this.graph;
    for (let m = 0; m < mentorCount; m++) this.v[m] = previous.mentorPotential[m]!;
    for (let a = 0; a < adeptCount; a++) {
      this.u[a] = previous.adeptPotential[a]!;
      this.waiting[a] = 0;
      const m = previous.mentorOfAdept[a]!;
      if (m < 0) continue;
      let edge = -1;
      for (let e = rowStart[a]!, end = rowStart[a + 1]!; e < end; e++) {
        if (mentorOf[e] === m) {
          edge = e;
          break;
        }
      }
      if (edge < 0) throw new Error(`adopted pair adept #${a} – mentor #${m} is not a candidate pair`);
      this.place(a, edge, this.slotStart[m]! + this.load[m]!);
      this.load[m] = this.load[m]! + 1;
    }
  }

  /** The adept leaves its mentor (if any) and waits to be inserted again. */
  remove(a: number): void {
    this.waiting[a] = 1;
    this.u[a] = 0;
    this.unplace(a);
  }

  result(): AssignmentResult {
    const { adeptCount } = this.graph;
    const scoreOfAdept = new Int32Array(adeptCount);
    let matched = 0;
    let totalScore = 0;
    for (let a = 0; a < adeptCount; a++) {
      const e = this.edgeOfAdept[a]!;
      if (e < 0) continue;
      scoreOfAdept[a] = this.graph.scoreOf[e]!;
      matched++;
      totalScore += scoreOfAdept[a]!;
    }
    return {
      mentorOfAdept: this.mentorOfAdept,
      scoreOfAdept,
      adeptPotential: this.u,
      mentorPotential: this.v,
      cardinalityBonus: this.bonus,
      matched,
      totalScore,
    };
  }

  /** Forward search from an adept waiting to be inserted. */
  insert(root: number): void {
    const { rowStart, mentorOf, scoreOf, capacity } = this.graph;
    const { u, v, distA, distM, doneA, doneM, queue, slotStart, slotAdept, load } = this;
    const bonus = this.bonus;
    this.waiting[root] = 0;
    let best = 0;
    for (let e = rowStart[root]!, end = rowStart[root + 1]!; e < end; e++) {
      const gain = bonus + scoreOf[e]! - v[mentorOf[e]!]!;
      if (gain > best) best = gain;
    }
    u[root] = best;
    if (best <= 0) return; // every candidate mentor is worth more to others: stays without a mentor

    // Queue ids: mentors 0..M-1, adepts M..M+A-1, "drop this adept" ends M+A..M+2A-1.
    const adeptBase = this.graph.mentorCount;
    const dropBase = adeptBase + this.graph.adeptCount;
    queue.clear();
    this.touchAdept(root, 0);
    queue.push(0, adeptBase + root);
    let targetMentor = -1;
    let droppedAdept = -1;
    let delta = 0;
    while (queue.size > 0) {
      const id = queue.pop();
      const key = queue.lastKey;
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
            this.touchAdept(x, key);
            queue.push(key, adeptBase + x);
          }
        }
      } else if (id < dropBase) {
        const x = id - adeptBase;
        if (doneA[x] === 1 || key > distA[x]!) continue;
        doneA[x] = 1;
        const ux = u[x]!;
        // Ending the path here leaves x without a mentor; it costs x's potential.
        queue.push(key + ux, dropBase + x);
        const own = this.mentorOfAdept[x]!;
        const base = key + ux - bonus;
        for (let e = rowStart[x]!, end = rowStart[x + 1]!; e < end; e++) {
          const m = mentorOf[e]!;
          if (doneM[m] === 1) continue;
          const next = base + v[m]! - scoreOf[e]!;
          if (next < distM[m]! && m !== own) {
            this.touchMentor(m, next);
            this.predAdeptOfMentor[m] = x;
            this.predEdgeOfMentor[m] = e;
            queue.push(next, m);
          }
        }
      } else {
        droppedAdept = id - dropBase;
        delta = key;
        break;
      }
    }
    this.moveForwardPotentials(delta);

    if (targetMentor >= 0) {
      // Walk back: each adept on the path takes the place its successor held.
      let m = targetMentor;
      let slot = slotStart[m]! + load[m]!;
      load[m] = load[m]! + 1;
      for (;;) {
        const x = this.predAdeptOfMentor[m]!;
        const previousMentor = this.mentorOfAdept[x]!;
        const previousSlot = this.slotOfAdept[x]!;
        this.place(x, this.predEdgeOfMentor[m]!, slot);
        if (x === root) break;
        m = previousMentor;
        slot = previousSlot;
      }
    } else if (droppedAdept >= 0 && droppedAdept !== root) {
      const y = droppedAdept;
      let m = this.mentorOfAdept[y]!;
      let slot = this.slotOfAdept[y]!;
      this.mentorOfAdept[y] = -1;
      this.edgeOfAdept[y] = -1;
      this.slotOfAdept[y] = -1;
      for (;;) {
        const x = this.predAdeptOfMentor[m]!;
        const previousMentor = this.mentorOfAdept[x]!;
        const previousSlot = this.slotOfAdept[x]!;
        this.place(x, this.predEdgeOfMentor[m]!, slot);
        if (x === root) break;
        m = previousMentor;
        slot = previousSlot;
      }
    }
    this.resetSearch();
  }

  /**
   * Backward search from a mentor with a free place: an adept moves in, its mentor then needs one, and so
   * on, until an adept without a mentor moves in or a mentor keeps the free place with v lowered to 0.
   * Potentials move the other way than in a forward search: v falls, u rises.
   */
  refill(m0: number): void {
    const { capacity, scoreOf } = this.graph;
    const { u, v, distA, distM, doneA, doneM, queue, load } = this;
    if (load[m0]! >= capacity[m0]! || v[m0] === 0) return;
    this.buildColumns();
    const colStart = this.colStart!;
    const colEdge = this.colEdge!;
    const colAdept = this.colAdept!;
    const bonus = this.bonus;
    // Queue ids: mentors 0..M-1, adepts M..M+A-1, "lower v of this mentor to 0" ends M+A..M+A+M-1.
    const adeptBase = this.graph.mentorCount;
    const lowerBase = adeptBase + this.graph.adeptCount;
    queue.clear();
    this.touchMentor(m0, 0);
    queue.push(0, m0);
    let filledBy = -1;
    let lowered = -1;
    let delta = 0;
    while (queue.size > 0) {
      const id = queue.pop();
      const key = queue.lastKey;
      if (id < adeptBase) {
        const m = id;
        if (doneM[m] === 1 || key > distM[m]!) continue;
        doneM[m] = 1;
        queue.push(key + v[m]!, lowerBase + m);
        const vm = v[m]!;
        for (let c = colStart[m]!, end = colStart[m + 1]!; c < end; c++) {
          const x = colAdept[c]!;
          if (doneA[x] === 1 || this.waiting[x] === 1 || this.mentorOfAdept[x] === m) continue;
          const next = key + u[x]! + vm - bonus - scoreOf[colEdge[c]!]!;
          if (next < distA[x]!) {
            this.touchAdept(x, next);
            this.predMentorOfAdept[x] = m;
            this.predEdgeOfAdept[x] = colEdge[c]!;
            queue.push(next, adeptBase + x);
          }
        }
      } else if (id < lowerBase) {
        const x = id - adeptBase;
        if (doneA[x] === 1 || key > distA[x]!) continue;
        doneA[x] = 1;
        const own = this.mentorOfAdept[x]!;
        if (own < 0) {
          filledBy = x;
          delta = key;
          break;
        }
        // x leaves its mentor (reduced cost 0), which then needs an adept.
        if (doneM[own] === 0 && key < distM[own]!) {
          this.touchMentor(own, key);
          this.predAdeptOfMentor[own] = x;
          queue.push(key, own);
        }
      } else {
        lowered = id - lowerBase;
        delta = key;
        break;
      }
    }

    // Settled nodes closer than the end: v falls and u rises by their distance to it.
    for (let i = 0; i < this.touchedMCount; i++) {
      const m = this.touchedM[i]!;
      if (doneM[m] === 1 && distM[m]! < delta) v[m] = v[m]! - (delta - distM[m]!);
    }
    for (let i = 0; i < this.touchedACount; i++) {
      const x = this.touchedA[i]!;
      if (doneA[x] === 1 && distA[x]! < delta) u[x] = u[x]! + (delta - distA[x]!);
    }

    // The chain of moves, from the end back to m0: each adept moves into the mentor that reached it.
    let chainLength = 0;
    let x = filledBy >= 0 ? filledBy : lowered !== m0 ? this.predAdeptOfMentor[lowered]! : -1;
    while (x >= 0) {
      this.chain[chainLength++] = x;
      const to = this.predMentorOfAdept[x]!;
      if (to === m0) break;
      x = this.predAdeptOfMentor[to]!;
    }
    // Applied from m0 on, so that each adept leaves its mentor before another one moves in.
    for (let i = chainLength - 1; i >= 0; i--) {
      const mover = this.chain[i]!;
      const to = this.predMentorOfAdept[mover]!;
      this.unplace(mover);
      this.place(mover, this.predEdgeOfAdept[mover]!, this.slotStart[to]! + load[to]!);
      load[to] = load[to]! + 1;
    }

    // Matched pairs whose mentor's v fell more than the adept's u rose are tight again with a higher u.
    for (let i = 0; i < this.touchedMCount; i++) {
      const m = this.touchedM[i]!;
      if (doneM[m] === 0) continue;
      for (let s = this.slotStart[m]!, end = s + load[m]!; s < end; s++) {
        const a = this.slotAdept[s]!;
        const tight = bonus + scoreOf[this.edgeOfAdept[a]!]! - v[m]!;
        if (u[a]! < tight) u[a] = tight;
      }
    }
    this.resetSearch();
  }

  /** The adept leaves its mentor; the mentor's last adept moves into the freed slot (adepts stay first). */
  private unplace(a: number): void {
    const m = this.mentorOfAdept[a]!;
    if (m < 0) return;
    const slot = this.slotOfAdept[a]!;
    const last = this.slotStart[m]! + this.load[m]! - 1;
    const moved = this.slotAdept[last]!;
    this.slotAdept[slot] = moved;
    this.slotOfAdept[moved] = slot;
    this.load[m] = this.load[m]! - 1;
    this.mentorOfAdept[a] = -1;
    this.edgeOfAdept[a] = -1;
    this.slotOfAdept[a] = -1;
  }

  private place(x: number, edge: number, slot: number): void {
    const m = this.graph.mentorOf[edge]!;
    this.mentorOfAdept[x] = m;
    this.edgeOfAdept[x] = edge;
    this.slotAdept[slot] = x;
    this.slotOfAdept[x] = slot;
  }

  private touchAdept(x: number, dist: number): void {
    if (this.distA[x] === Number.POSITIVE_INFINITY) this.touchedA[this.touchedACount++] = x;
    this.distA[x] = dist;
  }

  private touchMentor(m: number, dist: number): void {
    if (this.distM[m] === Number.POSITIVE_INFINITY) this.touchedM[this.touchedMCount++] = m;
    this.distM[m] = dist;
  }

  /** Potentials of the nodes settled closer than the end of a forward path move by their distance to it. */
  private moveForwardPotentials(delta: number): void {
    const { u, v, distA, distM, doneA, doneM } = this;
    for (let i = 0; i < this.touchedACount; i++) {
      const x = this.touchedA[i]!;
      if (doneA[x] === 1 && distA[x]! < delta) u[x] = u[x]! - (delta - distA[x]!);
    }
    for (let i = 0; i < this.touchedMCount; i++) {
      const m = this.touchedM[i]!;
      if (doneM[m] === 1 && distM[m]! < delta) v[m] = v[m]! + (delta - distM[m]!);
    }
  }

  private resetSearch(): void {
    for (let i = 0; i < this.touchedACount; i++) {
      const x = this.touchedA[i]!;
      this.distA[x] = Number.POSITIVE_INFINITY;
      this.doneA[x] = 0;
    }
    for (let i = 0; i < this.touchedMCount; i++) {
      const m = this.touchedM[i]!;
      this.distM[m] = Number.POSITIVE_INFINITY;
      this.doneM[m] = 0;
    }
    this.touchedACount = 0;
    this.touchedMCount = 0;
  }

  private buildColumns(): void {
    if (this.colStart) return;
    const { adeptCount, mentorCount, rowStart, mentorOf } = this.graph;
    const colStart = new Int32Array(mentorCount + 1);
    for (let e = 0; e < mentorOf.length; e++) colStart[mentorOf[e]! + 1] = colStart[mentorOf[e]! + 1]! + 1;
    for (let m = 0; m < mentorCount; m++) colStart[m + 1] = colStart[m + 1]! + colStart[m]!;
    const fill = colStart.slice(0, mentorCount);
    const colEdge = new Int32Array(mentorOf.length);
    const colAdept = new Int32Array(mentorOf.length);
    for (let a = 0; a < adeptCount; a++) {
      for (let e = rowStart[a]!, end = rowStart[a + 1]!; e < end; e++) {
        const m = mentorOf[e]!;
        colEdge[fill[m]!] = e;
        colAdept[fill[m]!] = a;
        fill[m] = fill[m]! + 1;
      }
    }
    this.colStart = colStart;
    this.colEdge = colEdge;
    this.colAdept = colAdept;
  }
}
