import { readFileSync } from 'node:fs';
import { checkSolution } from '../src/server/modules/matching/engine/checker.ts';
import type { MatchingInstance, MatchingSolution } from '../src/server/modules/matching/engine/types.ts';

/**
 * npm run match:check -- instance.json solution.json
 * Verifies a solution and its certificate from any source; exits 1 with the reasons when it fails.
 */
const files = process.argv.slice(2);
if (files.length !== 2) {
  console.error('usage: npm run match:check -- instance.json solution.json');
  process.exit(2);
}

let instance: MatchingInstance;
let solution: MatchingSolution;
try {
  instance = JSON.parse(readFileSync(files[0]!, 'utf8')) as MatchingInstance;
  solution = JSON.parse(readFileSync(files[1]!, 'utf8')) as MatchingSolution;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
const result = checkSolution(instance, solution);
if (result.ok) {
  console.log(
    `optimal: ${solution.totals.matched} adepts matched, total score ${solution.totals.score}; ` +
      `primal objective ${result.primalObjective} = dual objective ${result.dualObjective}`,
  );
} else {
  console.error('not proven optimal:');
  for (const problem of result.problems) console.error(`- [${problem.code}] ${problem.message}`);
  process.exit(1);
}
