/**
 * Runs the work given for one key one at a time, in the order given; different keys run side by
 * side. A failed turn does not stop the turns queued behind it. Nothing is kept for a key once its
 * queue is empty.
 */
export class TakingTurns {
  private readonly tails = new Map<string, Promise<unknown>>();

  take<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key);
    const mine = before ? before.then(work) : work();
    const tail = mine.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return mine;
  }
}
