/**
 * What several nodes must agree on besides the events: how many readers a story has, how fast a
 * client may ask for things, and who does a once-only job. Each deployment shares it through a
 * component it already runs (PostgreSQL for a PostgreSQL store); the embedded single-node store
 * keeps it in this process's memory. cluster.module.ts picks the implementation from EVENT_STORE.
 */
export interface ClusterState {
  /** 'cluster' when every node sees the same state; 'node' when each node keeps its own. */
  readonly scope: 'cluster' | 'node';
  readonly presence: Presence;
  /** A budget of `points` requests per `durationSeconds` per key, shared as `scope` says. */
  rateLimit(name: string, budget: RateBudget): RateLimit;
  /** Runs `work` while no other node runs work under the same name (seeding an empty store). */
  exclusive<T>(name: string, work: () => Promise<T>): Promise<T>;
  /**
   * Takes or renews the lease `name` for `holder` until `ttlSeconds` from now: true when it was
   * free, had run out, or was already this holder's; false while another holder's lease runs.
   * One node does a long-running job (a webhook endpoint's deliveries) and another takes it over
   * once that node stops renewing (it died).
   */
  lease(name: string, holder: string, ttlSeconds: number): Promise<boolean>;
  /** Gives up a lease this holder has, so that another node may take it at once (a clean stop). */
  releaseLease(name: string, holder: string): Promise<void>;
  close(): Promise<void>;
}

export interface Presence {
  /**
   * Replaces this node's reader counts (a blog not listed has none here), marks the node alive,
   * and answers the readers of the same blogs across every live node. A node that stops
   * reporting is forgotten after a few seconds, so a killed node's readers stop being counted.
   */
  report(local: ReadonlyMap<string, number>): Promise<Map<string, number>>;
}

export interface RateBudget {
  readonly points: number;
  readonly durationSeconds: number;
}

export interface RateLimit {
  /** Takes one point from the key's budget: false when none is left. */
  consume(key: string): Promise<boolean>;
  /** Takes one point: 0 when there was one, else the seconds until the key has one again. */
  take(key: string): Promise<number>;
  /** Seconds until the key has a point again (0 when it has one now); takes nothing. */
  waitSeconds(key: string): Promise<number>;
  /** Gives back one point taken by `consume` or `take` (a reservation that turned out not to count). */
  refund(key: string): Promise<void>;
  /** Gives the key its whole budget back (a right password forgives the wrong ones before it). */
  reset(key: string): Promise<void>;
}

export const CLUSTER_STATE = Symbol('ClusterState');
