/**
 * Where the whole server reads the time from (`deps.clock`): intake, matching, people, mail, the
 * audit log and the pair's year; only sessions keep to the system clock (auth.service.ts). The
 * server uses the system clock; tests and the demo pass one they can move, to walk a pair through
 * its year (deadlines, reminders, retention) in seconds.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests and scripts that replay a year. */
export class ManualClock implements Clock {
  #now: Date;
  constructor(start: Date | string) {
    this.#now = new Date(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  set(instant: Date | string): void {
    this.#now = new Date(instant);
  }
  advanceDays(days: number): void {
    this.#now = new Date(this.#now.getTime() + days * 86_400_000);
  }
}
