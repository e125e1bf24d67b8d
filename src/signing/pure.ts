/**
 * The signing folder's second door: checkpoints, keyrings and keys, for verifying and rotating offline.
 * It loads no Nest, no store adapter and no driver (test/unit/proof-offline.spec.ts).
 */
export {
  CHECKPOINT_FORMAT,
  type CheckpointKey,
  checkSignature,
  MalformedCheckpoint,
  parseCheckpoint,
  signatureBytes,
  type SignedCheckpoint,
} from './checkpoint.js';
export { rotateCheckpointKey, verifyingKeys } from './checkpoint-keys.js';
export { type Keyring, keyringOf, type KeySet, UnusableKey } from './keyring.js';
