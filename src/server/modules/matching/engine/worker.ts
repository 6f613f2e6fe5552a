import { parentPort, workerData } from 'node:worker_threads';
import type { MatchingOptions } from './engine.ts';
import { runMatching } from './engine.ts';
import type { MatchingInput } from './scoring.ts';

/** The worker side of runMatchingInWorker: runs one matching and posts progress, then the result. */
export interface WorkerRequest {
  input: MatchingInput;
  options: Pick<MatchingOptions, 'candidatesPerAdept' | 'explain'>;
}

const request = workerData as WorkerRequest;
try {
  const result = runMatching(request.input, {
    ...request.options,
    onProgress: (progress) => parentPort?.postMessage({ type: 'progress', progress }),
  });
  parentPort?.postMessage({ type: 'result', result });
} catch (error) {
  parentPort?.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
