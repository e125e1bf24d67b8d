/** Where the server reads "now", so that a test can pin it instead of living in whatever today is. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

export const systemClock: Clock = new SystemClock();
