import { Worker } from 'node:worker_threads';
import type { MatchingOptions, MatchingRunResult } from './engine.ts';
import type { MatchingInput } from './scoring.ts';
import type { ProgressCallback } from './types.ts';
import type { WorkerRequest } from './worker.ts';

/** Workers do not inherit the tsx loader: the worker registers it, then loads worker.ts. */
const WORKER_BOOTSTRAP = `
  import('tsx/esm/api')
    .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); })
    .catch((error) => { require('node:worker_threads').parentPort.postMessage({ type: 'error', message: String(error) }); });
`;

/**
 * Runs a matching in a worker thread so the server keeps answering during a large run. The worker loads
 * the TypeScript source through tsx (the server runs under tsx; so do the tests).
 */
export function runMatchingInWorker(
  input: MatchingInput,
  onProgress?: ProgressCallback,
  options: Pick<MatchingOptions, 'candidatesPerAdept' | 'explain'> = {},
): Promise<MatchingRunResult> {
  return new Promise((resolve, reject) => {
    const workerData: WorkerRequest = { input, options };
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData });
    let settled = false;
    worker.on(
      'message',
      (message: { type: string; progress?: never; result?: MatchingRunResult; message?: string }) => {
        if (message.type === 'progress' && message.progress) onProgress?.(message.progress);
        else if (message.type === 'result' && message.result) {
          settled = true;
          resolve(message.result);
          void worker.terminate();
        } else if (message.type === 'error') {
          settled = true;
          reject(new Error(message.message));
          void worker.terminate();
        }
      },
    );
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`matching worker stopped with code ${code}`));
    });
  });
}
