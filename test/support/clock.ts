import type { Clock } from '../../src/kernel/index.js';

/** A clock that stays where a test puts it, so "now" is part of the test's given. */
export class PinnedClock implements Clock {
  private readonly instant: number;

  constructor(at: string) {
    this.instant = Date.parse(at);
  }

  now(): Date {
    return new Date(this.instant);
  }
}
