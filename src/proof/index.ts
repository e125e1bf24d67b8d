/** The proof folder's front door: what other folders may use. */
export * from './pure.js';
export { runCheckpointCommand } from './checkpoint-command.js';
export { ProofModule } from './proof.module.js';
