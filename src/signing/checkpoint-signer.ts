import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { EVENT_STORE, type EventStore } from '../event-store/index.js';
import { signCheckpoint, type CheckpointKey, type SignedCheckpoint } from './checkpoint.js';
import { resolveCheckpointKeys, type CheckpointKeys } from './checkpoint-keys.js';
import type { KeySet, Keyring } from './keyring.js';
import { CLOCK, type Clock } from '../kernel/index.js';

/**
 * Signs story heads with this deployment's checkpoint key. A story's newest checkpoint is kept, so
 * however many readers, pushes and article builds ask for one revision, it is signed once; an older
 * revision (an evidence bundle) is signed afresh and not kept.
 */
@Injectable()
export class CheckpointSigner {
  private readonly keys: CheckpointKeys;
  private readonly newest = new Map<string, SignedCheckpoint>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.keys = resolveCheckpointKeys(config);
  }

  /** The published keys: the document at /.well-known/dateline-keys.json. */
  get published(): KeySet {
    return this.keys.published;
  }

  /** The key that signs now, alone: what a bundle carries. */
  get signingKey(): KeySet {
    return { keys: this.keys.published.keys.filter((key) => key.kid === this.keys.signing.keyId) };
  }

  get keyring(): Keyring {
    return this.keys.keyring;
  }

  get storeEpoch(): string {
    return this.store.epoch;
  }

  /** The checkpoint of the story's chain ending at `revision` with `hash` (the stored hash of that event). */
  sign(liveBlogId: string, revision: number, hash: string): SignedCheckpoint {
    const kept = this.newest.get(liveBlogId);
    if (kept && kept.revision === revision && kept.hash === hash) return kept;
    const at = this.clock.now().toISOString();
    const checkpoint = signCheckpoint(
      { storeEpoch: this.store.epoch, liveBlogId, revision, hash, at },
      this.keys.signing,
    );
    if (!kept || revision >= kept.revision) this.newest.set(liveBlogId, checkpoint);
    return checkpoint;
  }

  /** The key that signs now, for what else this deployment seals (evidence bundles). */
  get currentKey(): CheckpointKey {
    return this.keys.signing;
  }
}

/** The signer for every module: the views, the push and the change feed carry its checkpoints. */
@Global()
@Module({ providers: [CheckpointSigner], exports: [CheckpointSigner] })
export class CheckpointSigningModule {}
