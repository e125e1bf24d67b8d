import { performance } from 'node:perf_hooks';
import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer, type OnGatewayInit } from '@nestjs/websockets';
import { CLUSTER_STATE, type ClusterState, type RateLimit } from '../../cluster/index.js';
import { APP_CONFIG, type AppConfig } from '../../config/index.js';
import { Metrics } from '../../shared/index.js';
import { CatchUp } from './catch-up.js';
import { LiveBlogNotFound } from '../domain/index.js';
import {
  LIVE_MESSAGE_LIMIT,
  LIVE_NAMESPACE,
  type LiveError,
  liveError,
  type SubscribeAck,
  type UnsubscribeAck,
} from './live-events.js';
import { LiveFanout, type LiveNamespace, type LiveSocket } from './live-fanout.js';
import { ReaderCounts } from './reader-counts.js';
import { isLiveError, parseSubscribe, parseUnsubscribe } from './subscribe-request.js';
import { CLOCK, type Clock, clientAddress } from '../../kernel/index.js';

const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;
/** Subscribe and unsubscribe requests one socket may make per window. */
const SOCKET_BUDGET = { points: 20, windowMs: 10_000 };
const SLOW_READER_SWEEP_MS = 1000;

/** What the gateway keeps on each reader's socket (kept small: a node holds tens of thousands). */
interface ReaderState {
  readonly subscriptions: Set<string>;
  /** The socket's request budget: when its window ends (whole performance.now() ms: a small integer,
   *  not a boxed number) and how much of it is spent. */
  budgetEndsAt: number;
  budgetSpent: number;
}

/**
 * The socket API (DESIGN §5): subscribe with a gap-free catch-up, then every event once, in order.
 * It listens on each socket itself, with the same three handlers for every socket, rather than
 * through @SubscribeMessage and OnGatewayConnection, whose per-socket wiring doubled the memory a
 * reader costs (LeanIoAdapter leaves this namespace's sockets alone).
 */
@WebSocketGateway({
  namespace: LIVE_NAMESPACE,
  transports: ['websocket', 'polling'],
  cors: { origin: '*' },
  maxHttpBufferSize: LIVE_MESSAGE_LIMIT,
})
export class LiveGateway implements OnGatewayInit, OnModuleDestroy {
  @WebSocketServer() private readonly server!: LiveNamespace;
  private readonly logger = new Logger(LiveGateway.name);
  /** Subscribe and unsubscribe requests: 20 per 10 s per socket (counted on the socket, which lives
   *  on one node), and a budget per client address shared by every node where the cluster shares
   *  state, so that fresh sockets, on this node or another, do not reset it. */
  private readonly perAddress?: RateLimit;
  private counts?: ReaderCounts;
  private sweep?: NodeJS.Timeout;

  constructor(
    private readonly fanout: LiveFanout,
    private readonly catchUp: CatchUp,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLUSTER_STATE) private readonly cluster: ClusterState,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    const points = config.liveRequestsPerAddress;
    if (points > 0) this.perAddress = cluster.rateLimit('live-address', { points, durationSeconds: 10 });
  }

  afterInit(server: LiveNamespace): void {
    this.fanout.attach(server);
    server.on('connection', (socket) => this.connected(socket));
    const counts = new ReaderCounts(server, this.fanout, this.cluster.presence, this.clock);
    this.counts = counts;
    this.fanout.onAudienceChange = (liveBlogId) => counts.changed(liveBlogId);
    this.sweep = setInterval(() => this.cutOffSlowReaders(), SLOW_READER_SWEEP_MS);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweep);
    this.counts?.stop();
  }

  /** The handlers every socket shares: Socket.IO calls a listener with the socket as `this`. */
  private readonly handlers = (() => {
    const gateway = this;
    const failed = (error: unknown) => gateway.logger.error({ err: error }, 'socket request failed');
    return {
      subscribe(this: LiveSocket, payload: unknown, ack?: unknown) {
        gateway.subscribe(this, payload, ack).catch(failed);
      },
      unsubscribe(this: LiveSocket, payload: unknown, ack?: unknown) {
        gateway.unsubscribe(this, payload, ack).catch(failed);
      },
      disconnect(this: LiveSocket) {
        gateway.disconnected(this);
      },
    };
  })();

  private connected(socket: LiveSocket): void {
    const state: ReaderState = { subscriptions: new Set<string>(), budgetEndsAt: 0, budgetSpent: 0 };
    socket.data = state;
    socket.on('subscribe', this.handlers.subscribe);
    socket.on('unsubscribe', this.handlers.unsubscribe);
    socket.on('disconnect', this.handlers.disconnect);
    this.metrics.readersConnected.inc();
  }

  private disconnected(socket: LiveSocket): void {
    const subscriptions = subscriptionsOf(socket);
    this.metrics.readersConnected.dec();
    this.metrics.subscriptions.dec(subscriptions.size);
    this.fanout.forget(socket, subscriptions);
    subscriptions.clear();
  }

  private async subscribe(socket: LiveSocket, payload: unknown, ack: unknown): Promise<void> {
    const reply = (value: SubscribeAck) => void (typeof ack === 'function' ? ack(value) : undefined);
    const request = parseSubscribe(payload);
    if (isLiveError(request)) return reply(request);
    const refused = (await this.limited(socket)) ?? this.tooMany(socket, request.liveBlogId);
    if (refused) return reply(refused);

    this.track(socket, request.liveBlogId);
    this.fanout.begin(socket, request.liveBlogId);
    try {
      const catchUp = await this.catchUp.ackFor(request);
      if (!catchUp) {
        this.untrack(socket, request.liveBlogId);
        return reply(liveError('not_found', new LiveBlogNotFound(request.liveBlogId).message));
      }
      if (socket.disconnected) return;
      reply(catchUp);
      this.fanout.release(socket, request.liveBlogId, catchUp.revision);
    } catch (error) {
      this.logger.error({ err: error }, 'catch-up failed');
      this.untrack(socket, request.liveBlogId);
      reply(liveError('unavailable', 'the story could not be read; retry'));
    }
  }

  private async unsubscribe(socket: LiveSocket, payload: unknown, ack: unknown): Promise<void> {
    const reply = (value: UnsubscribeAck) => void (typeof ack === 'function' ? ack(value) : undefined);
    const request = parseUnsubscribe(payload);
    if (isLiveError(request)) return reply(request);
    const refused = await this.limited(socket);
    if (refused) return reply(refused);
    this.untrack(socket, request.liveBlogId);
    reply({ ok: true });
  }

  private track(socket: LiveSocket, liveBlogId: string): void {
    const subscriptions = subscriptionsOf(socket);
    if (!subscriptions.has(liveBlogId)) this.metrics.subscriptions.inc();
    subscriptions.add(liveBlogId);
  }

  private untrack(socket: LiveSocket, liveBlogId: string): void {
    if (subscriptionsOf(socket).delete(liveBlogId)) this.metrics.subscriptions.dec();
    this.fanout.leave(socket, liveBlogId);
  }

  private async limited(socket: LiveSocket): Promise<LiveError | undefined> {
    const address = clientAddress(socket.handshake, this.config.trustedProxies);
    const allowed = spendSocketBudget(stateOf(socket)) && ((await this.perAddress?.consume(address)) ?? true);
    if (allowed) return undefined;
    return liveError('rate_limited', 'too many subscribe requests; slow down');
  }

  private tooMany(socket: LiveSocket, liveBlogId: string): LiveError | undefined {
    const subscriptions = subscriptionsOf(socket);
    if (subscriptions.has(liveBlogId) || subscriptions.size < MAX_SUBSCRIPTIONS_PER_SOCKET) return undefined;
    return liveError('too_many_subscriptions', `at most ${MAX_SUBSCRIPTIONS_PER_SOCKET} live blogs per connection`);
  }

  /** A reader whose outgoing packets pile up is cut off, rather than growing this node's memory. */
  private cutOffSlowReaders(): void {
    for (const socket of this.server.sockets.values()) {
      if (pendingPackets(socket) <= this.config.readerBufferLimit) continue;
      socket.emit('goodbye', {
        reason: 'slow_consumer',
        message: 'too far behind; reconnect and resume from your last revision',
      });
      socket.disconnect(true);
      this.metrics.slowReadersDisconnected.inc();
    }
  }
}

/** Packets engine.io holds for the socket that the transport has not taken yet (not in its public types). */
function pendingPackets(socket: LiveSocket): number {
  return (socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length;
}

function stateOf(socket: LiveSocket): ReaderState {
  return socket.data as ReaderState;
}

function subscriptionsOf(socket: LiveSocket): Set<string> {
  return stateOf(socket).subscriptions;
}

/** A fixed window per socket, as rate-limiter-flexible counts: a request over budget spends too. */
function spendSocketBudget(state: ReaderState, now = Math.floor(performance.now())): boolean {
  if (now >= state.budgetEndsAt) [state.budgetEndsAt, state.budgetSpent] = [now + SOCKET_BUDGET.windowMs, 0];
  return ++state.budgetSpent <= SOCKET_BUDGET.points;
}
