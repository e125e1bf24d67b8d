/**
 * The clients of the failover check: readers that follow a story and move to another node when
 * theirs goes away, and editors that post until told to stop and retry on another node.
 */
import type { SubscribeAck } from '../../src/live-blog/realtime/live-events.js';
import { connectLive, LiveBlogFollower } from '../../packages/client/src/follower.js';

/** A page following one story: on losing its node it resubscribes on another with its revision and epoch. */
export class MovingReader {
  readonly revisions: number[] = [];
  redraws = 0;
  moves = 0;
  private follower?: LiveBlogFollower;

  constructor(
    private readonly liveBlogId: string,
    private readonly nodes: () => string[],
  ) {}

  get revision(): number | undefined {
    return this.follower?.revision;
  }

  async follow(url: string): Promise<void> {
    const socket = connectLive(url, { reconnection: false, forceNew: true, transports: ['websocket'] });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const from = { afterRevision: this.follower?.revision, epoch: this.follower?.epoch };
    const resuming = from.afterRevision !== undefined;
    const ack = await new Promise<SubscribeAck>((resolve) => {
      this.follower = new LiveBlogFollower(
        socket,
        this.liveBlogId,
        {
          onEvent: (event) => this.revisions.push(event.revision),
          onAck: resolve,
        },
        from,
      );
    });
    if (!ack.ok) throw new Error(`subscribe on ${url}: ${ack.error.code}`);
    if (resuming && !('events' in ack)) this.redraws++;
    socket.on('disconnect', () => void this.move(url));
  }

  close(): void {
    this.follower?.socket.removeAllListeners('disconnect');
    this.follower?.socket.disconnect();
  }

  /** Tries the nodes still listed, as a client behind a load balancer would land on a live one. */
  private async move(from: string): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const to = this.nodes().find((url) => url !== from);
      if (to) {
        try {
          await this.follow(to);
          this.moves++;
          return;
        } catch {
          // that node is not answering either; try again shortly
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface EditorLog {
  /** updateId → the revision its 201 acknowledged. */
  readonly acknowledged: Map<string, number>;
  /** Requests that failed without an answer (the node died under them) and were retried elsewhere. */
  retriedElsewhere: number;
}

/** Posts updates one after another until stopped; a post the node died under is retried on another node. */
export async function editUntilStopped(
  name: string,
  start: string,
  liveBlogId: string,
  token: string,
  stopped: () => boolean,
  nodes: () => string[],
  log: EditorLog,
): Promise<void> {
  let url = start;
  for (let index = 0; !stopped(); index++) {
    const updateId = `${name}-${index}`;
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        const response = await fetch(`${url}/api/live-blogs/${liveBlogId}/updates`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': updateId,
          },
          body: JSON.stringify({ kind: 'report', body: `Failover post ${updateId}`, updateId }),
        });
        const body = (await response.json()) as { revision: number };
        if (response.status === 201) log.acknowledged.set(updateId, body.revision);
        if (response.status !== 409) break;
      } catch {
        log.retriedElsewhere++;
        url = nodes().find((other) => other !== url) ?? url;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }
}
