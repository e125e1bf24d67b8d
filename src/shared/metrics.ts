import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Clock } from '../kernel/index.js';

/** Seconds from an ISO instant to the clock's now, for lag histograms (never negative: clocks of two hosts differ). */
export function secondsSince(instant: string, clock: Clock): number {
  return Math.max(0, clock.now().getTime() - Date.parse(instant)) / 1000;
}

/** Prometheus metrics of one app instance (a registry per instance keeps tests independent). */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly appendDuration = new Histogram({
    name: 'dateline_append_duration_seconds',
    help: 'Time to append one command’s events to the store',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });

  readonly eventsAppended = new Counter({
    name: 'dateline_events_appended_total',
    help: 'Events appended by this node, by type',
    labelNames: ['type'],
    registers: [this.registry],
  });

  readonly commandConflicts = new Counter({
    name: 'dateline_command_conflicts_total',
    help: 'Appends that lost a race with another writer and were decided again',
    registers: [this.registry],
  });

  readonly accountConflicts = new Counter({
    name: 'dateline_account_conflicts_total',
    help: 'Appends to the accounts stream that lost a race with another node and were decided again',
    registers: [this.registry],
  });

  readonly projectionLag = new Histogram({
    name: 'dateline_projection_lag_seconds',
    help: 'Time from an event’s commit to its fold into this node’s views',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly snapshotLoads = new Counter({
    name: 'dateline_snapshot_loads_total',
    help: 'Stories loaded, by what their snapshot was: loaded (then only later events folded), rejected or absent (folded from zero)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  readonly liveBlogsHeld = new Gauge({
    name: 'dateline_live_blogs_held',
    help: 'Stories whose whole folded state this node’s views hold in memory (at most LIVE_BLOGS_IN_MEMORY)',
    registers: [this.registry],
  });

  readonly liveBlogLoads = new Counter({
    name: 'dateline_live_blog_loads_total',
    help: 'Stories not held in memory loaded on demand (from their snapshot and the events after it)',
    registers: [this.registry],
  });

  readonly snapshotsWritten = new Counter({
    name: 'dateline_snapshots_written_total',
    help: 'Snapshots of story views written beside the events',
    registers: [this.registry],
  });

  readonly startEventsFolded = new Gauge({
    name: 'dateline_start_events_folded',
    help: 'Live-blog events folded into the views at start: those stored after the stories’ snapshots',
    registers: [this.registry],
  });

  readonly projectionPosition = new Gauge({
    name: 'dateline_projection_position',
    help: 'The last store position folded into this node’s views',
    registers: [this.registry],
  });

  readonly readersConnected = new Gauge({
    name: 'dateline_readers_connected',
    help: 'Sockets connected to this node’s /live namespace',
    registers: [this.registry],
  });

  readonly subscriptions = new Gauge({
    name: 'dateline_subscriptions',
    help: 'Live-blog subscriptions held by this node’s sockets',
    registers: [this.registry],
  });

  readonly pushes = new Counter({
    name: 'dateline_pushes_total',
    help: 'Events pushed to readers (one per reader reached)',
    registers: [this.registry],
  });

  readonly pushFailures = new Counter({
    name: 'dateline_push_failures_total',
    help: 'Pushes that threw (caught and logged; the next event is pushed as usual)',
    registers: [this.registry],
  });

  readonly feedErrors = new Counter({
    name: 'dateline_feed_errors_total',
    help: 'Times the store feed failed under the views (each followed again from the last event folded, after a backoff)',
    registers: [this.registry],
  });

  readonly pushLag = new Histogram({
    name: 'dateline_push_lag_seconds',
    help: 'Time from an event’s commit to its emission to readers',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly connectionsRefused = new Counter({
    name: 'dateline_connections_refused_total',
    help: 'Connections closed unread at a cap: total (MAX_CONNECTIONS) or per_address (CONNECTIONS_PER_ADDRESS)',
    labelNames: ['cap'],
    registers: [this.registry],
  });

  readonly slowReadersDisconnected = new Counter({
    name: 'dateline_slow_readers_disconnected_total',
    help: 'Readers cut off because their outgoing buffer passed the bound',
    registers: [this.registry],
  });

  readonly responseCache = new Counter({
    name: 'dateline_response_cache_total',
    help: 'Anonymous reads answered from a per-revision response cache (hit) or rendered (miss), by cache',
    labelNames: ['cache', 'result'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
