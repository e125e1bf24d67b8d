import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a long job may hold the event loop before it lets waiting requests in. */
const SLICE_MS = 10;

/**
 * For a long job over a whole story (a fold, a hash-chain check, a bundle): `due()` lets the event
 * loop take a turn once the job has held it for a slice. An `await` on the store is not enough:
 * SQLite reads synchronously, so its promises resolve without a turn, and a 3,000-update story's
 * bundle once held the loop for seconds while /health waited.
 */
export class LoopTurns {
  private since = performance.now();

  /** Resolves at once within the slice; after it, on the event loop's next turn. */
  async due(): Promise<void> {
    if (performance.now() - this.since < SLICE_MS) return;
    await nextTurn();
    this.since = performance.now();
  }
}
