import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSolution } from './checker.ts';
import { indexInstance, solveInstance } from './instance.ts';
import { cardinalityBonusFor, solveByAuction, solveCandidateGraph } from './solver.ts';
import { repairWithPairs, solveBySuccessivePaths } from './ssp.ts';
import { referenceOptimum } from './test-support/highs-reference.ts';
import { instanceArbitrary, seededRandom } from './test-support/random-instances.ts';
import type { AssignmentResult, CandidateGraph, MatchingInstance } from './types.ts';

/** Random instances compared with HiGHS; bounded so the file runs in a few seconds. */
const PROPERTY_RUNS = 300;

describe('solver on random instances', () => {
  it('matches the HiGHS optimum (most adepts, then highest score) and its certificate checks', async () => {
    await fc.assert(
      fc.asyncProperty(instanceArbitrary, async (instance) => {
        const solution = solveInstance(instance);
        const check = checkSolution(instance, solution);
        expect(check.problems).toEqual([]);
        const reference = await referenceOptimum(instance);
        expect({ matched: solution.totals.matched, score: solution.totals.score }).toEqual(reference);
      }),
      { numRuns: PROPERTY_RUNS, seed: 20_240_601 },
    );
  });

  it('never proposes a pair that is not allowed, forbidden, or over capacity', () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        const solution = solveInstance(instance);
        const allowed = new Set(instance.pairs.map((p) => `${p.adept}/${p.mentor}`));
        const forbidden = new Set((instance.forbidden ?? []).map((p) => `${p.adept}/${p.mentor}`));
        const locked = new Set((instance.locked ?? []).map((p) => `${p.adept}/${p.mentor}`));
        const load = new Map<string, number>();
        for (const pair of solution.pairs) {
          const key = `${pair.adept}/${pair.mentor}`;
          if (!locked.has(key)) {
            expect(allowed.has(key)).toBe(true);
            expect(forbidden.has(key)).toBe(false);
          }
          load.set(pair.mentor, (load.get(pair.mentor) ?? 0) + 1);
        }
        for (const mentor of instance.mentors)
          expect(load.get(mentor.id) ?? 0).toBeLessThanOrEqual(mentor.capacity);
        for (const key of locked)
          expect(solution.pairs.some((p) => `${p.adept}/${p.mentor}` === key)).toBe(true);
      }),
      { numRuns: PROPERTY_RUNS, seed: 7 },
    );
  });

  it('gives byte-identical output for the same input, whatever the order of the lists', () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        const reversed: MatchingInstance = {
          ...instance,
          adepts: [...instance.adepts].reverse(),
          mentors: [...instance.mentors].reverse(),
          pairs: [...instance.pairs].reverse(),
        };
        const once = JSON.stringify(solveInstance(instance));
        expect(JSON.stringify(solveInstance(instance))).toBe(once);
        expect(JSON.stringify(solveInstance(reversed))).toBe(once);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});

/** The certificate conditions on every pair of a candidate graph, written out again. */
function certifies(graph: CandidateGraph, result: AssignmentResult): boolean {
  const { mentorOfAdept, adeptPotential: u, mentorPotential: v, cardinalityBonus: bonus } = result;
  const load = new Int32Array(graph.mentorCount);
  for (let a = 0; a < graph.adeptCount; a++) {
    const m = mentorOfAdept[a]!;
    if (u[a]! < 0 || (m < 0 && u[a] !== 0)) return false;
    for (let e = graph.rowStart[a]!; e < graph.rowStart[a + 1]!; e++) {
      const slack = u[a]! + v[graph.mentorOf[e]!]! - bonus - graph.scoreOf[e]!;
      if (slack < 0 || (graph.mentorOf[e] === m && slack !== 0)) return false;
    }
    if (m >= 0) load[m] = load[m]! + 1;
  }
  for (let m = 0; m < graph.mentorCount; m++) {
    if (v[m]! < 0 || load[m]! > graph.capacity[m]! || (load[m]! < graph.capacity[m]! && v[m] !== 0))
      return false;
  }
  return true;
}

const bonusOf = (graph: CandidateGraph) => {
  let places = 0;
  for (let m = 0; m < graph.mentorCount; m++) places += Math.max(0, graph.capacity[m]!);
  return cardinalityBonusFor(graph.maxScore, graph.adeptCount, places);
};

/** The graph with each pair kept with probability `share`. */
function somePairs(graph: CandidateGraph, share: number, seed: number): CandidateGraph {
  const random = seededRandom(seed);
  const rowStart = new Int32Array(graph.adeptCount + 1);
  const mentorOf: number[] = [];
  const scoreOf: number[] = [];
  for (let a = 0; a < graph.adeptCount; a++) {
    for (let e = graph.rowStart[a]!; e < graph.rowStart[a + 1]!; e++) {
      if (random() >= share) continue;
      mentorOf.push(graph.mentorOf[e]!);
      scoreOf.push(graph.scoreOf[e]!);
    }
    rowStart[a + 1] = mentorOf.length;
  }
  return { ...graph, rowStart, mentorOf: Int32Array.from(mentorOf), scoreOf: Int32Array.from(scoreOf) };
}

describe('the three ways of solving a candidate graph', () => {
  it('the auction never gives up on random instances and agrees with successive shortest paths', () => {
    fc.assert(
      fc.property(instanceArbitrary, (instance) => {
        const graph = indexInstance(instance).graph;
        const auction = solveByAuction(graph, bonusOf(graph));
        expect(auction).not.toBeNull();
        const paths = solveBySuccessivePaths(graph, bonusOf(graph));
        expect(certifies(graph, auction!)).toBe(true);
        expect(certifies(graph, paths)).toBe(true);
        expect([auction!.matched, auction!.totalScore]).toEqual([paths.matched, paths.totalScore]);
      }),
      { numRuns: PROPERTY_RUNS, seed: 17 },
    );
  });

  it('repairs an optimum after pairs are added (the warm start of a proof round)', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.integer({ min: 0, max: 1000 }), (instance, seed) => {
        const graph = indexInstance(instance).graph;
        const earlier = solveCandidateGraph(somePairs(graph, 0.6, seed));
        const repaired = repairWithPairs(graph, bonusOf(graph), earlier, graph.adeptCount);
        const fresh = solveCandidateGraph(graph);
        expect(repaired).not.toBeNull();
        expect(certifies(graph, repaired!)).toBe(true);
        expect([repaired!.matched, repaired!.totalScore]).toEqual([fresh.matched, fresh.totalScore]);
      }),
      { numRuns: PROPERTY_RUNS, seed: 19 },
    );
  });
});

describe('solver on instances where greedy is wrong', () => {
  it('gives the best mentor to the adept for whom it counts more', () => {
    // Greedy takes a1–m1 (90) first and leaves a2 without a mentor; optimal: a1–m2, a2–m1.
    const instance: MatchingInstance = {
      adepts: [{ id: 'a1' }, { id: 'a2' }],
      mentors: [
        { id: 'm1', capacity: 1 },
        { id: 'm2', capacity: 1 },
      ],
      pairs: [
        { adept: 'a1', mentor: 'm1', score: 90 },
        { adept: 'a1', mentor: 'm2', score: 80 },
        { adept: 'a2', mentor: 'm1', score: 85 },
      ],
    };
    const solution = solveInstance(instance);
    expect(solution.pairs.map((p) => `${p.adept}-${p.mentor}`)).toEqual(['a1-m2', 'a2-m1']);
    expect(solution.totals).toEqual({ matched: 2, score: 165, locked: 0, unmatched: 0 });
    expect(checkSolution(instance, solution).ok).toBe(true);
  });

  it('prefers one more matched adept over a higher total score', () => {
    // a1–m1 alone scores 100; matching both (a1–m2 10, a2–m1 10) scores 20 but matches two.
    const instance: MatchingInstance = {
      adepts: [{ id: 'a1' }, { id: 'a2' }],
      mentors: [
        { id: 'm1', capacity: 1 },
        { id: 'm2', capacity: 1 },
      ],
      pairs: [
        { adept: 'a1', mentor: 'm1', score: 100 },
        { adept: 'a1', mentor: 'm2', score: 10 },
        { adept: 'a2', mentor: 'm1', score: 10 },
      ],
    };
    const solution = solveInstance(instance);
    expect(solution.totals.matched).toBe(2);
    expect(solution.totals.score).toBe(20);
  });

  it('replaces an adept whose pair counts less when no more adepts can be matched', () => {
    // a1 is processed first and takes m1; a2 scores m1 higher and nobody else can take either.
    const instance: MatchingInstance = {
      adepts: [{ id: 'a1' }, { id: 'a2' }],
      mentors: [{ id: 'm1', capacity: 1 }],
      pairs: [
        { adept: 'a1', mentor: 'm1', score: 10 },
        { adept: 'a2', mentor: 'm1', score: 90 },
      ],
    };
    const solution = solveInstance(instance);
    expect(solution.pairs.map((p) => `${p.adept}-${p.mentor}`)).toEqual(['a2-m1']);
    expect(solution.unmatchedAdepts).toEqual(['a1']);
    expect(checkSolution(instance, solution).ok).toBe(true);
  });

  it('uses a mentor with capacity two along a long alternating path', () => {
    const instance: MatchingInstance = {
      adepts: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }],
      mentors: [
        { id: 'm1', capacity: 2 },
        { id: 'm2', capacity: 1 },
      ],
      pairs: [
        { adept: 'a1', mentor: 'm2', score: 100 },
        { adept: 'a1', mentor: 'm1', score: 95 },
        { adept: 'a2', mentor: 'm2', score: 100 },
        { adept: 'a3', mentor: 'm1', score: 50 },
      ],
    };
    const solution = solveInstance(instance);
    expect(solution.pairs.map((p) => `${p.adept}-${p.mentor}`)).toEqual(['a1-m1', 'a2-m2', 'a3-m1']);
    expect(checkSolution(instance, solution).ok).toBe(true);
  });
});
