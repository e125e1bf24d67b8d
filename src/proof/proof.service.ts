import { Inject, Injectable } from '@nestjs/common';
import { chainStart, checkLink, reportOf, RevisionNotFound } from '../audit/index.js';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../event-store/index.js';
import { streamOf, LiveBlogConflict, LiveBlogNotFound } from '../live-blog/index.js';
import { type SignedCheckpoint, CheckpointSigner } from '../signing/index.js';
import { bundleFile } from './bundle-file.js';
import { BUNDLE_FORMAT, type BundleHeader, redactedAt } from './evidence-bundle.js';
import { verifyExtension, type ExtensionReport } from './extension.js';
import { storedCheckpoints } from './checkpoint-archive.js';
import { streamPages } from './stream-pages.js';
import { type Author, CLOCK, type Clock } from '../kernel/index.js';
import { LoopTurns } from '../shared/index.js';

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
   * One self-contained file for the story up to a revision (the head when none is given), as chunks
   * of text written as they are made (bundle-file.ts). A chain that does not verify is refused
   * before the first byte: the server never signs a checkpoint of a tampered history.
   */
  async evidence(liveBlogId: string, revision: number | undefined, auditor: Author): Promise<EvidenceFile> {
    const stream = streamOf(liveBlogId);
    const head = await this.store.streamRevision(stream);
    if (head === -1) throw new LiveBlogNotFound(liveBlogId);
    const last = revision ?? head;
    if (last > head) throw new RevisionNotFound(`live blog "${liveBlogId}" has revisions 0 to ${head}`, 'revision');
    let progress = chainStart;
    // Text in these events redacted later: the redaction events come along, linked into the chain.
    let until = -1;
    const turns = new LoopTurns();
    for await (const page of streamPages(this.store, stream, 0, last)) {
      for (const event of page) {
        progress = checkLink(progress, event);
        until = Math.max(until, redactedAt(event));
        await turns.due();
      }
    }
    const endHash = progress.lastHash;
    const laterEvents: RecordedEvent[] = [];
    if (until > last) {
      for await (const page of streamPages(this.store, stream, last + 1, until)) {
        for (const event of page) progress = checkLink(progress, event);
        laterEvents.push(...page);
      }
    }
    const chain = reportOf(progress);
    if (!chain.ok || progress.checked !== last + 1 + laterEvents.length) {
      const at = chain.firstBrokenRevision ?? progress.checked;
      throw new LiveBlogConflict(`the hash chain is broken at revision ${at}: see /integrity; no evidence is signed`);
    }
    const header: BundleHeader = {
      format: BUNDLE_FORMAT,
      liveBlogId,
      revision: last,
      storeEpoch: this.store.epoch,
      createdAt: this.clock.now().toISOString(),
      createdBy: auditor,
    };
    const parts = {
      header,
      checkpoint: this.signer.sign(liveBlogId, last, endHash),
      keys: this.signer.signingKey,
      pages: streamPages(this.store, stream, 0, last),
      ...(laterEvents.length > 0 ? { laterEvents } : {}),
    };
    return { revision: last, chunks: bundleFile(parts, this.signer.currentKey) };
  }
}

/** An evidence bundle on its way out: the revision it stops at, and its text in chunks. */
interface EvidenceFile {
  readonly revision: number;
  readonly chunks: AsyncIterable<string>;
}
