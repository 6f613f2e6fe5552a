import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connection.ts';
import type { MatchingInput, MatchingRunResult, Progress } from './engine/index.ts';
import { hashInput, runMatching, runMatchingInWorker } from './engine/index.ts';
import * as repo from './matching.repository.ts';

/**
 * Runs the engine for a stored run: small instances in the request (they take milliseconds), large ones
 * in a worker thread so the server keeps answering, writing progress to the run's row (throttled) for
 * the board to poll. Every run keeps its input, the input's hash, the result and the checker's verdict.
 */
export const runnerSettings = {
  /** From this many adept × mentor pairs a run goes to a worker thread. */
  workerMinPairs: 20_000,
  /** A run still "running" this long after its last progress is taken to have stopped (the process ended). */
  staleAfterMs: 15 * 60_000,
  /** Progress is written at most this often. */
  progressEveryMs: 500,
};

export interface StartedRun {
  id: string;
  /** Resolves when the run has finished (at once for runs made in the request). */
  done: Promise<void>;
}

/** Inserts a run and makes it; a small one is finished before this returns. Its times are the clock's. */
export async function startRun(
  deps: { db: Db; clock: Clock },
  run: {
    id: string;
    programmeId: string;
    roundId: string | null;
    kind: 'batch' | 'rematch';
    adeptId: string | null;
    createdBy: string;
  },
  input: MatchingInput,
): Promise<StartedRun> {
  const { db, clock } = deps;
  const now = clock.now().toISOString();
  await repo.insertRun(db, {
    id: run.id,
    programme_id: run.programmeId,
    round_id: run.roundId,
    kind: run.kind,
    adept_id: run.adeptId,
    status: 'running',
    progress_phase: 'preparing',
    progress_fraction: 0,
    created_by: run.createdBy,
    created_at: now,
    updated_at: now,
    finished_at: null,
    input_hash: hashInput(input),
    input: JSON.stringify(input),
    result: null,
    verdict: null,
    error: null,
  });
  const pairs = input.adepts.length * input.mentors.length;
  if (pairs < runnerSettings.workerMinPairs) {
    let result: MatchingRunResult;
    try {
      result = runMatching(input, { explain: true });
    } catch (error) {
      await fail(deps, run.id, error);
      return { id: run.id, done: Promise.resolve() };
    }
    await finish(deps, run.id, result);
    return { id: run.id, done: Promise.resolve() };
  }
  // Throttled by the time that has passed in this process, not by the clock (which a test may hold still).
  let last = Number.NEGATIVE_INFINITY;
  const onProgress = (progress: Progress) => {
    const at = performance.now();
    if (at - last < runnerSettings.progressEveryMs) return;
    last = at;
    void repo
      .updateRunProgress(db, run.id, progress.phase, progress.fraction, clock.now().toISOString())
      .catch(() => undefined);
  };
  const done = runMatchingInWorker(input, onProgress, { explain: pairs <= 250_000 })
    .then(
      (result) => finish(deps, run.id, result),
      (error: unknown) => fail(deps, run.id, error),
    )
    .catch(() => undefined);
  return { id: run.id, done };
}

async function finish(deps: { db: Db; clock: Clock }, id: string, result: MatchingRunResult): Promise<void> {
  const now = deps.clock.now().toISOString();
  await repo.updateRun(deps.db, id, {
    status: 'done',
    progress_phase: 'saving',
    progress_fraction: 1,
    result: JSON.stringify(result),
    // The engine returns only results its certificate checker verified over every allowed pair.
    verdict: result.proof.verified ? 'verified' : 'failed',
    finished_at: now,
    updated_at: now,
  });
}

async function fail(deps: { db: Db; clock: Clock }, id: string, error: unknown): Promise<void> {
  const now = deps.clock.now().toISOString();
  await repo.updateRun(deps.db, id, {
    status: 'failed',
    error: error instanceof Error ? error.message.slice(0, 2000) : String(error).slice(0, 2000),
    finished_at: now,
    updated_at: now,
  });
}

/** A run's status at `now` (an ISO instant): a run that stopped reporting long ago is no longer running. */
export function effectiveStatus(row: repo.RunRow, now: string): 'running' | 'done' | 'failed' {
  if (row.status !== 'running') return row.status as 'done' | 'failed';
  return Date.parse(now) - Date.parse(row.updated_at) > runnerSettings.staleAfterMs ? 'failed' : 'running';
}
