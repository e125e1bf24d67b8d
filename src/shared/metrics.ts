import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

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

  readonly projectionLag = new Histogram({
    name: 'dateline_projection_lag_seconds',
    help: 'Time from an event’s commit to its fold into this node’s views',
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  readonly projectionPosition = new Gauge({
    name: 'dateline_projection_position',
    help: 'The last store position folded into this node’s views',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
