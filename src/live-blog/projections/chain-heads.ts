import { Injectable } from '@nestjs/common';
import { type SignedCheckpoint, CheckpointSigner } from '../../signing/index.js';
import { ProjectionRunner } from './projection-runner.js';

interface ChainHead {
  readonly revision: number;
  readonly hash: string;
}

/**
 * Where each story's hash chain ends in this node's views (as the runner holds it with the state,
 * so it always matches `ProjectionRunner.state()`, whether or not the story is in memory), and the signed checkpoint of that head.
 */
@Injectable()
export class ChainHeads {
  constructor(
    private readonly projections: ProjectionRunner,
    private readonly signer: CheckpointSigner,
  ) {}

  *all(): Iterable<[string, ChainHead]> {
    for (const [liveBlogId, story] of this.projections.summaries()) {
      if (story.opened) yield [liveBlogId, { revision: story.revision, hash: story.lastHash }];
    }
  }

  /** The signed checkpoint of the newest revision this node holds of the story; null for an unknown one. */
  checkpoint(liveBlogId: string): SignedCheckpoint | null {
    const story = this.projections.summaries().get(liveBlogId);
    if (!story?.opened) return null;
    return this.signer.sign(liveBlogId, story.revision, story.lastHash);
  }
}
