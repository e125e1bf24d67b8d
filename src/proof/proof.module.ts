import { Module } from '@nestjs/common';
import { LiveBlogModule } from '../live-blog/index.js';
import { CheckpointArchive } from './checkpoint-archive.js';
import { CheckpointController, ProofController, WellKnownKeysController } from './proof.controller.js';
import { ProofService } from './proof.service.js';

/** Signed checkpoints, verification against them, evidence bundles (DESIGN §4b). The signer is global. */
@Module({
  imports: [LiveBlogModule],
  controllers: [WellKnownKeysController, CheckpointController, ProofController],
  providers: [ProofService, CheckpointArchive],
  exports: [CheckpointArchive],
})
export class ProofModule {}
