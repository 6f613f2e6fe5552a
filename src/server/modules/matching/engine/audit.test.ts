import { describe, expect, it } from 'vitest';
import { checkStoredRun, instanceFromInput } from './audit.ts';
import { runMatching } from './engine.ts';
import { hashInput } from './hash.ts';
import { rankMentors } from './rank.ts';
import { rematchAdept } from './rematch.ts';
import { buildScoringContext } from './scoring.ts';
import { profileInstance } from './test-support/profiles.ts';

describe('a stored run re-checked from its input', () => {
  const input = profileInstance({ seed: 7, adepts: 40, mentors: 30, organisations: 8, forbidden: 5 });

  it('verifies a run, with locks, against the input it was given', () => {
    const first = runMatching(input);
    const locked = first.proposals.slice(0, 3).map((p) => ({ adept: p.adept, mentor: p.mentor }));
    const withLocks = { ...input, locked };
    const run = runMatching(withLocks);
    // Stored as JSON and read back, as the app does.
    const stored = JSON.parse(JSON.stringify({ input: withLocks, result: run }));
    const check = checkStoredRun(stored.input, stored.result);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    expect(check.hashMatches).toBe(true);
  });

  it('lists every allowed pair with the score a run uses', () => {
    const instance = instanceFromInput(input);
    const context = buildScoringContext(input);
    const allowed = context.freeAdepts.length * context.mentors.length;
    expect(instance.pairs.length).toBeGreaterThan(0);
    expect(instance.pairs.length).toBeLessThanOrEqual(allowed);
    const run = runMatching(input);
    for (const proposal of run.proposals) {
      const pair = instance.pairs.find((p) => p.adept === proposal.adept && p.mentor === proposal.mentor);
      expect(pair?.score).toBe(proposal.score);
    }
  });

  it('fails when the input or the result was changed afterwards', () => {
    const run = runMatching(input);
    const edited = structuredClone(input);
    edited.mentors[0]!.profile.capacity += 1;
    expect(checkStoredRun(edited, run).hashMatches).toBe(false);
    expect(checkStoredRun(edited, run).ok).toBe(false);
    const swapped = structuredClone(run);
    const [p, q] = swapped.proposals;
    [p!.mentor, q!.mentor] = [q!.mentor, p!.mentor];
    expect(checkStoredRun(input, swapped).ok).toBe(false);
  });

  it('verifies a strict re-match from the input it returns', () => {
    const run = runMatching(input);
    const currentPairs = run.proposals.map((p) => ({ adept: p.adept, mentor: p.mentor }));
    const target = currentPairs[0]!;
    const result = rematchAdept(input, {
      adept: target.adept,
      mode: 'strict',
      currentPairs,
      avoid: [target],
    });
    expect(hashInput(result.input)).toBe(result.run.inputHash);
    expect(checkStoredRun(result.input, result.run).ok).toBe(true);
  });
});

describe('ranking the mentors of one adept', () => {
  const input = profileInstance({ seed: 11, adepts: 10, mentors: 25, organisations: 5 });

  it('puts allowed mentors first by score, with the breakdown and the constraints of the others', () => {
    const adept = input.adepts[0]!.id;
    const ranking = rankMentors(input, adept);
    expect(ranking.mentors).toHaveLength(input.mentors.length);
    const allowed = ranking.mentors.filter((m) => m.constraints.length === 0);
    const firstExcluded = ranking.mentors.findIndex((m) => m.constraints.length > 0);
    if (firstExcluded >= 0) expect(firstExcluded).toBe(allowed.length);
    for (let i = 1; i < allowed.length; i++)
      expect(allowed[i - 1]!.score).toBeGreaterThanOrEqual(allowed[i]!.score);
    for (const mentor of ranking.mentors) {
      expect(Object.values(mentor.breakdown).reduce((s, p) => s + p, 0)).toBe(mentor.score);
      expect(mentor.explanation.every((r) => r.code === 'criterion')).toBe(true);
    }
    // The run's choice for a lone adept is the best allowed mentor.
    const alone = runMatching({ ...input, adepts: [input.adepts[0]!] });
    if (allowed.length > 0) expect(alone.proposals[0]?.score).toBe(allowed[0]!.score);
  });
});

describe('an organisation without a known location', () => {
  it('scores no travel to or from it, except within itself, and the run is still proven', () => {
    const input = profileInstance({ seed: 5, adepts: 12, mentors: 10, organisations: 3 });
    const unknown = input.organisations[0]!.id;
    const withUnknown = {
      ...input,
      rules: { ...input.rules, crossOrganisation: 'allowed' as const },
      organisations: input.organisations.map((o) =>
        o.id === unknown ? { id: o.id, latitude: null, longitude: null } : o,
      ),
    };
    const adept = withUnknown.adepts.find((a) => a.organisationId === unknown);
    if (adept) {
      const ranking = rankMentors(withUnknown, adept.id);
      for (const mentor of ranking.mentors) {
        const organisation = withUnknown.mentors.find((m) => m.id === mentor.mentor)!.organisationId;
        if (organisation === unknown) expect(mentor.distanceKm).toBe(0);
        else {
          expect(mentor.distanceKm).toBe(Number.POSITIVE_INFINITY);
          expect(mentor.breakdown.travel).toBe(0);
        }
      }
    }
    const run = runMatching(withUnknown);
    expect(checkStoredRun(JSON.parse(JSON.stringify(withUnknown)), run).ok).toBe(true);
  });
});
