/**
 * The proof folder's second door: the offline bundle verifier the command line runs.
 * It loads no Nest, no store adapter and no driver (test/unit/proof-offline.spec.ts).
 */
export { runBundleCommand } from './bundle-command.js';
