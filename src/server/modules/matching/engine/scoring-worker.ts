import { runScoringWorker } from './scoring-pass.ts';

/** The entry of a scoring worker thread (see scoring-pass.ts), loaded through tsx. */
export function run(task: Parameters<typeof runScoringWorker>[0]): void {
  runScoringWorker(task);
}
