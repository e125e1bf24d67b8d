import type { Checkpoint } from '../../event-store/index.js';

/**
 * How far this node's views have followed the store feed. The command path waits on it so that
 * the next read after a write shows the write; the projection runner provides it.
 */
export interface ViewProgress {
  /** Resolves once the views hold everything up to and including the checkpoint (or after a time-out). */
  waitUntilProjected(checkpoint: Checkpoint): Promise<void>;
}

export const VIEW_PROGRESS = Symbol('ViewProgress');
