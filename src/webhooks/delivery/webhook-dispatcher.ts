import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { CLUSTER_STATE, type ClusterState } from '../../cluster/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { ProjectionRunner } from '../../live-blog/index.js';
import { CLOCK, type Clock } from '../../kernel/index.js';
import { WebhookCommands } from '../application/webhook-commands.js';
import { WebhookRegistry } from '../application/webhook-registry.js';
import { DestinationGuard } from './destination-guard.js';
import { EndpointWorker, type WorkerContext } from './endpoint-worker.js';
import { WebhookPayloads } from './webhook-payload.js';

/** How often the registry is read again, a net under the feed for endpoints registered on another node. */
const REGISTRY_POLL_MS = 5000;

/**
 * One worker per active endpoint on every node; the endpoint's lease decides which node's worker
 * sends. Workers start once the views have caught up, wake on every story event this node's feed
 * folds, and stop before the store closes.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookDelivery');
  private readonly workers = new Map<string, EndpointWorker>();
  private readonly subscriptions: Subscription[] = [];
  private readonly context: WorkerContext;
  private poll?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLUSTER_STATE) cluster: ClusterState,
    @Inject(CLOCK) clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly registry: WebhookRegistry,
    commands: WebhookCommands,
    payloads: WebhookPayloads,
    private readonly projections: ProjectionRunner,
  ) {
    const guard = new DestinationGuard(config.webhooks.allowHosts);
    const settings = config.webhooks;
    // Readable in the lease table: which host and process delivers an endpoint.
    const nodeId = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
    this.context = {
      store,
      cluster,
      clock,
      settings,
      guard,
      nodeId,
      registry,
      commands,
      payloads,
      logger: this.logger,
    };
  }

  onApplicationBootstrap(): void {
    this.subscriptions.push(
      this.registry.changes.subscribe(() => this.reconcile()),
      this.projections.folded.subscribe(() => this.wakeAll()),
    );
    this.poll = setInterval(() => {
      this.registry.catchUp().catch((error: unknown) => this.logger.error({ err: error }, 'could not read webhooks'));
    }, REGISTRY_POLL_MS);
    this.poll.unref();
    this.reconcile();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.poll);
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    await Promise.all([...this.workers.values()].map((worker) => worker.stop()));
    this.workers.clear();
  }

  /** A worker for every active endpoint; none for the others. */
  private reconcile(): void {
    if (this.stopping) return;
    const { endpoints } = this.registry.book;
    for (const [webhookId, worker] of this.workers) {
      if (worker.done || endpoints.get(webhookId)?.status !== 'active') {
        this.workers.delete(webhookId);
        void worker.stop();
      }
    }
    for (const endpoint of endpoints.values()) {
      if (endpoint.status !== 'active' || this.workers.has(endpoint.id)) continue;
      const worker = new EndpointWorker(endpoint.id, this.context);
      this.workers.set(endpoint.id, worker);
      worker.start();
    }
  }

  private wakeAll(): void {
    for (const worker of this.workers.values()) worker.wake();
  }
}
