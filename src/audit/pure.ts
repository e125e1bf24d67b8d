/**
 * The audit folder's second door: the hash-chain verifier, which checks a bundle offline.
 * It loads no Nest, no store adapter and no driver (test/unit/proof-offline.spec.ts).
 */
export { RevisionNotFound } from './audit-errors.js';
export { type ChainProblem, chainStart, checkLink, type RedactionFinding, reportOf } from './hash-chain-verifier.js';
