import { checkSolution } from './checker.ts';
import type { MatchingRunResult } from './engine.ts';
import { hashInput } from './hash.ts';
import type { MatchingInput } from './scoring.ts';
import { breakdownTotal, buildScoringContext } from './scoring.ts';
import type { CheckResult, MatchingInstance, MatchingSolution, PairRef } from './types.ts';

/**
 * Re-checking a stored run years later: the profile input the app stored is scored again into the core
 * instance (every allowed pair with its score), and the stored result becomes the solution the
 * independent checker verifies — the same check `npm run match:check` makes on the JSON files.
 */

/** The core instance a profile input describes: every allowed pair with its score, locks and capacities. */
export function instanceFromInput(input: MatchingInput): MatchingInstance {
  const context = buildScoringContext(input);
  const { adepts, mentors, rows, freeAdepts, lockedMentorOfAdept } = context;
  const pairs: MatchingInstance['pairs'] = [];
  const scores = new Int32Array(mentors.length);
  freeAdepts.forEach((a, row) => {
    rows.fillRow(row, scores);
    for (let m = 0; m < mentors.length; m++) {
      if (scores[m]! >= 0) pairs.push({ adept: adepts[a]!.id, mentor: mentors[m]!.id, score: scores[m]! });
    }
  });
  const locked: PairRef[] = [];
  adepts.forEach((adept, a) => {
    const m = lockedMentorOfAdept[a]!;
    if (m < 0) return;
    const mentor = mentors[m]!.id;
    locked.push({ adept: adept.id, mentor });
    pairs.push({ adept: adept.id, mentor, score: breakdownTotal(context.breakdown(a, m)) });
  });
  const known = (p: PairRef) => context.adeptIndex.has(p.adept) && context.mentorIndex.has(p.mentor);
  return {
    maxScore: context.maxScore,
    adepts: adepts.map((a) => ({ id: a.id })),
    mentors: mentors.map((m, i) => ({ id: m.id, capacity: context.freeCapacity[i]! })),
    pairs,
    locked,
    forbidden: (input.forbidden ?? []).filter(known),
  };
}

/** A run's result in the solution format the checker and the CLI read. */
export function solutionFromResult(result: MatchingRunResult): MatchingSolution {
  return {
    pairs: result.proposals.map((p) => ({
      adept: p.adept,
      mentor: p.mentor,
      score: p.score,
      locked: p.locked,
    })),
    unmatchedAdepts: result.unmatched.map((u) => u.adept),
    totals: result.totals,
    certificate: result.certificate,
  };
}

/** Verifies a stored run against its stored input: the input's hash, then the certificate over every pair. */
export function checkStoredRun(
  input: MatchingInput,
  result: MatchingRunResult,
): CheckResult & { hashMatches: boolean } {
  const hashMatches = hashInput(input) === result.inputHash;
  const check = checkSolution(instanceFromInput(input), solutionFromResult(result));
  return { ...check, ok: check.ok && hashMatches, hashMatches };
}
