import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { CLUSTER_STATE, type ClusterState } from '../../cluster/index.js';
import {
  type Checkpoint,
  EVENT_STORE,
  type EventStore,
  type RecordedEvent,
  WrongExpectedRevision,
} from '../../event-store/index.js';
import { liveBlogIdOf, ProjectionRunner } from '../../live-blog/index.js';
import { PushNotifications } from './push-notifications.js';
import { PushLog } from './push-log.js';

const LEASE = 'push-notifications';
/** A node holds the sender this long past its last renewal; a dead node's work moves on after it. */
const LEASE_SECONDS = 15;
const RENEW_MS = 5000;
/** With nothing to send the feed is read again after this long (a key event or breaking update wakes it sooner). */
const IDLE_MS = 2000;
const ERROR_BACKOFF_MS = 2000;
const FEED_PAGE = 500;
const PAGES_PER_TURN = 10;

/** Where the sender stands: durable (the log's last entry) and how far it has read the feed meanwhile. */
interface Place {
  logRevision: number;
  scannedAfter: Checkpoint;
  readonly queue: RecordedEvent[];
}

/**
 * Sends the notifications of key events and breaking updates, off every write's path: it reads
 * the store feed from its durable place (the `push-log` stream), so a restart or another node
 * carries on where it stopped. One node at a time sends (the cluster lease); the others wait.
 */
@Injectable()
export class PushDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PushNotifications');
  private readonly nodeId = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  private readonly log: PushLog;
  private readonly aborted = new AbortController();
  private subscription?: Subscription;
  private place?: Place;
  private running?: Promise<void>;
  private stopped = false;
  private woken = false;
  private wakeUp?: () => void;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLUSTER_STATE) private readonly cluster: ClusterState,
    private readonly notifications: PushNotifications,
    private readonly projections: ProjectionRunner,
  ) {
    this.log = new PushLog(store);
  }

  onApplicationBootstrap(): void {
    this.subscription = this.projections.folded.subscribe(({ event }) => {
      if (this.notifications.concerns(event)) this.wake();
    });
    this.running = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.subscription?.unsubscribe();
    this.aborted.abort();
    this.wake();
    await this.running;
    await this.cluster.releaseLease(LEASE, this.nodeId).catch(() => undefined);
  }

  private wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      let pause: number;
      try {
        pause = await this.turn();
      } catch (error) {
        if (this.stopped) break;
        this.logger.error({ err: error }, 'push notifications stumbled; reading again');
        this.place = undefined;
        pause = ERROR_BACKOFF_MS;
      }
      if (pause > 0 && !this.stopped && !this.woken) await this.sleep(pause);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** One step: one story event handled, or how long to wait before the next step. */
  private async turn(): Promise<number> {
    if (!(await this.cluster.lease(LEASE, this.nodeId, LEASE_SECONDS))) {
      this.place = undefined;
      return RENEW_MS;
    }
    this.place ??= await this.load();
    if (!this.place) return IDLE_MS;
    const event = await this.next(this.place);
    if (!event) return IDLE_MS;
    const renewing = setInterval(
      () => void this.cluster.lease(LEASE, this.nodeId, LEASE_SECONDS).catch(() => false),
      RENEW_MS,
    );
    try {
      const outcome = await this.notifications.handle(event, this.aborted.signal);
      // Sent to every follower: recorded even while the node stops (the store is still open), or
      // the next sender would send it all again. Cut short by the stop: left for the next sender.
      if (this.stopped && outcome.failed > 0) return 0;
      this.place.logRevision = await this.log.append(
        { ...outcome, revision: event.revision, type: event.type, deliveredAfter: event.checkpoint },
        this.place.logRevision,
      );
      this.place.queue.shift();
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      // Another node wrote first: it holds the sender now.
      this.place = undefined;
    } finally {
      clearInterval(renewing);
    }
    return 0;
  }

  /** The log's last place, else the first subscription's: nothing before it concerns anyone. Undefined while nobody ever subscribed. */
  private async load(): Promise<Place | undefined> {
    const { revision, deliveredAfter } = await this.log.last();
    const start = deliveredAfter ?? (await this.notifications.firstSubscription());
    if (start === undefined) return undefined;
    return { logRevision: revision, scannedAfter: start as Checkpoint, queue: [] };
  }

  private async next(place: Place): Promise<RecordedEvent | undefined> {
    for (let pages = 0; place.queue.length === 0 && pages < PAGES_PER_TURN; pages++) {
      const page = await this.store.readAll({ after: place.scannedAfter, maxCount: FEED_PAGE });
      if (page.length === 0) break;
      for (const event of page)
        if (liveBlogIdOf(event.stream) !== null && this.notifications.concerns(event)) place.queue.push(event);
      place.scannedAfter = page[page.length - 1].checkpoint;
      if (page.length < FEED_PAGE) break;
    }
    return place.queue[0];
  }
}
