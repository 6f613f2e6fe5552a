import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runMatching, runMatchingWithContext } from './engine.ts';
import { renderReason } from './explain.ts';
import { rematchAdept } from './rematch.ts';
import { runMatchingInWorker } from './run-in-worker.ts';
import type { MatchingInput } from './scoring.ts';
import { breakdownTotal, buildScoringContext, haversineKm } from './scoring.ts';
import { profileInstance } from './test-support/profiles.ts';

const levelRank = { direct: 0, indirect: 1, strategic: 2 } as const;

/** The hard constraints, written again independently of the scoring layer. */
function brokenHardConstraint(input: MatchingInput, adeptId: string, mentorId: string): string | null {
  const adept = input.adepts.find((a) => a.id === adeptId)!;
  const mentor = input.mentors.find((m) => m.id === mentorId)!;
  if (input.rules.crossOrganisation === 'required' && adept.organisationId === mentor.organisationId) {
    return 'same organisation';
  }
  for (const link of input.links ?? []) {
    const between =
      (link.personA === adeptId && link.personB === mentorId) ||
      (link.personA === mentorId && link.personB === adeptId);
    if (between && (link.kind === 'declared_conflict' || input.rules.excludeDependency)) return 'dependency';
  }
  if ((input.forbidden ?? []).some((f) => f.adept === adeptId && f.mentor === mentorId)) return 'forbidden';
  if (!mentor.admitted) return 'not admitted';
  if (input.rules.requireTrainedMentor && !mentor.trained) return 'not trained';
  if (
    input.rules.mentorLevelAtLeastAdept &&
    levelRank[mentor.basics.managementLevel] < levelRank[adept.basics.managementLevel]
  ) {
    return 'level below';
  }
  return null;
}

const parametersArbitrary = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  adepts: fc.integer({ min: 0, max: 40 }),
  mentors: fc.integer({ min: 0, max: 25 }),
  organisations: fc.integer({ min: 1, max: 12 }),
  unavailableShare: fc.constantFrom(0, 0.1, 0.4),
  forbidden: fc.integer({ min: 0, max: 10 }),
  rules: fc.record({
    crossOrganisation: fc.constantFrom('required', 'preferred', 'allowed' as const),
    excludeDependency: fc.boolean(),
    mentorLevelAtLeastAdept: fc.boolean(),
    requireTrainedMentor: fc.boolean(),
  }),
});

describe('scoring and the engine on random profiles', () => {
  it('never breaks a hard constraint or a capacity, and proves every run', () => {
    fc.assert(
      fc.property(parametersArbitrary, (parameters) => {
        const input = profileInstance(parameters);
        const result = runMatching(input, { explain: false, candidatesPerAdept: 3 });
        expect(result.proof.verified).toBe(true);
        const load = new Map<string, number>();
        for (const pair of result.proposals) {
          expect(brokenHardConstraint(input, pair.adept, pair.mentor)).toBeNull();
          load.set(pair.mentor, (load.get(pair.mentor) ?? 0) + 1);
        }
        for (const mentor of input.mentors) {
          expect(load.get(mentor.id) ?? 0).toBeLessThanOrEqual(
            mentor.profile.capacity - mentor.currentAdepts,
          );
        }
        expect(result.totals.matched + result.totals.unmatched).toBe(input.adepts.length);
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  it('scores every pair in the fast rows as the readable breakdown does', () => {
    fc.assert(
      fc.property(parametersArbitrary, (parameters) => {
        const input = profileInstance({
          ...parameters,
          rules: { ...parameters.rules, crossOrganisation: 'allowed' },
        });
        const context = buildScoringContext(input);
        const scores = new Int32Array(context.mentors.length);
        context.freeAdepts.forEach((a, row) => {
          context.rows.fillRow(row, scores);
          context.mentors.forEach((_, m) => {
            if (scores[m]! >= 0) expect(scores[m]).toBe(breakdownTotal(context.breakdown(a, m)));
            else expect(context.exclusions(a, m)).not.toEqual([]);
          });
        });
      }),
      { numRuns: 60, seed: 9 },
    );
  });

  it('gives the same optimum with a small candidate set as with every pair', () => {
    fc.assert(
      fc.property(parametersArbitrary, (parameters) => {
        const input = profileInstance(parameters);
        const pruned = runMatching(input, { explain: false, candidatesPerAdept: 1 });
        const full = runMatching(input, { explain: false, candidatesPerAdept: 1000 });
        expect(pruned.totals).toEqual(full.totals);
      }),
      { numRuns: 80, seed: 13 },
    );
  });

  it('gives byte-identical output for the same input', () => {
    const input = profileInstance({ seed: 77, adepts: 60, mentors: 35, organisations: 10 });
    const once = JSON.stringify(runMatching(input));
    expect(JSON.stringify(runMatching(structuredClone(input)))).toBe(once);
    const shuffled = { ...input, adepts: [...input.adepts].reverse(), mentors: [...input.mentors].reverse() };
    const again = runMatching(shuffled);
    expect(JSON.stringify({ ...again, inputHash: '' })).toBe(
      JSON.stringify({ ...JSON.parse(once), inputHash: '' }),
    );
  });

  it('measures travel with haversine (Stockholm–Göteborg about 400 km)', () => {
    const km = haversineKm(
      { id: 's', latitude: 59.3293, longitude: 18.0686 },
      { id: 'g', latitude: 57.7089, longitude: 11.9746 },
    );
    expect(km).toBeGreaterThan(390);
    expect(km).toBeLessThan(400);
  });
});

describe('explanations', () => {
  const base = (): MatchingInput => ({
    rules: {
      crossOrganisation: 'required',
      excludeDependency: true,
      mentorLevelAtLeastAdept: false,
      requireTrainedMentor: false,
    },
    organisations: [
      { id: 'o1', latitude: 59.33, longitude: 18.07 },
      { id: 'o2', latitude: 59.86, longitude: 17.64 },
    ],
    adepts: [
      {
        id: 'adept-1',
        organisationId: 'o1',
        basics: {
          managementLevel: 'direct',
          sector: 'kommun',
          languages: ['svenska'],
          maxTravelMinutes: 90,
          gender: 'woman',
        },
        needs: {
          developmentAreas: ['change', 'conflict'],
          wishes: { sector: '', level: null, gender: 'unspecified', otherOrganisation: false, other: '' },
        },
      },
    ],
    mentors: [
      {
        id: 'mentor-same-org',
        organisationId: 'o1',
        basics: { managementLevel: 'indirect', sector: 'kommun', languages: ['svenska'], gender: 'man' },
        profile: {
          competences: ['change', 'conflict'],
          experienceLevels: ['direct', 'indirect'],
          sectors: [],
          capacity: 1,
        },
        currentAdepts: 0,
        admitted: true,
        trained: true,
      },
      {
        id: 'mentor-other-org',
        organisationId: 'o2',
        basics: { managementLevel: 'indirect', sector: 'region', languages: ['svenska'], gender: 'woman' },
        profile: { competences: ['change'], experienceLevels: ['direct'], sectors: [], capacity: 1 },
        currentAdepts: 0,
        admitted: true,
        trained: true,
      },
    ],
  });

  it('names the criteria and why the best-scoring mentor was not possible, in Swedish and English', () => {
    const result = runMatching(base());
    const proposal = result.proposals[0]!;
    expect(proposal.mentor).toBe('mentor-other-org');
    expect(proposal.explanation).toContainEqual({
      code: 'best_mentor_excluded',
      mentor: 'mentor-same-org',
      constraints: ['same_organisation'],
    });
    const sv = proposal.explanation!.map((r) => renderReason(r, 'sv'));
    const en = proposal.explanation!.map((r) => renderReason(r, 'en'));
    expect(sv).toContain(
      'Högst poäng hade mentor-same-org, men det paret är inte möjligt: samma organisation.',
    );
    expect(en).toContain('The highest-scoring mentor, mentor-same-org, is not possible: same organisation.');
    expect(sv.some((s) => s.startsWith('Utvecklingsområden mot mentorns kompetenser: 15 av 30 poäng'))).toBe(
      true,
    );
  });

  it('gives the opportunity cost when the best mentor went to another adept', () => {
    const input = base();
    input.rules.crossOrganisation = 'allowed';
    input.mentors[1]!.profile.competences = ['change', 'conflict'];
    // A second adept who needs the same-organisation mentor more (the other mentor is far for them).
    input.adepts.push({
      ...structuredClone(input.adepts[0]!),
      id: 'adept-2',
      basics: { ...input.adepts[0]!.basics, maxTravelMinutes: 0 },
    });
    const { result, state } = runMatchingWithContext(input);
    const reasons = result.proposals.flatMap((p) => p.explanation ?? []);
    expect(result.proposals.map((p) => `${p.adept}-${p.mentor}`)).toEqual([
      'adept-1-mentor-other-org',
      'adept-2-mentor-same-org',
    ]);
    const elsewhere = reasons.find(
      (r) => r.code === 'best_mentor_elsewhere' || r.code === 'best_mentor_no_gain',
    );
    expect(elsewhere).toMatchObject({ mentor: 'mentor-same-org' });
    expect(state.cardinalityBonus).toBeGreaterThan(0);
    expect(renderReason(elsewhere!, 'en')).toMatch(
      /went to another adept: the total (is at least|would not be)/,
    );
  });

  it('explains an adept without a mentor', () => {
    const input = base();
    input.mentors = [input.mentors[0]!];
    const result = runMatching(input);
    expect(result.unmatched).toEqual([
      {
        adept: 'adept-1',
        explanation: [{ code: 'no_allowed_mentor', excludedBy: { same_organisation: 1 } }],
      },
    ]);
    expect(renderReason(result.unmatched[0]!.explanation![0]!, 'sv')).toBe(
      'Ingen mentor är möjlig: samma organisation (1).',
    );
  });
});

describe('re-matching one adept', () => {
  const input = profileInstance({ seed: 21, adepts: 40, mentors: 25, organisations: 8 });
  const first = runMatching(input, { explain: false });
  const currentPairs = first.proposals.map((p) => ({ adept: p.adept, mentor: p.mentor }));
  const target = currentPairs[3]!;

  it('strict mode changes no other pair', () => {
    const result = rematchAdept(input, {
      adept: target.adept,
      mode: 'strict',
      currentPairs,
      avoid: [target],
    });
    expect(result.mentor).not.toBe(target.mentor);
    const after = new Map(result.run.proposals.map((p) => [p.adept, p.mentor]));
    for (const pair of currentPairs) {
      if (pair.adept !== target.adept) expect(after.get(pair.adept)).toBe(pair.mentor);
    }
    expect(result.changed).toEqual([]);
  });

  it('minimal-change mode keeps the matched count and reports how many others change', () => {
    const result = rematchAdept(input, {
      adept: target.adept,
      mode: 'minimal_change',
      currentPairs,
      avoid: [target],
    });
    const strict = rematchAdept(input, {
      adept: target.adept,
      mode: 'strict',
      currentPairs,
      avoid: [target],
    });
    expect(result.run.totals.matched).toBeGreaterThanOrEqual(strict.run.totals.matched);
    expect(result.mentor).not.toBe(target.mentor);
    // Keeping everyone is possible whenever strict mode finds the adept a mentor, and it is preferred.
    if (strict.mentor !== null && result.run.totals.matched === strict.run.totals.matched) {
      expect(result.changed).toEqual([]);
    }
    expect(result.run.proof.verified).toBe(true);
  });
});

describe('worker thread', () => {
  it('runs a matching in a worker with progress', async () => {
    const input = profileInstance({ seed: 3, adepts: 30, mentors: 20, organisations: 6 });
    const phases = new Set<string>();
    const result = await runMatchingInWorker(input, (p) => phases.add(p.phase), { explain: false });
    expect(result).toEqual(runMatching(input, { explain: false }));
    expect([...phases]).toEqual(expect.arrayContaining(['scoring', 'solving', 'proving']));
  });
});
