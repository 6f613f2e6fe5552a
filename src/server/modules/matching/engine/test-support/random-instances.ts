import fc from 'fast-check';
import type { MatchingInstance } from '../types.ts';

/** Limits of the random core instances in the property tests: small enough for hundreds per second. */
export const RandomInstanceLimits = {
  maxAdepts: 60,
  maxMentors: 40,
  maxCapacity: 3,
  maxScore: 1000,
} as const;

/**
 * Random core instances: a density of allowed pairs, scores often tied (a few distinct values) so that
 * ties and degenerate optima are exercised, capacities 0..3, a few locks and forbidden pairs.
 */
export const instanceArbitrary: fc.Arbitrary<MatchingInstance> = fc
  .record({
    adepts: fc.integer({ min: 0, max: RandomInstanceLimits.maxAdepts }),
    mentors: fc.integer({ min: 0, max: RandomInstanceLimits.maxMentors }),
    density: fc.double({ min: 0.02, max: 0.6, noNaN: true }),
    distinctScores: fc.constantFrom(2, 5, 1001),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    lockShare: fc.constantFrom(0, 0, 0.05, 0.15),
    forbiddenShare: fc.constantFrom(0, 0.05, 0.2),
  })
  .map((p) => randomInstance(p));

export interface RandomInstanceParameters {
  adepts: number;
  mentors: number;
  density: number;
  distinctScores: number;
  seed: number;
  lockShare: number;
  forbiddenShare: number;
}

/** Mulberry32: a small seeded generator, so that failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInstance(p: RandomInstanceParameters): MatchingInstance {
  const random = seededRandom(p.seed);
  const int = (n: number) => Math.floor(random() * n);
  const adepts = Array.from({ length: p.adepts }, (_, i) => ({ id: `a${String(i).padStart(3, '0')}` }));
  const mentors = Array.from({ length: p.mentors }, (_, i) => ({
    id: `m${String(i).padStart(3, '0')}`,
    capacity: int(RandomInstanceLimits.maxCapacity + 1),
  }));
  const step = Math.max(1, Math.floor(RandomInstanceLimits.maxScore / Math.max(1, p.distinctScores - 1)));
  const pairs: MatchingInstance['pairs'] = [];
  const forbidden: MatchingInstance['forbidden'] = [];
  for (const adept of adepts) {
    for (const mentor of mentors) {
      if (random() >= p.density) continue;
      const score = Math.min(RandomInstanceLimits.maxScore, int(p.distinctScores) * step);
      pairs.push({ adept: adept.id, mentor: mentor.id, score });
      if (random() < p.forbiddenShare) forbidden.push({ adept: adept.id, mentor: mentor.id });
    }
  }
  // Locks on some allowed pairs, within capacity, at most one per adept.
  const forbiddenKeys = new Set(forbidden.map((f) => `${f.adept}/${f.mentor}`));
  const used = new Map<string, number>();
  const lockedAdepts = new Set<string>();
  const locked: MatchingInstance['locked'] = [];
  for (const pair of pairs) {
    if (random() >= p.lockShare || lockedAdepts.has(pair.adept)) continue;
    if (forbiddenKeys.has(`${pair.adept}/${pair.mentor}`)) continue;
    const capacity = mentors.find((m) => m.id === pair.mentor)!.capacity;
    if ((used.get(pair.mentor) ?? 0) >= capacity) continue;
    used.set(pair.mentor, (used.get(pair.mentor) ?? 0) + 1);
    lockedAdepts.add(pair.adept);
    locked.push({ adept: pair.adept, mentor: pair.mentor });
  }
  return { maxScore: RandomInstanceLimits.maxScore, adepts, mentors, pairs, locked, forbidden };
}
