import { Inject, Injectable } from '@nestjs/common';
import { RevisionNotFound, verifyChain } from '../audit/index.js';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../event-store/index.js';
import { toStoredEvent, streamOf, LiveBlogConflict, LiveBlogNotFound } from '../live-blog/index.js';
import { type SignedCheckpoint, CheckpointSigner } from '../signing/index.js';
import { BUNDLE_FORMAT, lastRedactionOf, pageOf, seal, type EvidenceBundle } from './evidence-bundle.js';
import { verifyExtension, type ExtensionReport } from './extension.js';
import { storedCheckpoints } from './checkpoint-archive.js';
import { streamPages } from './stream-pages.js';
import { type Author, CLOCK, type Clock } from '../kernel/index.js';

/** The auditor's proofs, read from the store (the truth), never from this node's views. */
@Injectable()
export class ProofService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly signer: CheckpointSigner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Does the story's history now extend the one the checkpoint signed? Reads the whole stream, a page at a time. */
  async verify(liveBlogId: string, checkpoint: SignedCheckpoint): Promise<ExtensionReport> {
    const story = { storeEpoch: this.store.epoch, earlierEpochs: this.store.earlierEpochs, liveBlogId };
    const pages = streamPages(this.store, streamOf(liveBlogId));
    const witnesses = await storedCheckpoints(this.store, liveBlogId);
    return verifyExtension(checkpoint, this.signer.keyring, story, pages, witnesses);
  }

  /**
   * One self-contained file for the story up to a revision (the head when none is given). A chain
   * that does not verify is refused: the server never signs a checkpoint of a tampered history.
   */
  async evidence(liveBlogId: string, revision: number | undefined, auditor: Author): Promise<EvidenceBundle> {
    const stream = streamOf(liveBlogId);
    const head = await this.store.streamRevision(stream);
    if (head === -1) throw new LiveBlogNotFound(liveBlogId);
    const last = revision ?? head;
    if (last > head) throw new RevisionNotFound(`live blog "${liveBlogId}" has revisions 0 to ${head}`, 'revision');
    const events: RecordedEvent[] = [];
    for await (const page of streamPages(this.store, stream, 0, last)) events.push(...page);
    // Text in these events redacted later: the redaction events come along, linked into the chain.
    const laterEvents: RecordedEvent[] = [];
    const until = lastRedactionOf(events);
    if (until > last)
      for await (const page of streamPages(this.store, stream, last + 1, until)) laterEvents.push(...page);
    const chain = verifyChain([...events, ...laterEvents]);
    if (!chain.ok || events.length !== last + 1) {
      const at = chain.firstBrokenRevision ?? events.length;
      throw new LiveBlogConflict(`the hash chain is broken at revision ${at}: see /integrity; no evidence is signed`);
    }
    const end = toStoredEvent(events.at(-1)!);
    return seal(
      {
        format: BUNDLE_FORMAT,
        liveBlogId,
        revision: last,
        storeEpoch: this.store.epoch,
        createdAt: this.clock.now().toISOString(),
        createdBy: auditor,
        checkpoint: this.signer.sign(liveBlogId, last, end.metadata.hash),
        keys: this.signer.signingKey,
        events,
        ...(laterEvents.length > 0 ? { laterEvents } : {}),
        page: pageOf(liveBlogId, events)!,
      },
      this.signer.currentKey,
    );
  }
}
