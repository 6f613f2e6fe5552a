import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSolution, verifyClaim } from './checker.ts';
import { indexInstance, solveInstance } from './instance.ts';
import { scoreAndSelect, topCandidates } from './prove.ts';
import { solveCandidateGraph } from './solver.ts';
import { instanceArbitrary, randomInstance } from './test-support/random-instances.ts';
import type { MatchingInstance, MatchingSolution, ScoreRows } from './types.ts';

const instance: MatchingInstance = randomInstance({
  adepts: 30,
  mentors: 15,
  density: 0.4,
  distinctScores: 1001,
  seed: 42,
  lockShare: 0.05,
  forbiddenShare: 0.1,
});
const solution = solveInstance(instance);
const copy = (): MatchingSolution => structuredClone(solution);
const codes = (s: MatchingSolution) => checkSolution(instance, s).problems.map((p) => p.code);

describe('certificate checker', () => {
  it('accepts the solver’s solution', () => {
    expect(solution.totals.matched).toBeGreaterThan(5);
    expect(checkSolution(instance, solution)).toMatchObject({ ok: true, problems: [] });
  });

  it('rejects two adepts swapping mentors', () => {
    const tampered = copy();
    const free = tampered.pairs.filter((p) => !p.locked);
    const a = free[0]!;
    const b = free.find((p) => p.mentor !== a.mentor)!;
    [a.mentor, b.mentor] = [b.mentor, a.mentor];
    expect(checkSolution(instance, tampered).ok).toBe(false);
  });

  it('rejects a lowered potential', () => {
    const tampered = copy();
    const adept = Object.keys(tampered.certificate.adeptPotentials).find(
      (id) => tampered.certificate.adeptPotentials[id]! > 0,
    )!;
    tampered.certificate.adeptPotentials[adept]! -= 1;
    expect(codes(tampered)).toContain('dual_infeasible');
  });

  it('rejects a raised potential (objectives differ)', () => {
    const tampered = copy();
    const mentor = Object.keys(tampered.certificate.mentorPotentials)[0]!;
    tampered.certificate.mentorPotentials[mentor]! += 5;
    expect(codes(tampered)).toContain('objectives_differ');
  });

  it('rejects an exceeded capacity', () => {
    const tampered = copy();
    const full = instance.mentors.find(
      (m) => m.capacity > 0 && tampered.pairs.filter((p) => p.mentor === m.id).length === m.capacity,
    )!;
    const pair = instance.pairs.find(
      (p) =>
        p.mentor === full.id &&
        tampered.unmatchedAdepts.includes(p.adept) &&
        !(instance.forbidden ?? []).some((f) => f.adept === p.adept && f.mentor === p.mentor),
    );
    if (pair) {
      tampered.pairs.push({ ...pair, locked: false });
      tampered.unmatchedAdepts = tampered.unmatchedAdepts.filter((id) => id !== pair.adept);
    } else {
      // Nobody unmatched who could take it: move an adept onto the full mentor instead.
      const moved = tampered.pairs.find((p) => !p.locked && p.mentor !== full.id)!;
      moved.mentor = full.id;
    }
    tampered.totals.matched = tampered.pairs.length;
    tampered.totals.score = tampered.pairs.reduce((sum, p) => sum + p.score, 0);
    tampered.totals.unmatched = tampered.unmatchedAdepts.length;
    expect(codes(tampered)).toContain('capacity_exceeded');
  });

  it('rejects a forbidden pair, a dropped lock, a wrong score and a too small bonus', () => {
    const forbidden = instance.forbidden![0]!;
    const withForbidden = copy();
    withForbidden.pairs.push({ ...forbidden, score: 0, locked: false });
    expect(codes(withForbidden)).toContain('pair_forbidden');

    const lock = instance.locked![0]!;
    const withoutLock = copy();
    withoutLock.pairs = withoutLock.pairs.filter(
      (p) => !(p.adept === lock.adept && p.mentor === lock.mentor),
    );
    expect(codes(withoutLock)).toContain('lock_missing');

    const wrongScore = copy();
    wrongScore.pairs.find((p) => !p.locked)!.score += 1;
    expect(codes(wrongScore)).toContain('wrong_score');

    const smallBonus = copy();
    smallBonus.certificate.cardinalityBonus = 10;
    expect(codes(smallBonus)).toContain('bonus_too_small');
  });

  it('rejects a suboptimal solution even with its own consistent totals', () => {
    fc.assert(
      fc.property(instanceArbitrary, (random) => {
        const good = solveInstance(random);
        const removable = good.pairs.find((p) => !p.locked);
        if (!removable) return;
        const worse = structuredClone(good);
        worse.pairs = worse.pairs.filter((p) => p !== worse.pairs.find((q) => q.adept === removable.adept));
        worse.unmatchedAdepts.push(removable.adept);
        worse.totals = {
          ...worse.totals,
          matched: worse.pairs.length,
          score: worse.totals.score - removable.score,
          unmatched: worse.unmatchedAdepts.length,
        };
        expect(checkSolution(random, worse).ok).toBe(false);
      }),
      { numRuns: 100, seed: 3 },
    );
  });

  it('reads scores kept in memory as it reads scored rows, near pairs included', () => {
    fc.assert(
      fc.property(instanceArbitrary, fc.integer({ min: 0, max: 50 }), (random, slack) => {
        const graph = indexInstance(random).graph;
        const scored: ScoreRows = {
          adeptCount: graph.adeptCount,
          mentorCount: graph.mentorCount,
          maxScore: graph.maxScore,
          capacity: graph.capacity,
          fillRow(a, scores) {
            scores.fill(-1);
            for (let e = graph.rowStart[a]!; e < graph.rowStart[a + 1]!; e++)
              scores[graph.mentorOf[e]!] = graph.scoreOf[e]!;
          },
        };
        const { rows: kept } = scoreAndSelect(scored, 2);
        expect(kept.matrix).toBeDefined();
        // A solve on a third of the pairs: a claim with violations and near pairs to find.
        const claim = solveCandidateGraph(topCandidates(scored, 1));
        const options = { listSlackBelow: slack };
        expect(verifyClaim(kept, claim, options)).toEqual(verifyClaim(scored, claim, options));
      }),
      { numRuns: 100, seed: 23 },
    );
  });
});
