/** One request's own outcome inside a group: a result, or the error that refused it alone. */
export type Outcome<Result> =
  | { readonly ok: true; readonly value: Result }
  | { readonly ok: false; readonly error: unknown };

interface Waiting<Request, Result> {
  readonly request: Request;
  readonly resolve: (value: Result) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: the requests made during one turn of the event loop are handed to `commitAll`
 * together, after the turn (setImmediate), so that the writers served in that turn share one
 * durable commit (one fsync) instead of paying one each. `commitAll` answers every request with
 * its own outcome; when it throws (the commit itself failed), every request in the group is refused.
 */
export class GroupCommit<Request, Result> {
  private waiting: Waiting<Request, Result>[] = [];

  constructor(private readonly commitAll: (requests: readonly Request[]) => Outcome<Result>[]) {}

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => this.flush());
      this.waiting.push({ request, resolve, reject });
    });
  }

  /** Commits what waits now (a no-op when nothing does): run by the scheduled turn, and before closing. */
  flush(): void {
    const group = this.waiting;
    if (group.length === 0) return;
    this.waiting = [];
    let outcomes: Outcome<Result>[];
    try {
      outcomes = this.commitAll(group.map((waiting) => waiting.request));
    } catch (error) {
      for (const waiting of group) waiting.reject(error);
      return;
    }
    group.forEach((waiting, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
