import { Injectable } from '@nestjs/common';
import { type SignedCheckpoint, CheckpointSigner } from '../../signing/index.js';
import { ProjectionRunner } from './projection-runner.js';

interface ChainHead {
  readonly revision: number;
  readonly hash: string;
}

/**
 * Where each story's hash chain ends in this node's views (as the runner holds it with the state,
 * so it always matches `ProjectionRunner.state()`), and the signed checkpoint of that head.
 */
@Injectable()
export class ChainHeads {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly signer: CheckpointSigner,
  ) {}

  *all(): Iterable<[string, ChainHead]> {
    for (const [liveBlogId, held] of this.projections.held()) {
      if (held.state.status !== 'none') yield [liveBlogId, { revision: held.state.revision, hash: held.lastHash }];
    }
  }

  /** The signed checkpoint of the newest revision this node holds of the story; null for an unknown one. */
  checkpoint(liveBlogId: string): SignedCheckpoint | null {
    const held = this.projections.held().get(liveBlogId);
    if (!held || held.state.status === 'none') return null;
    return this.signer.sign(liveBlogId, held.state.revision, held.lastHash);
  }
}
