import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStoredRun } from '../src/server/modules/matching/engine/audit.ts';
import { checkSolution } from '../src/server/modules/matching/engine/checker.ts';
import type { MatchingRunResult } from '../src/server/modules/matching/engine/engine.ts';
import type { MatchingInput } from '../src/server/modules/matching/engine/scoring.ts';
import type {
  CheckResult,
  MatchingInstance,
  MatchingSolution,
} from '../src/server/modules/matching/engine/types.ts';

/**
 * npm run match:check -- instance.json solution.json
 *   Verifies a solution and its certificate from any source against a core instance.
 * npm run match:check -- run.json
 *   Verifies a stored run ({ input, result }, as the app keeps it): the input's hash, then the
 *   certificate over every allowed pair the input allows.
 * npm run match:check -- --run <id>
 *   The same for a run in the app's database (DATABASE_URL, or SQLite at SQLITE_PATH).
 * Exits 1 with the reasons when it fails.
 */
const usage =
  'usage: npm run match:check -- instance.json solution.json\n' +
  '       npm run match:check -- run.json\n' +
  '       npm run match:check -- --run <id>';
let files = process.argv.slice(2);
if (files[0] === '--run') {
  if (files.length !== 2) {
    console.error(usage);
    process.exit(2);
  }
  const { loadConfig } = await import('../src/server/config.ts');
  const { createDatabase } = await import('../src/server/db/connection.ts');
  const db = createDatabase(loadConfig().database);
  const run = await db
    .selectFrom('matching_runs')
    .select(['kind', 'status', 'input', 'result'])
    .where('id', '=', files[1]!)
    .executeTakeFirst();
  await db.destroy();
  if (!run?.result || run.status !== 'done' || run.kind === 'single') {
    console.error(
      run
        ? 'the run has no matching result to check (not finished, or a ranking of one adept)'
        : 'no such run',
    );
    process.exit(2);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'match-check-')), 'run.json');
  writeFileSync(file, `{"input":${run.input},"result":${run.result}}`);
  files = [file];
}
if (files.length < 1 || files.length > 2) {
  console.error(usage);
  process.exit(2);
}

const read = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

let result: CheckResult;
let totals: MatchingSolution['totals'];
try {
  if (files.length === 2) {
    const solution = read<MatchingSolution>(files[1]!);
    totals = solution.totals;
    result = checkSolution(read<MatchingInstance>(files[0]!), solution);
  } else {
    const run = read<{ input: MatchingInput; result: MatchingRunResult }>(files[0]!);
    totals = run.result.totals;
    const stored = checkStoredRun(run.input, run.result);
    if (!stored.hashMatches) console.error('- the input does not have the hash stored with the result');
    result = stored;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
if (result.ok) {
  console.log(
    `optimal: ${totals.matched} adepts matched, total score ${totals.score}; ` +
      `primal objective ${result.primalObjective} = dual objective ${result.dualObjective}`,
  );
} else {
  console.error('not proven optimal:');
  for (const problem of result.problems) console.error(`- [${problem.code}] ${problem.message}`);
  process.exit(1);
}
