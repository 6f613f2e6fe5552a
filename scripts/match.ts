import { readFileSync, writeFileSync } from 'node:fs';
import { MatchingInputError, solveInstance } from '../src/server/modules/matching/engine/instance.ts';
import type { MatchingInstance } from '../src/server/modules/matching/engine/types.ts';

/**
 * npm run match -- instance.json [--out solution.json]
 * Solves a matching instance (docs/matching.md) and writes the solution, its totals and its certificate.
 */
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
const files = args.filter((_, i) => i !== outIndex && i !== outIndex + 1);
if (files.length !== 1 || (outIndex >= 0 && !outFile)) {
  console.error('usage: npm run match -- instance.json [--out solution.json]');
  process.exit(2);
}

try {
  const instance = JSON.parse(readFileSync(files[0]!, 'utf8')) as MatchingInstance;
  const json = `${JSON.stringify(solveInstance(instance), null, 2)}\n`;
  if (outFile) writeFileSync(outFile, json);
  else process.stdout.write(json);
} catch (error) {
  if (error instanceof MatchingInputError) {
    for (const problem of error.problems) console.error(problem);
  } else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
