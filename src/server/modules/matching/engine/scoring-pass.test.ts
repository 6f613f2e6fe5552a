import { describe, expect, it } from 'vitest';
import type { RowKernelTables } from './kernel.ts';
import { kernelSourceOf, registerKernelSource } from './kernel.ts';
import { buildScoringContext } from './scoring.ts';
import { scoringPass } from './scoring-pass.ts';
import { profileInstance } from './test-support/profiles.ts';
import type { ScoreRows } from './types.ts';

const rowsOf = (adepts: number, mentors: number) =>
  buildScoringContext(profileInstance({ seed: 41, adepts, mentors, organisations: 40 })).rows;

describe('the scoring pass', () => {
  it('gives the same candidates and kept scores with a worker thread as without', () => {
    const rows = rowsOf(400, 150);
    const alone = scoringPass(rows, 8, { keepScores: true, parallel: 'never' });
    const together = scoringPass(rows, 8, { keepScores: true, parallel: 'worker-first' });
    expect(alone.threads).toBe(1);
    expect(together.threads).toBe(2);
    expect(together.graph).toEqual(alone.graph);
    expect(together.matrix).toEqual(alone.matrix);
  });

  it('scores alone, with the same result, when the worker fails', () => {
    const rows = rowsOf(300, 100);
    const alone = scoringPass(rows, 8, { keepScores: true, parallel: 'never' });
    // Rows whose worker gets broken tables: the main thread scores the worker's chunks itself.
    const broken: ScoreRows = { ...rows };
    const source = kernelSourceOf(rows)!;
    registerKernelSource(broken, { ...source, tables: {} as RowKernelTables });
    const recovered = scoringPass(broken, 8, { keepScores: true, parallel: 'worker-first' });
    expect(recovered.threads).toBe(1);
    expect(recovered.graph).toEqual(alone.graph);
    expect(recovered.matrix).toEqual(alone.matrix);
  });

  it('scores again what a worker scored before it failed', () => {
    const rows = rowsOf(1000, 100);
    const alone = scoringPass(rows, 8, { keepScores: true, parallel: 'never' });
    const recovered = scoringPass(rows, 8, {
      keepScores: true,
      parallel: 'worker-first',
      workerFailsAfterChunks: 3,
    });
    expect(recovered.threads).toBe(1);
    expect(recovered.graph).toEqual(alone.graph);
    expect(recovered.matrix).toEqual(alone.matrix);
  });
});
