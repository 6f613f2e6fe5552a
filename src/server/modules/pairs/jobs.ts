import type { Deps } from '../../deps.ts';
import { applyRetention } from './book.service.ts';
import { moveEndingPairs } from './lifecycle.service.ts';
import { sendMeetingReminders } from './meetings.service.ts';
import { runPlanReminders } from './plan.service.ts';

/**
 * The pair's year's periodic work, run every few minutes by every instance: reminders of deadlines
 * and meetings, cadence flags, the retention rule. Each job is safe to run from several instances at
 * once (a unique notice key, or a conditional update, lets one of them win).
 */
const jobs: { name: string; run: (deps: Deps) => Promise<unknown> }[] = [
  { name: 'mentor-book-retention', run: applyRetention },
  { name: 'pairs-ending', run: moveEndingPairs },
  { name: 'plan-reminders', run: runPlanReminders },
  { name: 'meeting-reminders', run: sendMeetingReminders },
];

export async function runPairYearJobs(deps: Deps): Promise<void> {
  for (const job of jobs) await job.run(deps);
}
