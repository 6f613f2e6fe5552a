import type { PairStatus } from '../../../shared/matching.ts';

/**
 * The pair's lifecycle as a state machine (seed 004: "the programme starts when mentor and adept have
 * had a first meeting and accepted to do it together"):
 *
 *   introduced → first_meeting_held → active → ending → closed
 *
 * with the side exits declined (either party, before the pair is active), rematched (a change of
 * mentor, by those who run the programme) and cancelled (by them, with a reason). An approved
 * extension takes an ending pair back to active. Every move is a conditional update from the status
 * the caller saw, so two instances cannot both make it.
 */
const transitions: Record<PairStatus, readonly PairStatus[]> = {
  introduced: ['first_meeting_held', 'declined', 'rematched', 'cancelled'],
  first_meeting_held: ['active', 'declined', 'rematched', 'cancelled'],
  active: ['ending', 'closed', 'rematched', 'cancelled'],
  ending: ['active', 'closed', 'rematched', 'cancelled'],
  declined: [],
  closed: [],
  rematched: [],
  cancelled: [],
};

export function canMove(from: PairStatus, to: PairStatus): boolean {
  return transitions[from].includes(to);
}

/** Statuses from which the pair may still become active once both have accepted and signed. */
export const beforeActive: readonly PairStatus[] = ['introduced', 'first_meeting_held'];
/** Statuses of a running pair (it holds the mentor's place). */
export const running: readonly PairStatus[] = ['introduced', 'first_meeting_held', 'active', 'ending'];
/** Statuses in which the closing conversation can be recorded and an extension asked for. */
export const underway: readonly PairStatus[] = ['active', 'ending'];

export const isRunning = (status: PairStatus) => running.includes(status);
