import type { MatchingInstance } from '../types.ts';

/**
 * An independent reference: the same problem as linear programmes solved by HiGHS (bipartite b-matching
 * has integral optima). Two LPs encode the lexicographic objective: the most adepts matched, then, with
 * that many matched, the largest total score. Locked pairs are fixed at 1.
 */

export interface HighsResult {
  Status: string;
  ObjectiveValue: number;
}
type Highs = { solve(problem: string, options?: Record<string, unknown>): HighsResult };
let highsPromise: Promise<Highs> | null = null;

export function loadHighs(): Promise<Highs> {
  highsPromise ??= import('highs').then((module) => (module.default as unknown as () => Promise<Highs>)());
  return highsPromise;
}

export interface ReferenceOptimum {
  matched: number;
  score: number;
}

export function referenceLp(instance: MatchingInstance, matchedAtLeast: number | null): string {
  const adeptIndex = new Map(instance.adepts.map((a, i) => [a.id, i]));
  const mentorIndex = new Map(instance.mentors.map((m, i) => [m.id, i]));
  const forbidden = new Set((instance.forbidden ?? []).map((p) => `${p.adept}\u0000${p.mentor}`));
  const locked = new Set((instance.locked ?? []).map((p) => `${p.adept}\u0000${p.mentor}`));
  const variables: { name: string; a: number; m: number; score: number; locked: boolean }[] = [];
  const seen = new Set<string>();
  for (const pair of instance.pairs) {
    const key = `${pair.adept}\u0000${pair.mentor}`;
    if (forbidden.has(key)) continue;
    seen.add(key);
    const a = adeptIndex.get(pair.adept)!;
    const m = mentorIndex.get(pair.mentor)!;
    variables.push({ name: `x${a}_${m}`, a, m, score: pair.score, locked: locked.has(key) });
  }
  for (const lock of instance.locked ?? []) {
    const key = `${lock.adept}\u0000${lock.mentor}`;
    if (seen.has(key)) continue;
    const a = adeptIndex.get(lock.adept)!;
    const m = mentorIndex.get(lock.mentor)!;
    variables.push({ name: `x${a}_${m}`, a, m, score: 0, locked: true });
  }
  const lines: string[] = [];
  const terms = (items: typeof variables, coefficient: (v: (typeof variables)[number]) => number) =>
    items.length === 0 ? '0 dummy' : items.map((v) => `${coefficient(v)} ${v.name}`).join(' + ');
  lines.push('Maximize');
  lines.push(` obj: ${terms(variables, (v) => (matchedAtLeast === null ? 1 : v.score))}`);
  lines.push('Subject To');
  const byAdept = new Map<number, typeof variables>();
  const byMentor = new Map<number, typeof variables>();
  for (const v of variables) {
    if (!byAdept.has(v.a)) byAdept.set(v.a, []);
    byAdept.get(v.a)!.push(v);
    if (!byMentor.has(v.m)) byMentor.set(v.m, []);
    byMentor.get(v.m)!.push(v);
  }
  for (const [a, items] of byAdept) lines.push(` a${a}: ${terms(items, () => 1)} <= 1`);
  for (const [m, items] of byMentor)
    lines.push(` m${m}: ${terms(items, () => 1)} <= ${instance.mentors[m]!.capacity}`);
  if (matchedAtLeast !== null) lines.push(` card: ${terms(variables, () => 1)} >= ${matchedAtLeast}`);
  lines.push('Bounds');
  for (const v of variables) lines.push(v.locked ? ` ${v.name} = 1` : ` 0 <= ${v.name} <= 1`);
  lines.push(' dummy = 0');
  lines.push('End');
  return lines.join('\n');
}

export async function referenceOptimum(instance: MatchingInstance): Promise<ReferenceOptimum> {
  const highs = await loadHighs();
  const options = { output_flag: false };
  const first = highs.solve(referenceLp(instance, null), options);
  if (first.Status !== 'Optimal') throw new Error(`HiGHS: ${first.Status}`);
  const matched = Math.round(first.ObjectiveValue);
  const second = highs.solve(referenceLp(instance, matched), options);
  if (second.Status !== 'Optimal') throw new Error(`HiGHS: ${second.Status}`);
  return { matched, score: Math.round(second.ObjectiveValue) };
}
