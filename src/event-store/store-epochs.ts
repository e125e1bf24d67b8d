import { randomUUID } from 'node:crypto';

/** A store's epoch and the ones it had before, oldest first. */
export interface StoreEpochs {
  readonly epoch: string;
  readonly earlierEpochs: readonly string[];
}

/** The stored list of earlier epochs (JSON), or none. */
export function earlierEpochsOf(stored: string | undefined): string[] {
  if (stored === undefined) return [];
  const list: unknown = JSON.parse(stored);
  if (!Array.isArray(list) || !list.every((epoch) => typeof epoch === 'string')) {
    throw new Error("the store's list of earlier epochs is not a JSON array of strings");
  }
  return list;
}

/** A new epoch, the current one moved to the end of the earlier ones. */
export function renewed(current: StoreEpochs): StoreEpochs {
  return { epoch: randomUUID(), earlierEpochs: [...current.earlierEpochs, current.epoch] };
}
