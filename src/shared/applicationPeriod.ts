/**
 * When one may apply to a programme: the rounds' application periods within an open programme.
 * Shared, so that the server refuses an application outside the period by the same rule the pages
 * show it.
 */
import type { Programme, Round } from './programme.ts';

/** Whether one can apply to a programme now, and if not, when. */
export type ApplicationWindow =
  /** Open now; `closesOn` is the last day, or null when applications are taken all year. */
  | { state: 'open'; round: Round | null; closesOn: string | null }
  /** Not yet: applying opens on `opensOn`. */
  | { state: 'upcoming'; round: Round; opensOn: string; closesOn: string | null }
  /** The last period has passed (`closedOn` its last day, when it had one). */
  | { state: 'ended'; closedOn: string | null }
  /** The programme itself is a draft or closed. */
  | { state: 'not_open' };

function periodIncludes(round: Round, day: string): boolean {
  return (
    (round.applicationsOpenOn === null || round.applicationsOpenOn <= day) &&
    (round.applicationsCloseOn === null || round.applicationsCloseOn >= day)
  );
}

/** Earliest first; a missing date counts as latest. */
function byDate(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The application window of a programme on `today`: the rounds' application periods decide, within
 * an open programme. A programme without rounds takes applications whenever it is open.
 */
export function applicationWindow(
  status: Programme['status'],
  rounds: readonly Round[],
  today: string,
): ApplicationWindow {
  if (status !== 'open') return { state: 'not_open' };
  if (rounds.length === 0) return { state: 'open', round: null, closesOn: null };
  const running = rounds.filter((round) => round.endsOn === null || round.endsOn >= today);
  const open = running
    .filter((round) => periodIncludes(round, today))
    .sort((a, b) => byDate(a.applicationsCloseOn, b.applicationsCloseOn))[0];
  if (open) return { state: 'open', round: open, closesOn: open.applicationsCloseOn };
  const upcoming = running
    .filter((round) => round.applicationsOpenOn !== null && round.applicationsOpenOn > today)
    .sort((a, b) => byDate(a.applicationsOpenOn, b.applicationsOpenOn))[0];
  if (upcoming?.applicationsOpenOn) {
    return {
      state: 'upcoming',
      round: upcoming,
      opensOn: upcoming.applicationsOpenOn,
      closesOn: upcoming.applicationsCloseOn,
    };
  }
  const closedOn =
    rounds
      .map((round) => round.applicationsCloseOn)
      .filter((day): day is string => day !== null && day < today)
      .sort()
      .pop() ?? null;
  return { state: 'ended', closedOn };
}
