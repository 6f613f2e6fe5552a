import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import munkres from 'munkres';
import { solveAndProve } from '../src/server/modules/matching/engine/prove.ts';
import { buildScoringContext } from '../src/server/modules/matching/engine/scoring.ts';
import { cardinalityBonusFor } from '../src/server/modules/matching/engine/solver.ts';
import { loadHighs } from '../src/server/modules/matching/engine/test-support/highs-reference.ts';
import { profileInstance } from '../src/server/modules/matching/engine/test-support/profiles.ts';
import type { CandidateGraph } from '../src/server/modules/matching/engine/types.ts';

/**
 * npm run bench:matching [-- --quick] [-- --repeat N]
 * Each measurement runs in a child process of its own (so peak memory is its own): profile instances from a
 * fixed seed, scored, solved on a pruned candidate set and proven optimal over every allowed pair; HiGHS,
 * munkres and greedy beside it. Ours runs N times (default 3), each in a fresh process, and the table shows
 * the median (the machine is shared); "ours, warm" repeats the small cohort inside one process, as a
 * running server would. Prints a Markdown table.
 */

const SEED = 20_240_601;
/** Heap for the children (HiGHS in WASM has its own 2 GB limit). */
const CHILD_HEAP_MB = 4096;
/** Runs of "ours" per instance, each in a fresh process; the median is shown. */
const DEFAULT_REPEAT = 3;
/** In-process runs for the warm measurement: the first WARM_UP ones (JIT still compiling) are left out. */
const WARM_RUNS = 15;
const WARM_UP = 5;

interface CaseResult {
  what: string;
  adepts: number;
  mentors: number;
  pairs: number;
  ms: number;
  peakMb: number;
  matched: number | null;
  score: number | null;
  note: string;
  /** All times when the case ran several times (the median is `ms`). */
  runs?: number[];
}

type Size = { adepts: number; mentors: number };
const sizeOf = (name: string): Size => {
  const [adepts, mentors] = name.split('x').map(Number) as [number, number];
  return { adepts, mentors };
};
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function ours(size: Size): CaseResult {
  const input = profileInstance({ seed: SEED, ...size });
  const started = performance.now();
  const context = buildScoringContext(input);
  const proven = solveAndProve(context.rows);
  const ms = performance.now() - started;
  return {
    what: 'ours',
    ...size,
    pairs: size.adepts * size.mentors,
    ms,
    peakMb: peakMb(),
    matched: proven.result.matched,
    score: proven.result.totalScore,
    note:
      `proven over all pairs; ${proven.rounds} round(s), ${proven.candidatePairs.toLocaleString('en-US')} ` +
      `candidate pairs, scored on ${proven.scoringThreads} thread(s)`,
  };
}

/** The same run repeated in one process (JIT warm, as in a running server); median after the warm-up. */
function oursWarm(size: Size): CaseResult {
  const runs: number[] = [];
  let last: CaseResult | null = null;
  for (let i = 0; i < WARM_RUNS; i++) {
    last = ours(size);
    runs.push(last.ms);
  }
  const warm = runs.slice(WARM_UP);
  return { ...last!, what: 'ours, warm', ms: median(warm), runs: warm };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Greedy, best pair first: over all allowed pairs when they fit in memory, else over our candidates. */
function greedy(size: Size): CaseResult {
  const input = profileInstance({ seed: SEED, ...size });
  const context = buildScoringContext(input);
  const rows = context.rows;
  const all = size.adepts * size.mentors <= 4_000_000;
  const candidates = all ? null : solveAndProve(rows).graph;
  const started = performance.now();
  const pairAdept: number[] = [];
  const pairMentor: number[] = [];
  const pairScore: number[] = [];
  if (all) {
    const scores = new Int32Array(rows.mentorCount);
    for (let a = 0; a < rows.adeptCount; a++) {
      rows.fillRow(a, scores);
      for (let m = 0; m < rows.mentorCount; m++) {
        if (scores[m]! < 0) continue;
        pairAdept.push(a);
        pairMentor.push(m);
        pairScore.push(scores[m]!);
      }
    }
  } else if (candidates) {
    const graph = candidates;
    for (let a = 0; a < graph.adeptCount; a++) {
      for (let e = graph.rowStart[a]!; e < graph.rowStart[a + 1]!; e++) {
        pairAdept.push(a);
        pairMentor.push(graph.mentorOf[e]!);
        pairScore.push(graph.scoreOf[e]!);
      }
    }
  }
  const order = Array.from(pairScore.keys()).sort((x, y) => pairScore[y]! - pairScore[x]! || x - y);
  const taken = new Uint8Array(rows.adeptCount);
  const load = new Int32Array(rows.mentorCount);
  let matched = 0;
  let score = 0;
  for (const i of order) {
    const a = pairAdept[i]!;
    const m = pairMentor[i]!;
    if (taken[a] === 1 || load[m]! >= rows.capacity[m]!) continue;
    taken[a] = 1;
    load[m] = load[m]! + 1;
    matched++;
    score += pairScore[i]!;
  }
  return {
    what: 'greedy',
    ...size,
    pairs: pairScore.length,
    ms: performance.now() - started,
    peakMb: peakMb(),
    matched,
    score,
    note: all ? 'over all allowed pairs' : 'over our candidate pairs',
  };
}

/** HiGHS on one LP with weights B + score (the same lexicographic objective), all pairs or our candidates. */
async function highs(size: Size, candidatesOnly: boolean): Promise<CaseResult> {
  const input = profileInstance({ seed: SEED, ...size });
  const context = buildScoringContext(input);
  const rows = context.rows;
  let graph: CandidateGraph;
  if (candidatesOnly) graph = solveAndProve(rows).graph;
  else graph = allPairs(rows);
  const solver = await loadHighs();
  const started = performance.now();
  let places = 0;
  for (let m = 0; m < graph.mentorCount; m++) places += graph.capacity[m]!;
  const bonus = cardinalityBonusFor(graph.maxScore, graph.adeptCount, places);
  const lines: string[] = ['Maximize', ' obj:'];
  const objective: string[] = [];
  for (let a = 0; a < graph.adeptCount; a++) {
    for (let e = graph.rowStart[a]!; e < graph.rowStart[a + 1]!; e++)
      objective.push(`+ ${bonus + graph.scoreOf[e]!} x${e}`);
  }
  lines.push(objective.join(' '), 'Subject To');
  const byMentor: string[][] = Array.from({ length: graph.mentorCount }, () => []);
  for (let a = 0; a < graph.adeptCount; a++) {
    const row: string[] = [];
    for (let e = graph.rowStart[a]!; e < graph.rowStart[a + 1]!; e++) {
      row.push(`+ x${e}`);
      byMentor[graph.mentorOf[e]!]!.push(`+ x${e}`);
    }
    if (row.length > 0) lines.push(` a${a}: ${row.join(' ')} <= 1`);
  }
  byMentor.forEach((terms, m) => {
    if (terms.length > 0) lines.push(` m${m}: ${terms.join(' ')} <= ${graph.capacity[m]}`);
  });
  lines.push('End');
  let result: { Status: string; Columns?: Record<string, { Primal: number }> };
  try {
    result = solver.solve(lines.join('\n'), { output_flag: false }) as typeof result;
  } catch (error) {
    return {
      what: candidatesOnly ? 'HiGHS (our candidates)' : 'HiGHS (all pairs)',
      ...size,
      pairs: graph.mentorOf.length,
      ms: performance.now() - started,
      peakMb: peakMb(),
      matched: null,
      score: null,
      note: `failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 80),
    };
  }
  let matched = 0;
  let score = 0;
  for (let e = 0; e < graph.mentorOf.length; e++) {
    if ((result.Columns?.[`x${e}`]?.Primal ?? 0) > 0.5) {
      matched++;
      score += graph.scoreOf[e]!;
    }
  }
  return {
    what: candidatesOnly ? 'HiGHS (our candidates)' : 'HiGHS (all pairs)',
    ...size,
    pairs: graph.mentorOf.length,
    ms: performance.now() - started,
    peakMb: peakMb(),
    matched,
    score,
    note: `status ${result.Status}; LP text and solve`,
  };
}

function allPairs(rows: ReturnType<typeof buildScoringContext>['rows']): CandidateGraph {
  const scores = new Int32Array(rows.mentorCount);
  const rowStart = new Int32Array(rows.adeptCount + 1);
  const mentorOf: number[] = [];
  const scoreOf: number[] = [];
  for (let a = 0; a < rows.adeptCount; a++) {
    rows.fillRow(a, scores);
    for (let m = 0; m < rows.mentorCount; m++) {
      if (scores[m]! < 0) continue;
      mentorOf.push(m);
      scoreOf.push(scores[m]!);
    }
    rowStart[a + 1] = mentorOf.length;
  }
  return {
    adeptCount: rows.adeptCount,
    mentorCount: rows.mentorCount,
    capacity: Int32Array.from(rows.capacity),
    rowStart,
    mentorOf: Int32Array.from(mentorOf),
    scoreOf: Int32Array.from(scoreOf),
    maxScore: rows.maxScore,
  };
}

/** munkres on the full cost matrix with mentors expanded into one column per place. */
function munkresCase(size: Size): CaseResult {
  const input = profileInstance({ seed: SEED, ...size });
  const context = buildScoringContext(input);
  const rows = context.rows;
  const started = performance.now();
  const slotMentor: number[] = [];
  for (let m = 0; m < rows.mentorCount; m++) for (let c = 0; c < rows.capacity[m]!; c++) slotMentor.push(m);
  const bonus = cardinalityBonusFor(rows.maxScore, rows.adeptCount, slotMentor.length);
  const scores = new Int32Array(rows.mentorCount);
  const matrix: Float64Array[] = [];
  for (let a = 0; a < rows.adeptCount; a++) {
    rows.fillRow(a, scores);
    matrix.push(Float64Array.from(slotMentor, (m) => (scores[m]! >= 0 ? -(bonus + scores[m]!) : 0)));
  }
  const assignment = munkres(matrix);
  let matched = 0;
  let score = 0;
  for (const [a, slot] of assignment) {
    const cost = matrix[a]![slot]!;
    if (cost < 0) {
      matched++;
      score += -cost - bonus;
    }
  }
  return {
    what: 'munkres (places expanded)',
    ...size,
    pairs: rows.adeptCount * slotMentor.length,
    ms: performance.now() - started,
    peakMb: peakMb(),
    matched,
    score,
    note: `${rows.adeptCount} × ${slotMentor.length} matrix`,
  };
}

async function runCase(what: string, name: string): Promise<CaseResult> {
  const size = sizeOf(name);
  if (what === 'ours') return ours(size);
  if (what === 'ours-warm') return oursWarm(size);
  if (what === 'greedy') return greedy(size);
  if (what === 'highs-all') return highs(size, false);
  if (what === 'highs-candidates') return highs(size, true);
  if (what === 'munkres') return munkresCase(size);
  throw new Error(`unknown case ${what}`);
}

function child(what: string, name: string): CaseResult {
  const script = fileURLToPath(import.meta.url);
  try {
    const out = execFileSync(
      process.execPath,
      [`--max-old-space-size=${CHILD_HEAP_MB}`, '--import', 'tsx', script, '--case', what, name],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 },
    );
    return JSON.parse(out.trim().split('\n').pop()!) as CaseResult;
  } catch (error) {
    const size = sizeOf(name);
    const message =
      error instanceof Error ? error.message.split('\n').find((l) => /memory|heap|abort/i.test(l)) : '';
    return {
      what,
      ...size,
      pairs: size.adepts * size.mentors,
      ms: Number.NaN,
      peakMb: Number.NaN,
      matched: null,
      score: null,
      note: `did not finish: ${message || 'crashed'}`.slice(0, 90),
    };
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const caseIndex = args.indexOf('--case');
  if (caseIndex >= 0) {
    const result = await runCase(args[caseIndex + 1]!, args[caseIndex + 2]!);
    console.log(JSON.stringify(result));
    return;
  }
  const quick = args.includes('--quick');
  const repeatIndex = args.indexOf('--repeat');
  const repeat = repeatIndex >= 0 ? Math.max(1, Number(args[repeatIndex + 1])) : DEFAULT_REPEAT;
  const plan: [string, string][] = quick
    ? [
        ['ours', '200x120'],
        ['ours-warm', '200x120'],
        ['greedy', '200x120'],
        ['ours', '2000x1000'],
        ['greedy', '2000x1000'],
        ['ours', '1000x500'],
        ['munkres', '1000x500'],
      ]
    : [
        ['ours', '200x120'],
        ['ours-warm', '200x120'],
        ['greedy', '200x120'],
        ['ours', '2000x1000'],
        ['greedy', '2000x1000'],
        ['highs-all', '2000x1000'],
        ['highs-all', '2500x1250'],
        ['ours', '10000x5000'],
        ['greedy', '10000x5000'],
        ['highs-candidates', '10000x5000'],
        ['ours', '4000x2000'],
        ['munkres', '4000x2000'],
        ['ours', '20000x10000'],
        ['greedy', '20000x10000'],
      ];
  const results: CaseResult[] = [];
  const loadBefore = loadavg()[0]!;
  for (const [what, name] of plan) {
    process.stderr.write(`${what} ${name} …\n`);
    if (what !== 'ours') {
      results.push(child(what, name));
      continue;
    }
    // Ours several times, each in a fresh process: the median time, the largest peak memory.
    const runs = Array.from({ length: repeat }, () => child(what, name));
    const times = runs.map((r) => r.ms);
    results.push({
      ...runs[0]!,
      ms: median(times),
      peakMb: Math.max(...runs.map((r) => r.peakMb)),
      runs: times,
    });
  }
  const best = new Map<string, CaseResult>();
  for (const r of results) if (r.what === 'ours') best.set(`${r.adepts}x${r.mentors}`, r);
  const format = (n: number | null) => (n === null || Number.isNaN(n) ? '—' : n.toLocaleString('en-US'));
  const load = `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`;
  console.log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}, seed ${SEED}, ${load}\n`,
  );
  console.log('| instance | method | pairs | time | peak RSS | matched | total score | vs ours | note |');
  console.log('|---|---|---:|---:|---:|---:|---:|---|---|');
  for (const r of results) {
    const ref = best.get(`${r.adepts}x${r.mentors}`);
    let versus = '';
    if (ref && !r.what.startsWith('ours') && r.matched !== null) {
      const speed =
        Number.isNaN(r.ms) || r.what === 'greedy' ? '' : `; ours ${(r.ms / ref.ms).toFixed(1)}× faster`;
      versus =
        r.matched === ref.matched && r.score === ref.score
          ? `same optimum${speed}`
          : `${ref.matched! - r.matched} fewer matched, ${format(ref.score! - r.score!)} less score${speed}`;
    }
    console.log(
      `| ${r.adepts} × ${r.mentors} | ${r.what} | ${format(r.pairs)} | ${Number.isNaN(r.ms) ? '—' : `${Math.round(r.ms)} ms`} | ` +
        `${Number.isNaN(r.peakMb) ? '—' : `${r.peakMb} MB`} | ${format(r.matched)} | ${format(r.score)} | ${versus} | ` +
        `${r.note}${r.runs ? `; runs ${r.runs.map((t) => Math.round(t)).join(', ')} ms` : ''} |`,
    );
  }
}

await main();
