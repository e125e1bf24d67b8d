/** The signing folder's front door: what other folders may use. */
export * from './pure.js';
export { CheckpointSigner, CheckpointSigningModule } from './checkpoint-signer.js';
export { KeySetResponse, SignedCheckpointResponse } from './signing.responses.js';
