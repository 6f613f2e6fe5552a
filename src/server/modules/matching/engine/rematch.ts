import type { MatchingOptions, MatchingRunResult } from './engine.ts';
import { runMatching } from './engine.ts';
import type { MatchingInput, ScoringContext } from './scoring.ts';
import type { PairRef, ScoreRows } from './types.ts';

/**
 * Re-matching one adept (a change of mentor, a declined proposal, a late applicant).
 *
 * strict: every other current pair stays exactly as it is (locked); the adept gets the best mentor with a
 * free place. Adepts without a pair stay out of the run.
 *
 * minimal_change: everything is re-optimised, preferring current pairs. Each current pair gets a keep
 * bonus K larger than any matching's total score (K = maxScore × min(adepts, places) + 1), and the
 * cardinality weight B is derived from the raised maximum (maxScore + K), so the objective is
 * lexicographic: (1) most adepts matched — a kept pair never costs a matched adept, because B exceeds every
 * total including the bonuses; (2) most current pairs kept — one more kept pair outweighs any score
 * difference; (3) the highest total score. The result reports how many other adepts would change.
 */
export type RematchMode = 'strict' | 'minimal_change';

export interface RematchRequest {
  adept: string;
  mode: RematchMode;
  /** The programme's current pairs, the adept's own included if it has one. */
  currentPairs: PairRef[];
  /** Pairs not to propose now (e.g. the declined proposal or the mentor being changed from). */
  avoid?: PairRef[];
}

export interface RematchResult {
  mode: RematchMode;
  adept: string;
  /** The adept's new mentor, or null when none is possible. */
  mentor: string | null;
  /** Other adepts whose mentor would change (minimal_change only; always empty in strict mode). */
  changed: { adept: string; from: string | null; to: string | null }[];
  run: MatchingRunResult;
  /**
   * The input the run was given, to store for auditing: in strict mode a plain input (the other pairs
   * locked, the avoided pairs forbidden) that `checkStoredRun` re-checks; in minimal_change mode the keep
   * bonus is added to its scores on top.
   */
  input: MatchingInput;
}

export function rematchAdept(
  input: MatchingInput,
  request: RematchRequest,
  options: Omit<MatchingOptions, 'adjustRows'> = {},
): RematchResult {
  const avoid = request.avoid ?? [];
  const avoided = new Set(avoid.map((p) => JSON.stringify([p.adept, p.mentor])));
  const others = request.currentPairs.filter(
    (p) => p.adept !== request.adept && !avoided.has(JSON.stringify([p.adept, p.mentor])),
  );
  const forbidden = [...(input.forbidden ?? []), ...avoid];

  if (request.mode === 'strict') {
    const keep = new Set([request.adept, ...others.map((p) => p.adept)]);
    const lockedElsewhere = (input.locked ?? []).filter(
      (p) => keep.has(p.adept) && p.adept !== request.adept,
    );
    const ownLock = (input.locked ?? []).filter(
      (p) => p.adept === request.adept && !avoided.has(JSON.stringify([p.adept, p.mentor])),
    );
    const lockedAdepts = new Set([...lockedElsewhere, ...ownLock].map((p) => p.adept));
    const strictInput: MatchingInput = {
      ...input,
      adepts: input.adepts.filter((a) => keep.has(a.id)),
      locked: [...lockedElsewhere, ...ownLock, ...others.filter((p) => !lockedAdepts.has(p.adept))],
      forbidden,
    };
    const run = runMatching(strictInput, options);
    return {
      mode: 'strict',
      adept: request.adept,
      mentor: run.proposals.find((p) => p.adept === request.adept)?.mentor ?? null,
      changed: [],
      run,
      input: strictInput,
    };
  }

  const current = new Map(others.map((p) => [p.adept, p.mentor]));
  const minimalInput: MatchingInput = { ...input, forbidden };
  const run = runMatching(minimalInput, {
    ...options,
    adjustRows: (context) => withKeepBonus(context, current),
  });
  const proposed = new Map(run.proposals.map((p) => [p.adept, p.mentor]));
  const changed: RematchResult['changed'] = [];
  for (const adept of input.adepts.map((a) => a.id).sort()) {
    if (adept === request.adept) continue;
    const from = current.get(adept) ?? null;
    const to = proposed.get(adept) ?? null;
    if (from !== null && from !== to) changed.push({ adept, from, to });
  }
  return {
    mode: 'minimal_change',
    adept: request.adept,
    mentor: proposed.get(request.adept) ?? null,
    changed,
    run,
    input: minimalInput,
  };
}

/** The context's rows with a keep bonus on each current pair that is still allowed. */
function withKeepBonus(context: ScoringContext, current: Map<string, string>): ScoreRows {
  const rows = context.rows;
  let places = 0;
  for (let m = 0; m < rows.mentorCount; m++) places += rows.capacity[m]!;
  const keepBonus = rows.maxScore * Math.min(rows.adeptCount, places) + 1;
  const currentMentorOfRow = Int32Array.from(context.freeAdepts, (a) => {
    const mentor = current.get(context.adepts[a]!.id);
    return mentor === undefined ? -1 : (context.mentorIndex.get(mentor) ?? -1);
  });
  return {
    ...rows,
    maxScore: rows.maxScore + keepBonus,
    fillRow(row, scores) {
      rows.fillRow(row, scores);
      const m = currentMentorOfRow[row]!;
      if (m >= 0 && scores[m]! >= 0) scores[m] = scores[m]! + keepBonus;
    },
  };
}
