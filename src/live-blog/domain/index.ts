/** The live-blog domain's public API: pure types and functions, no Nest, no I/O. */
export * from './commands.js';
export * from './decide.js';
export * from './errors.js';
export * from './events.js';
export * from './evolve.js';
export * from './limits.js';
export * from './state.js';
export * from './redaction.js';
export * from './update-list.js';
export * from './newsroom-events.js';
export * from './update-draft.js';
