import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  Ack,
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { fromOwnSite } from '../auth/index.js';
import { CLUSTER_STATE, type ClusterState, type RateLimit } from '../cluster/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { clientAddress } from '../kernel/index.js';
import { LIVE_BLOG_ID_PATTERN } from '../live-blog/index.js';
import { EditorIdentity, type SocketEditor } from './editor-identity.js';

export const NEWSROOM_NAMESPACE = '/newsroom';

/** One editor in a story's console, as the other consoles show them. */
export interface PresentEditor {
  readonly id: string;
  readonly name: string;
}

/** Errors say `code` and `kind` as the /live acks do (DESIGN §5): here only `invalid`, whose kind is itself. */
type JoinAck =
  | { ok: true; editors: PresentEditor[] }
  | { ok: false; error: { code: 'invalid' | 'rate_limited'; kind: 'invalid' | 'rate_limited'; message: string } };

interface EditorSocket extends Socket {
  data: { editor: SocketEditor; liveBlogId?: string; joins?: { endsAt: number; spent: number } };
}

/** `join` requests per socket, as /live counts its subscribe requests: each one re-reads the session and fetches the room. */
const JOIN_BUDGET = { points: 20, windowMs: 10_000 } as const;

/** The largest message a console sends here (a join is a few dozen bytes); a larger one closes its connection. */
const NEWSROOM_MESSAGE_LIMIT = 4096;

const roomOf = (liveBlogId: string) => `console:${liveBlogId}`;

/** How often open sockets are checked against their sessions: a signed-out editor leaves within this. */
const SESSION_SWEEP_MS = 5000;

/**
 * Who else has a story's console open (DESIGN §5b). Only signed-in editors may connect; each
 * console joins its story, and every console of that story hears `editors` whenever one comes or goes.
 * Presence is kept per node (Socket.IO's in-memory rooms): consoles on another node are not listed.
 */
@WebSocketGateway({ namespace: NEWSROOM_NAMESPACE, transports: ['websocket', 'polling'] })
export class PresenceGateway implements OnGatewayInit, OnGatewayDisconnect, OnModuleDestroy {
  @WebSocketServer() private readonly server!: Namespace;
  private readonly logger = new Logger(PresenceGateway.name);
  private sweep?: NodeJS.Timeout;
  /** `join` requests per client address over all its sockets (NEWSROOM_JOIN_RATE_LIMIT), shared by the
   *  nodes where the cluster shares state: opening fresh sockets does not reset the per-socket budget's count. */
  private readonly perAddress?: RateLimit;

  constructor(
    private readonly identity: EditorIdentity,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLUSTER_STATE) cluster: ClusterState,
  ) {
    const points = config.newsroomJoinsPerAddress;
    if (points > 0) this.perAddress = cluster.rateLimit('newsroom-joins-address', { points, durationSeconds: 10 });
  }

  afterInit(server: Namespace): void {
    server.use((socket, next) => {
      // The same rule as a signed-in HTTP write: another site's page may not open an editor's socket.
      if (!fromOwnSite(socket.handshake)) return next(new Error('open the console from this site’s own pages'));
      const editor = this.identity.ofHandshake(socket.handshake);
      if (!editor) return next(new Error('sign in as an editor to open the console'));
      (socket as EditorSocket).data.editor = editor;
      // The engine takes /live's larger messages; this namespace keeps its own limit.
      socket.use((packet, pass) =>
        Buffer.byteLength(JSON.stringify(packet)) > NEWSROOM_MESSAGE_LIMIT ? socket.disconnect(true) : pass(),
      );
      next();
    });
    this.sweep = setInterval(() => this.disconnectSignedOut(), SESSION_SWEEP_MS);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweep);
    this.server?.disconnectSockets(true);
  }

  @SubscribeMessage('join')
  async join(
    @ConnectedSocket() socket: EditorSocket,
    @MessageBody() payload: unknown,
    @Ack() ack?: (reply: JoinAck) => void,
  ) {
    const reply = (value: JoinAck) => (typeof ack === 'function' ? ack(value) : undefined);
    if (!(await this.mayJoin(socket))) {
      return reply({
        ok: false,
        error: { code: 'rate_limited', kind: 'rate_limited', message: 'too many join requests; slow down' },
      });
    }
    if (!this.identity.stillSignedIn(socket.data.editor)) return this.signedOut(socket);
    const liveBlogId = (payload as { liveBlogId?: unknown } | null)?.liveBlogId;
    if (typeof liveBlogId !== 'string' || !LIVE_BLOG_ID_PATTERN.test(liveBlogId)) {
      return reply({
        ok: false,
        error: { code: 'invalid', kind: 'invalid', message: 'liveBlogId must be a live blog id' },
      });
    }
    const previous = socket.data.liveBlogId;
    if (previous && previous !== liveBlogId) {
      await socket.leave(roomOf(previous));
      await this.announce(previous);
    }
    socket.data.liveBlogId = liveBlogId;
    await socket.join(roomOf(liveBlogId));
    reply({ ok: true, editors: await this.announce(liveBlogId) });
  }

  /** The socket's budget first (it costs nothing to check), then its address's. */
  private async mayJoin(socket: EditorSocket): Promise<boolean> {
    if (!spendJoinBudget(socket.data)) return false;
    const address = clientAddress(socket.handshake, this.config.trustedProxies);
    return (await this.perAddress?.consume(address)) ?? true;
  }

  async handleDisconnect(socket: EditorSocket): Promise<void> {
    const liveBlogId = socket.data.liveBlogId;
    if (!liveBlogId) return;
    await this.announce(liveBlogId).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'presence announce failed'),
    );
  }

  /** Tells every console of the story who is there now (one entry per editor, however many tabs). */
  private async announce(liveBlogId: string): Promise<PresentEditor[]> {
    const sockets = await this.server.in(roomOf(liveBlogId)).fetchSockets();
    const editors = new Map<string, PresentEditor>();
    for (const each of sockets) {
      const { id, name } = (each.data as EditorSocket['data']).editor.author;
      editors.set(id, { id, name });
    }
    const list = [...editors.values()].sort((a, b) => a.name.localeCompare(b.name));
    this.server.to(roomOf(liveBlogId)).emit('editors', { liveBlogId, editors: list });
    return list;
  }

  /** Signing out, a disabled account or a reset password ends the session: its consoles leave at once. */
  private disconnectSignedOut(): void {
    for (const socket of this.server.sockets.values() as IterableIterator<EditorSocket>) {
      if (!this.identity.stillSignedIn(socket.data.editor)) this.signedOut(socket);
    }
  }

  private signedOut(socket: EditorSocket): void {
    socket.emit('signed-out', { message: 'your session has ended; sign in again' });
    socket.disconnect(true);
  }
}

/** A fixed window per socket: a request over budget spends too. */
function spendJoinBudget(data: EditorSocket['data'], now = Math.floor(performance.now())): boolean {
  if (!data.joins || now >= data.joins.endsAt) data.joins = { endsAt: now + JOIN_BUDGET.windowMs, spent: 0 };
  return ++data.joins.spent <= JOIN_BUDGET.points;
}
