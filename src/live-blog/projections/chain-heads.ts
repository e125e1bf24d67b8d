import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { type SignedCheckpoint, CheckpointSigner } from '../../signing/index.js';
import { ProjectionRunner } from './projection-runner.js';

interface ChainHead {
  readonly revision: number;
  readonly hash: string;
}

/**
 * Where each story's hash chain ends in this node's views, heard synchronously from the fold, so it
 * always matches `ProjectionRunner.state()`; and the signed checkpoint of that head.
 */
@Injectable()
export class ChainHeads implements OnModuleDestroy {
  private readonly heads = new Map<string, ChainHead>();
  private readonly subscription: Subscription;

  constructor(
    projections: ProjectionRunner,
    private readonly signer: CheckpointSigner,
  ) {
    this.subscription = projections.folded.subscribe(({ liveBlogId, event }) =>
      this.heads.set(liveBlogId, { revision: event.revision, hash: event.metadata.hash }),
    );
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
  }

  all(): ReadonlyMap<string, ChainHead> {
    return this.heads;
  }

  /** The signed checkpoint of the newest revision this node holds of the story; null for an unknown one. */
  checkpoint(liveBlogId: string): SignedCheckpoint | null {
    const head = this.heads.get(liveBlogId);
    return head ? this.signer.sign(liveBlogId, head.revision, head.hash) : null;
  }
}
