import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import { asapScheduler, observeOn, type Subscription } from 'rxjs';
import { CheckpointSigner } from '../../signing/index.js';
import { Metrics, secondsSince } from '../../shared/index.js';
import { ProjectionRunner, type FoldedEvent } from '../projections/projection-runner.js';
import type { ClientToServerEvents, PushedEvent, ServerToClientEvents } from './live-events.js';
import { isPublicEvent, toPublicEvent } from './public-events.js';
import { CLOCK, type Clock } from '../../kernel/index.js';

export type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents>;
export type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents>;

/**
 * A subscription before it joins its blog's room. While its catch-up is read it buffers what
 * this node pushes; after the ack it receives, one by one, only what is newer than it holds,
 * until this node's feed has caught up with it and the room's broadcasts can take over.
 */
interface Joining {
  readonly socket: LiveSocket;
  buffer: PushedEvent[] | null;
  delivered: number;
}

export const roomOf = (liveBlogId: string) => `liveblog:${liveBlogId}`;

/** Tries at telling readers to resume after a failed push, each after a doubling wait from the first. */
const RESUME_TRIES = 6;
const RESUME_FIRST_WAIT_MS = 100;

/**
 * Pushes every event this node folds from the store feed to the readers of its blog, in order, once.
 * It hears of an event in a task of its own, after the writer waiting for it was let go, and a push
 * that throws is logged and counted: it never reaches the writer, the views or the next push. The
 * blog's readers are then told to resume (`resume`), so each one lacking the event subscribes again
 * and the catch-up replays it, even when no later push comes to show them the gap.
 */
@Injectable()
export class LiveFanout implements OnModuleDestroy {
  private readonly logger = new Logger(LiveFanout.name);
  private server?: LiveNamespace;
  private readonly joining = new Map<string, Map<string, Joining>>();
  /** Per blog, the revision of the last event this fan-out has pushed (or passed, with nobody listening). */
  private readonly pushed = new Map<string, number>();
  /** Per blog, the revision of the last event readers may see, pushed or passed: the next push's `afterRevision`. */
  private readonly lastPublic = new Map<string, number>();
  private readonly subscription: Subscription;
  /** Socket.IO keeps the name of each room a socket joins: one string per story, not one per reader. */
  private readonly rooms = new Map<string, string>();
  /** Told when a blog's audience changed (reader counts). */
  onAudienceChange: (liveBlogId: string) => void = () => {};

  constructor(
    projections: ProjectionRunner,
    private readonly metrics: Metrics,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly signer: CheckpointSigner,
  ) {
    const folded = projections.folded.pipe(observeOn(asapScheduler));
    this.subscription = folded.subscribe((event) => this.pushSafely(event));
  }

  attach(server: LiveNamespace): void {
    this.server = server;
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
  }

  /** Starts buffering for a socket whose catch-up is about to be read. */
  begin(socket: LiveSocket, liveBlogId: string): void {
    this.leave(socket, liveBlogId);
    const sockets = this.joining.get(liveBlogId) ?? new Map<string, Joining>();
    sockets.set(socket.id, { socket, buffer: [], delivered: -1 });
    this.joining.set(liveBlogId, sockets);
  }

  /** After the ack at `revision`: releases what arrived meanwhile, dropping what the catch-up held. */
  release(socket: LiveSocket, liveBlogId: string, revision: number): void {
    const joining = this.joining.get(liveBlogId)?.get(socket.id);
    if (!joining || joining.buffer === null) return;
    const buffered = joining.buffer;
    joining.buffer = null;
    joining.delivered = revision;
    for (const event of buffered) this.deliver(joining, event);
    this.joinIfCaughtUp(liveBlogId, joining);
    this.onAudienceChange(liveBlogId);
  }

  leave(socket: LiveSocket, liveBlogId: string): boolean {
    const wasJoining = this.joining.get(liveBlogId)?.delete(socket.id) ?? false;
    const wasInRoom = socket.rooms.has(roomOf(liveBlogId));
    if (wasInRoom) void socket.leave(roomOf(liveBlogId));
    if (wasJoining || wasInRoom) this.onAudienceChange(liveBlogId);
    return wasJoining || wasInRoom;
  }

  /** Called on disconnect, when Socket.IO has already emptied the socket's rooms. */
  forget(socket: LiveSocket, liveBlogIds: Iterable<string>): void {
    for (const liveBlogId of liveBlogIds) {
      this.joining.get(liveBlogId)?.delete(socket.id);
      this.onAudienceChange(liveBlogId);
    }
  }

  audience(liveBlogId: string): number {
    const inRoom = this.server?.adapter.rooms.get(roomOf(liveBlogId))?.size ?? 0;
    return inRoom + (this.joining.get(liveBlogId)?.size ?? 0);
  }

  private pushSafely(folded: FoldedEvent): void {
    try {
      this.push(folded);
    } catch (error) {
      this.metrics.pushFailures.inc();
      const { liveBlogId, event } = folded;
      const context = { err: error, liveBlogId, revision: event.revision };
      this.logger.error(context, 'push failed; its readers are told to resume');
      this.askToResume(liveBlogId, event.revision, 1);
    }
  }

  /**
   * Every socket of the blog, in its room or joining it, hears that events up to `revision` may have
   * missed it. A reader that holds them ignores it; the others resubscribe from what they hold. Sent
   * to a joining socket too: its catch-up may have been read before the event was stored. When the
   * nudge itself cannot be sent (the adapter that failed the push still failing), it is tried again
   * after a doubling wait; past the last try, the next push's revision shows the gap to the follower.
   */
  private askToResume(liveBlogId: string, revision: number, attempt: number): void {
    try {
      const resume = { liveBlogId, revision };
      if ((this.server?.adapter.rooms.get(roomOf(liveBlogId))?.size ?? 0) > 0)
        this.server!.to(roomOf(liveBlogId)).emit('resume', resume);
      for (const joining of this.joining.get(liveBlogId)?.values() ?? []) joining.socket.emit('resume', resume);
    } catch (error) {
      const context = { err: error, liveBlogId, revision, attempt };
      if (attempt >= RESUME_TRIES) return this.logger.error(context, 'could not tell readers to resume');
      const wait = setTimeout(
        () => this.askToResume(liveBlogId, revision, attempt + 1),
        RESUME_FIRST_WAIT_MS * 2 ** (attempt - 1),
      );
      wait.unref();
    }
  }

  private push({ liveBlogId, event }: FoldedEvent): void {
    this.pushed.set(liveBlogId, event.revision);
    const isPublic = isPublicEvent(event);
    const afterRevision = this.lastPublic.get(liveBlogId) ?? -1;
    if (isPublic) this.lastPublic.set(liveBlogId, event.revision);
    if (this.audience(liveBlogId) === 0) return;
    if (!isPublic) return this.passOver(liveBlogId);
    // Signed once per revision here, after the audience check: a story nobody reads costs no signature.
    const checkpoint = this.signer.sign(liveBlogId, event.revision, event.metadata.hash);
    const publicEvent: PushedEvent = { ...toPublicEvent(liveBlogId, event), checkpoint, afterRevision };
    const room = roomOf(liveBlogId);
    const inRoom = this.server?.adapter.rooms.get(room)?.size ?? 0;
    if (inRoom > 0) {
      this.server!.to(room).emit('event', publicEvent);
      this.metrics.pushes.inc(inRoom);
      this.metrics.pushLag.observe(secondsSince(event.recordedAt, this.clock));
    }
    for (const joining of this.joining.get(liveBlogId)?.values() ?? []) {
      if (joining.buffer) joining.buffer.push(publicEvent);
      else {
        this.deliver(joining, publicEvent);
        this.joinIfCaughtUp(liveBlogId, joining);
      }
    }
  }

  /** A newsroom-only event is sent to nobody, yet a joining socket that holds all before it is caught up. */
  private passOver(liveBlogId: string): void {
    for (const joining of this.joining.get(liveBlogId)?.values() ?? [])
      if (!joining.buffer) this.joinIfCaughtUp(liveBlogId, joining);
  }

  private deliver(joining: Joining, event: PushedEvent): void {
    if (event.revision <= joining.delivered) return;
    joining.socket.emit('event', event);
    joining.delivered = event.revision;
    this.metrics.pushes.inc();
  }

  /** Once this node has pushed everything the socket holds, the room's next broadcast is its next event. */
  private joinIfCaughtUp(liveBlogId: string, joining: Joining): void {
    if ((this.pushed.get(liveBlogId) ?? -1) < joining.delivered) return;
    this.joining.get(liveBlogId)?.delete(joining.socket.id);
    let room = this.rooms.get(liveBlogId);
    if (room === undefined) this.rooms.set(liveBlogId, (room = roomOf(liveBlogId)));
    void joining.socket.join(room);
  }
}
