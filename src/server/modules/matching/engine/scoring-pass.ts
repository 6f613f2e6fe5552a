import { Worker } from 'node:worker_threads';
import type { SelectorBuffers } from './candidates.ts';
import { CandidateSelector, candidateGraph, selectorBuffers, selectorWorkerSource } from './candidates.ts';
import type { KernelSource } from './kernel.ts';
import { kernelSourceOf, kernelWorkerSource, type RowKernel } from './kernel.ts';
import type { CandidateGraph, ProgressCallback, ScoreRows } from './types.ts';
import { NOT_ALLOWED } from './types.ts';

/**
 * The scoring pass: every pair scored once, the candidates selected on the way, the scores kept in memory
 * when they fit. Above PARALLEL_MIN_PAIRS, and when the rows come straight from the kernel, a worker thread
 * scores chunks of rows beside the main thread (two cores): both claim chunks from a shared counter, write
 * scores into one SharedArrayBuffer and select candidates into their own buffers, merged at the end. The
 * main thread waits with Atomics.wait, so the pass stays synchronous. The worker starts from a string of
 * JavaScript — this code as the running process compiled it (`Function.prototype.toString`) — so it
 * neither loads TypeScript nor imports anything and is ready in a few milliseconds; the main thread
 * already scores meanwhile.
 */

/** Below this many pairs one thread scores everything (a worker takes longer to start than it saves). */
export const PARALLEL_MIN_PAIRS = 8_000_000;
/** Rows per chunk claimed by a thread. */
const CHUNK_ROWS = 128;
/** The main thread gives up on a worker that completes no chunk for this long (and scores alone). */
const WORKER_STALL_MS = 60_000;
/** How long one Atomics.wait lasts before the main thread looks again. */
const WAIT_SLICE_MS = 200;

// Shared control words.
const NEXT_CHUNK = 0;
const DONE_CHUNKS = 1;
const WORKER_FAILED = 2;
const WORKER_READY = 3;
const CONTROL_WORDS = 4;
// Chunk states.
const TAKEN_BY_MAIN = 1;
const TAKEN_BY_WORKER = 2;
const DONE_BY_MAIN = 3;
const DONE_BY_WORKER = 4;

export interface ScoringPass {
  graph: CandidateGraph;
  /** The scores kept in memory (adept × mentorCount + mentor, NOT_ALLOWED where not allowed), or null. */
  matrix: Uint16Array | null;
  /** 1 or 2. */
  threads: number;
}

export interface ScoringPassOptions {
  keepScores: boolean;
  onProgress?: ProgressCallback;
  /**
   * Use a worker thread whenever the rows allow it, or never. 'worker-first' (tests): always, and the main
   * thread waits until the worker holds a chunk (or failed) before it scores.
   */
  parallel?: 'auto' | 'always' | 'worker-first' | 'never';
  /**
   * Tests: the worker scores this many chunks, then fails — with 'worker-first', before the main thread
   * starts (it waits for the worker to be ready or to fail).
   */
  workerFailsAfterChunks?: number;
}

/** The data a scoring worker receives. */
interface WorkerTask {
  source: KernelSource;
  mentorCount: number;
  k: number;
  matrix: Uint16Array | null;
  control: Int32Array;
  chunkState: Int32Array;
  buffers: SelectorBuffers;
  failAfterChunks?: number;
}

export function scoringPass(rows: ScoreRows, k: number, options: ScoringPassOptions): ScoringPass {
  const { adeptCount, mentorCount } = rows;
  const shared = (bytes: number) => new SharedArrayBuffer(bytes);
  const source = kernelSourceOf(rows);
  const pairs = adeptCount * mentorCount;
  const parallel =
    source !== undefined &&
    options.parallel !== 'never' &&
    (options.parallel === 'always' || options.parallel === 'worker-first' || pairs >= PARALLEL_MIN_PAIRS);
  let matrix: Uint16Array | null = null;
  if (options.keepScores) {
    matrix = parallel
      ? new Uint16Array(shared(pairs * Uint16Array.BYTES_PER_ELEMENT))
      : new Uint16Array(pairs);
  }
  const mainBuffers = selectorBuffers(adeptCount, mentorCount, k, parallel);
  const main = new CandidateSelector(mentorCount, k, mainBuffers);
  const scores = new Int32Array(mentorCount);
  const chunks = Math.ceil(adeptCount / CHUNK_ROWS);
  const report = (done: number) => options.onProgress?.({ phase: 'scoring', fraction: done / chunks });
  const scoreChunk = (chunk: number) => {
    for (let a = chunk * CHUNK_ROWS, end = Math.min(adeptCount, a + CHUNK_ROWS); a < end; a++) {
      rows.fillRow(a, scores);
      keepRow(matrix, a, mentorCount, scores);
      main.addRow(a, scores);
    }
  };

  if (!parallel) {
    for (let chunk = 0; chunk < chunks; chunk++) {
      report(chunk);
      scoreChunk(chunk);
    }
    report(chunks);
    return {
      graph: candidateGraph([mainBuffers], adeptCount, mentorCount, k, rows.capacity, rows.maxScore),
      matrix,
      threads: 1,
    };
  }

  const control = new Int32Array(shared(CONTROL_WORDS * Int32Array.BYTES_PER_ELEMENT));
  const chunkState = new Int32Array(shared(chunks * Int32Array.BYTES_PER_ELEMENT));
  const workerBuffers = selectorBuffers(adeptCount, mentorCount, k, true, mainBuffers);
  const task: WorkerTask = {
    source,
    mentorCount,
    k,
    matrix,
    control,
    chunkState,
    buffers: workerBuffers,
    failAfterChunks: options.workerFailsAfterChunks,
  };
  let worker: Worker | null = null;
  try {
    worker = new Worker(workerCode(), { eval: true, workerData: task });
    worker.unref();
    // Errors are handled through the shared words; an 'error' event must not crash the process.
    worker.on('error', () => Atomics.store(control, WORKER_FAILED, 1));
  } catch {
    worker = null;
  }

  if (options.parallel === 'worker-first' && worker) {
    const started = performance.now();
    while (Atomics.load(control, WORKER_READY) === 0 && Atomics.load(control, WORKER_FAILED) === 0) {
      if (performance.now() - started > WORKER_STALL_MS) break;
      Atomics.wait(control, WORKER_READY, 0, WAIT_SLICE_MS);
    }
  }
  let done = 0;
  for (;;) {
    const chunk = Atomics.add(control, NEXT_CHUNK, 1);
    if (chunk >= chunks) break;
    Atomics.store(chunkState, chunk, TAKEN_BY_MAIN);
    scoreChunk(chunk);
    Atomics.store(chunkState, chunk, DONE_BY_MAIN);
    done = Atomics.add(control, DONE_CHUNKS, 1) + 1;
    report(done);
  }
  // Wait for the worker's chunks; score them here when it fails or stalls.
  let lastProgress = performance.now();
  let workerUsable = true;
  for (;;) {
    done = Atomics.load(control, DONE_CHUNKS);
    if (done >= chunks) break;
    if (Atomics.load(control, WORKER_FAILED) === 1 || performance.now() - lastProgress > WORKER_STALL_MS) {
      workerUsable = false;
      break;
    }
    if (Atomics.wait(control, DONE_CHUNKS, done, WAIT_SLICE_MS) !== 'timed-out') {
      lastProgress = performance.now();
    }
    report(Atomics.load(control, DONE_CHUNKS));
  }
  void worker?.terminate();
  if (Atomics.load(control, WORKER_FAILED) === 1) workerUsable = false;
  let workerChunks = 0;
  for (let chunk = 0; chunk < chunks; chunk++) {
    const state = Atomics.load(chunkState, chunk);
    if (state !== TAKEN_BY_WORKER && state !== DONE_BY_WORKER) continue;
    workerChunks++;
    // Everything a failed worker touched is scored again here, and its selection of mentors is dropped.
    if (!workerUsable) scoreChunk(chunk);
  }
  report(chunks);
  const selections = workerUsable ? [mainBuffers, workerBuffers] : [mainBuffers];
  return {
    graph: candidateGraph(selections, adeptCount, mentorCount, k, rows.capacity, rows.maxScore),
    matrix,
    threads: workerUsable && workerChunks > 0 ? 2 : 1,
  };
}

/**
 * The worker's side: claim chunks until none is left. It runs from the worker's copy of the code, which
 * cannot follow imports: the kernel and selector classes come as arguments.
 */
export function runScoringWorker(
  task: WorkerTask,
  Kernel: typeof RowKernel,
  Selector: typeof CandidateSelector,
): void {
  const { source, mentorCount, k, matrix, control, chunkState, buffers, failAfterChunks } = task;
  const adeptCount = source.adeptOfRow.length;
  const chunks = Math.ceil(adeptCount / CHUNK_ROWS);
  try {
    const kernel = new Kernel(source.tables);
    const selector = new Selector(mentorCount, k, buffers);
    const scores = new Int32Array(mentorCount);
    for (let scored = 0; ; scored++) {
      if (scored === failAfterChunks) throw new Error('scoring worker: failing as asked');
      const chunk = Atomics.add(control, NEXT_CHUNK, 1);
      if (chunk >= chunks) break;
      Atomics.store(chunkState, chunk, TAKEN_BY_WORKER);
      // Ready once it holds a chunk (a main thread that waits for it then leaves it at least one).
      if (scored === 0 && failAfterChunks === undefined) {
        Atomics.store(control, WORKER_READY, 1);
        Atomics.notify(control, WORKER_READY);
      }
      for (let a = chunk * CHUNK_ROWS, end = Math.min(adeptCount, a + CHUNK_ROWS); a < end; a++) {
        kernel.fillRow(source.adeptOfRow[a]!, scores);
        keepRow(matrix, a, mentorCount, scores);
        selector.addRow(a, scores);
      }
      Atomics.store(chunkState, chunk, DONE_BY_WORKER);
      Atomics.add(control, DONE_CHUNKS, 1);
      Atomics.notify(control, DONE_CHUNKS);
    }
  } catch {
    Atomics.store(control, WORKER_FAILED, 1);
    Atomics.notify(control, DONE_CHUNKS);
    Atomics.notify(control, WORKER_READY);
  }
}

/** NOT_ALLOWED as a local name: the worker's copy of the code below cannot follow an import. */
const NOT_ALLOWED_SCORE = NOT_ALLOWED;

function keepRow(matrix: Uint16Array | null, a: number, mentorCount: number, scores: Int32Array): void {
  if (!matrix) return;
  const base = a * mentorCount;
  for (let m = 0; m < mentorCount; m++) {
    const score = scores[m]!;
    matrix[base + m] = score < 0 ? NOT_ALLOWED_SCORE : score;
  }
}

/**
 * The worker's code: a fixed start that evaluates the body inside try, so that even a body that does not
 * compile reports a failure through the shared words (the main thread, blocked in Atomics.wait, hears no
 * events). `__name` is the helper tsx (esbuild's keepNames) puts into compiled functions.
 */
export function workerCode(): string {
  const body = [
    'const __name = (target) => target;',
    kernelWorkerSource(),
    selectorWorkerSource(),
    `const CHUNK_ROWS = ${CHUNK_ROWS};`,
    `const NEXT_CHUNK = ${NEXT_CHUNK};`,
    `const DONE_CHUNKS = ${DONE_CHUNKS};`,
    `const WORKER_FAILED = ${WORKER_FAILED};`,
    `const WORKER_READY = ${WORKER_READY};`,
    `const TAKEN_BY_WORKER = ${TAKEN_BY_WORKER};`,
    `const DONE_BY_WORKER = ${DONE_BY_WORKER};`,
    `const NOT_ALLOWED_SCORE = ${NOT_ALLOWED_SCORE};`,
    `${keepRow}`,
    `${runScoringWorker}`,
    'runScoringWorker(workerData, RowKernel, CandidateSelector);',
  ].join('\n');
  return `
    const { workerData } = require('node:worker_threads');
    try {
      new Function('workerData', ${JSON.stringify(body)})(workerData);
    } catch {
      Atomics.store(workerData.control, ${WORKER_FAILED}, 1);
      Atomics.notify(workerData.control, ${DONE_CHUNKS});
      Atomics.notify(workerData.control, ${WORKER_READY});
    }
  `;
}
