import type {
  CheckProblem,
  CheckResult,
  IndexedClaim,
  MatchingInstance,
  MatchingSolution,
  ProgressCallback,
  ScoreRows,
} from './types.ts';
import { DEFAULT_MAX_SCORE, NOT_ALLOWED } from './types.ts';

/**
 * The certificate checker: an independent witness that a solution is optimal. It shares no code with the
 * solver and trusts nothing it is given; it needs only the allowed pairs, the solution and the potentials.
 *
 * Over the pairs that are not locked it checks, with exact integer arithmetic:
 * 1. primal feasibility: every pair is allowed and not forbidden, with its true score; no adept twice; no
 *    mentor above capacity; every locked pair present;
 * 2. dual feasibility: u ≥ 0, v ≥ 0 and u_a + v_m ≥ B + score(a, m) on every allowed pair;
 * 3. B larger than any matching's total score (so more matched adepts always weigh more);
 * 4. equal objectives: Σ (B + score) over the pairs = Σ u + Σ capacity · v.
 * By LP duality (1, 2, 4) no fractional matching weighs more; with 3, none matches more adepts, and none
 * with as many adepts has a higher total score.
 */

/** Dual-infeasible pairs returned for a re-solve; more are counted but not listed. */
export const MAX_LISTED_VIOLATIONS = 200_000;
/** Potentials and terms below this size add up within 32 bits (the fast loop). */
const INT32_SAFE = 2 ** 29;
/** How often (in adepts) the checker reports progress. */
const PROGRESS_EVERY_ADEPTS = 1024;

export interface VerifyOptions {
  onProgress?: ProgressCallback;
  /**
   * Also list the allowed pairs whose slack u + v − B − score is at least 0 but below this (up to a limit):
   * the pairs a next solve should consider. The proof does not depend on it.
   */
  listSlackBelow?: number;
}

/** Near pairs (see `listSlackBelow`) listed per adept of the rows, on average, at most. */
export const MAX_LISTED_NEAR_PAIRS_PER_ADEPT = 32;

/** Verifies a claim over rows of allowed pairs (the residual problem: locked adepts are not in the rows). */
export function verifyClaim(rows: ScoreRows, claim: IndexedClaim, options: VerifyOptions = {}): CheckResult {
  const problems: CheckProblem[] = [];
  const { adeptCount, mentorCount } = rows;
  const bonus = claim.cardinalityBonus;
  let totalCapacity = 0;
  for (let m = 0; m < mentorCount; m++) totalCapacity += rows.capacity[m]!;
  const minimumBonus = rows.maxScore * Math.min(adeptCount, totalCapacity) + 1;
  if (!Number.isSafeInteger(bonus) || bonus < minimumBonus) {
    problems.push({
      code: 'bonus_too_small',
      message: `the cardinality bonus ${bonus} must be an integer of at least ${minimumBonus}`,
    });
  }
  const isPotential = (value: number) => Number.isSafeInteger(value) && value >= 0;
  for (let a = 0; a < adeptCount; a++) {
    if (!isPotential(claim.adeptPotential[a]!)) {
      problems.push({
        code: 'negative_potential',
        message: `adept #${a}: potential must be a non-negative integer`,
      });
    }
  }
  for (let m = 0; m < mentorCount; m++) {
    if (!isPotential(claim.mentorPotential[m]!)) {
      problems.push({
        code: 'negative_potential',
        message: `mentor #${m}: potential must be a non-negative integer`,
      });
    }
  }

  const load = new Int32Array(mentorCount);
  const scores = new Int32Array(mentorCount);
  const flaggedMentor = new Int32Array(mentorCount);
  const violatingPairs: CheckResult['violatingPairs'] = [];
  let violatingPairCount = 0;
  const nearPairs: CheckResult['violatingPairs'] = [];
  const slackBelow = options.listSlackBelow ?? 0;
  const maxNearPairs = MAX_LISTED_NEAR_PAIRS_PER_ADEPT * adeptCount;
  const matrix = rows.matrix;
  const v = claim.mentorPotential;
  // v[m] − B − slackBelow per mentor, when every value is a small integer (else the general loop runs).
  let mentorTerm: Int32Array | null = new Int32Array(mentorCount);
  for (let m = 0; m < mentorCount && mentorTerm; m++) {
    const term = v[m]! - bonus - Math.max(0, slackBelow);
    if (Number.isSafeInteger(term) && Math.abs(term) < INT32_SAFE) mentorTerm[m] = term;
    else mentorTerm = null;
  }
  let primalObjective = 0;
  let dualObjective = 0;

  for (let a = 0; a < adeptCount; a++) {
    if (options.onProgress && a % PROGRESS_EVERY_ADEPTS === 0) {
      options.onProgress({ phase: 'proving', fraction: a / adeptCount });
    }
    const rowBase = a * mentorCount;
    if (!matrix) rows.fillRow(a, scores);
    const u = claim.adeptPotential[a]!;
    dualObjective += u;
    const mentor = claim.mentorOfAdept[a]!;
    if (mentor >= 0) {
      let score = -1;
      if (mentor < mentorCount) {
        score = matrix ? matrix[rowBase + mentor]! : scores[mentor]!;
        if (matrix && score === NOT_ALLOWED) score = -1;
      }
      if (score < 0) {
        problems.push({
          code: 'pair_not_allowed',
          message: `adept #${a} – mentor #${mentor} is not an allowed pair`,
        });
      } else {
        if (claim.scoreOfAdept[a] !== score) {
          problems.push({
            code: 'wrong_score',
            message: `adept #${a} – mentor #${mentor}: score ${claim.scoreOfAdept[a]}, should be ${score}`,
          });
        }
        load[mentor] = load[mentor]! + 1;
        primalObjective += bonus + score;
      }
    }
    // Dual feasibility: the tight inner loop over all allowed pairs of this adept, flagging every pair
    // whose slack is below `slackBelow` (at least 0, so violations are always flagged): a pair is flagged
    // when its score exceeds u + v[m] − B − slackBelow.
    let hits = 0;
    if (matrix && mentorTerm && Number.isInteger(u) && Math.abs(u) < INT32_SAFE) {
      // Small integers throughout: the JIT keeps this loop in 32-bit registers.
      const ui = u | 0;
      for (let m = 0, i = rowBase; m < mentorCount; m++, i++) {
        const score = matrix[i]!;
        if (score > ui + mentorTerm[m]! && score !== NOT_ALLOWED) flaggedMentor[hits++] = m;
      }
    } else {
      const need = u - bonus - Math.max(0, slackBelow);
      for (let m = 0; m < mentorCount; m++) {
        const score = matrix ? matrix[rowBase + m]! : scores[m]!;
        if (score !== NOT_ALLOWED && score >= 0 && score > need + v[m]!) flaggedMentor[hits++] = m;
      }
    }
    for (let h = 0; h < hits; h++) {
      const m = flaggedMentor[h]!;
      const score = matrix ? matrix[rowBase + m]! : scores[m]!;
      if (score > u - bonus + v[m]!) {
        violatingPairCount++;
        if (violatingPairs.length < MAX_LISTED_VIOLATIONS)
          violatingPairs.push({ adept: a, mentor: m, score });
      } else if (nearPairs.length < maxNearPairs) nearPairs.push({ adept: a, mentor: m, score });
    }
  }
  for (let m = 0; m < mentorCount; m++) {
    if (load[m]! > rows.capacity[m]!) {
      problems.push({
        code: 'capacity_exceeded',
        message: `mentor #${m} has ${load[m]} adepts, capacity ${rows.capacity[m]}`,
      });
    }
    dualObjective += rows.capacity[m]! * v[m]!;
  }
  if (violatingPairCount > 0) {
    const first = violatingPairs[0]!;
    problems.push({
      code: 'dual_infeasible',
      message:
        `${violatingPairCount} allowed pair(s) violate u + v ≥ B + score, ` +
        `e.g. adept #${first.adept} – mentor #${first.mentor} (score ${first.score})`,
    });
  }
  if (primalObjective !== dualObjective) {
    problems.push({
      code: 'objectives_differ',
      message: `primal objective ${primalObjective} ≠ dual objective ${dualObjective}`,
    });
  }
  options.onProgress?.({ phase: 'proving', fraction: 1 });
  return {
    ok: problems.length === 0,
    problems,
    violatingPairs,
    violatingPairCount,
    nearPairs,
    primalObjective,
    dualObjective,
  };
}

/**
 * Checks a solution in the JSON format against a core instance, both from any source (the CLI's
 * `match:check`). Problems name adepts and mentors by id.
 */
export function checkSolution(instance: MatchingInstance, solution: MatchingSolution): CheckResult {
  const problems: CheckProblem[] = [];
  const fail = (code: CheckProblem['code'], message: string): CheckResult => ({
    ok: false,
    problems: [...problems, { code, message }],
    violatingPairs: [],
    violatingPairCount: 0,
    nearPairs: [],
    primalObjective: 0,
    dualObjective: 0,
  });
  if (!instance || !Array.isArray(instance.adepts) || !Array.isArray(instance.mentors)) {
    return fail('malformed', 'the instance needs lists of adepts and mentors');
  }
  if (!solution || !Array.isArray(solution.pairs) || !solution.certificate) {
    return fail('malformed', 'the solution needs pairs and a certificate');
  }
  const maxScore = instance.maxScore ?? DEFAULT_MAX_SCORE;
  const adeptIds = instance.adepts.map((a) => a.id);
  const mentorIds = instance.mentors.map((m) => m.id);
  const adeptNumber = new Map(adeptIds.map((id, i) => [id, i]));
  const mentorNumber = new Map(mentorIds.map((id, i) => [id, i]));
  if (adeptNumber.size !== adeptIds.length || mentorNumber.size !== mentorIds.length) {
    return fail('duplicate', 'adept and mentor ids must be unique');
  }
  const pairKey = (adept: string, mentor: string) => JSON.stringify([adept, mentor]);
  const forbidden = new Set((instance.forbidden ?? []).map((p) => pairKey(p.adept, p.mentor)));
  const allowedScore = new Map<string, number>();
  for (const pair of instance.pairs ?? []) {
    if (!Number.isSafeInteger(pair.score) || pair.score < 0 || pair.score > maxScore) {
      return fail('malformed', `pair ${pair.adept}–${pair.mentor}: score outside 0..${maxScore}`);
    }
    if (!forbidden.has(pairKey(pair.adept, pair.mentor)))
      allowedScore.set(pairKey(pair.adept, pair.mentor), pair.score);
  }

  // Locked pairs: present in the solution, and set apart from the linear programme.
  const lockedMentor = new Map<string, string>();
  const freeCapacity = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  for (const lock of instance.locked ?? []) {
    lockedMentor.set(lock.adept, lock.mentor);
    freeCapacity.set(lock.mentor, (freeCapacity.get(lock.mentor) ?? 0) - 1);
  }
  const seenAdepts = new Set<string>();
  let totalScore = 0;
  for (const pair of solution.pairs) {
    if (!adeptNumber.has(pair.adept) || !mentorNumber.has(pair.mentor)) {
      problems.push({
        code: 'unknown_id',
        message: `pair ${pair.adept}–${pair.mentor}: unknown adept or mentor`,
      });
      continue;
    }
    if (seenAdepts.has(pair.adept)) {
      problems.push({ code: 'adept_twice', message: `adept ${pair.adept} has more than one mentor` });
    }
    seenAdepts.add(pair.adept);
    if (forbidden.has(pairKey(pair.adept, pair.mentor))) {
      problems.push({ code: 'pair_forbidden', message: `pair ${pair.adept}–${pair.mentor} is forbidden` });
    }
    totalScore += pair.score;
  }
  for (const [adept, mentor] of lockedMentor) {
    const kept = solution.pairs.some((p) => p.adept === adept && p.mentor === mentor);
    if (!kept) problems.push({ code: 'lock_missing', message: `locked pair ${adept}–${mentor} is missing` });
  }
  for (const pair of solution.pairs) {
    if (lockedMentor.get(pair.adept) === pair.mentor) {
      const expected = allowedScore.get(pairKey(pair.adept, pair.mentor)) ?? 0;
      if (pair.score !== expected) {
        problems.push({
          code: 'wrong_score',
          message: `locked pair ${pair.adept}–${pair.mentor}: score ${pair.score}, should be ${expected}`,
        });
      }
    }
  }
  const unmatchedCount = adeptIds.filter((id) => !seenAdepts.has(id)).length;
  const totals = solution.totals;
  if (
    !totals ||
    totals.matched !== solution.pairs.length ||
    totals.score !== totalScore ||
    totals.unmatched !== unmatchedCount ||
    totals.locked !== lockedMentor.size
  ) {
    problems.push({ code: 'wrong_totals', message: 'the totals do not add up to the pairs' });
  }

  // The residual problem over the adepts that are not locked, by index in the instance's order.
  const freeAdepts = adeptIds.filter((id) => !lockedMentor.has(id));
  const rowPairs = freeAdepts.map(() => [] as [number, number][]);
  const freeAdeptNumber = new Map(freeAdepts.map((id, i) => [id, i]));
  for (const [key, score] of allowedScore) {
    const [adept, mentor] = JSON.parse(key) as [string, string];
    const a = freeAdeptNumber.get(adept);
    const m = mentorNumber.get(mentor);
    if (a !== undefined && m !== undefined) rowPairs[a]!.push([m, score]);
  }
  const rows: ScoreRows = {
    adeptCount: freeAdepts.length,
    mentorCount: mentorIds.length,
    maxScore,
    capacity: mentorIds.map((id) => freeCapacity.get(id) ?? 0),
    fillRow(a, scores) {
      scores.fill(-1);
      for (const [m, score] of rowPairs[a]!) scores[m] = score;
    },
  };
  const mentorOfAdept = new Int32Array(freeAdepts.length).fill(-1);
  const scoreOfAdept = new Int32Array(freeAdepts.length);
  for (const pair of solution.pairs) {
    const a = freeAdeptNumber.get(pair.adept);
    const m = mentorNumber.get(pair.mentor);
    if (a === undefined || m === undefined) continue;
    mentorOfAdept[a] = m;
    scoreOfAdept[a] = pair.score;
  }
  const certificate = solution.certificate;
  const potential = (table: Record<string, number> | undefined, id: string) => {
    const value = table?.[id];
    return typeof value === 'number' ? value : Number.NaN;
  };
  const result = verifyClaim(rows, {
    mentorOfAdept,
    scoreOfAdept,
    adeptPotential: freeAdepts.map((id) => potential(certificate.adeptPotentials, id)),
    mentorPotential: mentorIds.map((id) => potential(certificate.mentorPotentials, id)),
    cardinalityBonus: certificate.cardinalityBonus,
  });
  // Name adepts and mentors by id instead of by number.
  const named = result.problems.map((p) => ({
    ...p,
    message: p.message
      .replace(/adept #(\d+)/g, (_, i) => `adept ${freeAdepts[Number(i)]}`)
      .replace(/mentor #(\d+)/g, (_, i) => `mentor ${mentorIds[Number(i)]}`),
  }));
  const all = [...problems, ...named];
  return { ...result, ok: all.length === 0, problems: all };
}
