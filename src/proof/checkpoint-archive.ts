import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { WrongExpectedRevision, EVENT_STORE, type EventStore } from '../event-store/index.js';
import { ChainHeads } from '../live-blog/index.js';
import { MalformedCheckpoint, parseCheckpoint, type SignedCheckpoint, CheckpointSigner } from '../signing/index.js';
import { streamPages } from './stream-pages.js';

/** Stored checkpoints of a story: a stream of its own, which no view, feed or audit of the story reads. */
const checkpointStreamOf = (liveBlogId: string) => `checkpoints-${liveBlogId}`;

const CHECKPOINT_STORED = 'CheckpointStored';

/**
 * Every checkpoint stored for the story that reads as one (unchecked: the verifier checks each
 * signature before trusting it). They narrow down where a rewritten history began.
 */
export async function storedCheckpoints(store: EventStore, liveBlogId: string): Promise<SignedCheckpoint[]> {
  const found: SignedCheckpoint[] = [];
  for await (const page of streamPages(store, checkpointStreamOf(liveBlogId))) {
    for (const event of page) {
      try {
        found.push(parseCheckpoint(event.data));
      } catch (error) {
        // A malformed stored checkpoint proves nothing either way.
        if (!(error instanceof MalformedCheckpoint)) throw error;
      }
    }
  }
  return found;
}

/**
 * Writes each story's signed head to the store every CHECKPOINT_INTERVAL_S when it moved, so an
 * auditor can ask for the checkpoint as of any past instant. Nodes sharing a store take turns by
 * expected revision: when two write at once, one append wins and the other leaves it.
 */
@Injectable()
export class CheckpointArchive implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CheckpointArchive.name);
  private timer?: NodeJS.Timeout;
  /** The revision last stored (or found stored) per story, so an idle story costs no read. */
  private readonly stored = new Map<string, number>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly heads: ChainHeads,
    private readonly signer: CheckpointSigner,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.checkpoints.intervalSeconds;
    if (seconds === 0) return;
    this.timer = setInterval(() => {
      this.recordAll().catch((error: unknown) => this.logger.error({ err: error }, 'could not store checkpoints'));
    }, seconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Stores the signed head of every story that moved since its last stored checkpoint; answers how many. */
  async recordAll(): Promise<number> {
    let written = 0;
    for (const [liveBlogId, head] of this.heads.all()) {
      if ((this.stored.get(liveBlogId) ?? -1) >= head.revision) continue;
      if (await this.record(this.signer.sign(liveBlogId, head.revision, head.hash))) written++;
    }
    return written;
  }

  /** The newest checkpoint stored at or before the instant (by when it was signed), or null. */
  async asOf(liveBlogId: string, instant: Date): Promise<SignedCheckpoint | null> {
    const stream = checkpointStreamOf(liveBlogId);
    // `at` never decreases along the stream: a binary search reads about log2(n) single events.
    let low = 0;
    let high = await this.store.streamRevision(stream);
    let found: SignedCheckpoint | null = null;
    while (low <= high) {
      const middle = Math.floor((low + high) / 2);
      const [event] = await this.store.readStream(stream, { fromRevision: middle, maxCount: 1 });
      const checkpoint = event ? parseCheckpoint(event.data) : null;
      if (checkpoint && Date.parse(checkpoint.at) <= instant.getTime()) {
        found = checkpoint;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }

  private async record(checkpoint: SignedCheckpoint): Promise<boolean> {
    const stream = checkpointStreamOf(checkpoint.liveBlogId);
    const [last] = await this.store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    const previous = last ? parseCheckpoint(last.data) : null;
    if (previous && previous.revision >= checkpoint.revision) {
      this.stored.set(checkpoint.liveBlogId, previous.revision);
      return false;
    }
    // Another node whose clock runs ahead stored one later than this: `at` must not go back along the stream.
    if (previous && previous.at > checkpoint.at) return false;
    const event = {
      eventId: randomUUID(),
      type: CHECKPOINT_STORED,
      data: { ...checkpoint },
      metadata: { at: checkpoint.at, schemaVersion: 1 },
    };
    try {
      await this.store.append(stream, [event], { expectedRevision: last ? last.revision : 'no_stream' });
    } catch (error) {
      if (error instanceof WrongExpectedRevision) return false;
      throw error;
    }
    this.stored.set(checkpoint.liveBlogId, checkpoint.revision);
    return true;
  }
}
