/** The ops folder's front door: what other folders may use. */
export { accessLogOptions, registerAccessLog, requestIdFor } from './access-log.js';
export { connectionsCheckingInterval, limitConnections } from './connection-limits.js';
export { registerOperationsHooks } from './http-hooks.js';
export { OperationsIoAdapter } from './operations-io.adapter.js';
export { OpsModule } from './ops.module.js';
