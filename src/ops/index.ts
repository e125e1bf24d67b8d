/** The ops folder's front door: what other folders may use. */
export { accessLogContext, accessLogLine, accessLogOptions, requestIdFor, writeAccessLine } from './access-log.js';
export { operationsHeaders, stampRequest } from './http-hooks.js';
export { connectionsCheckingInterval, limitConnections } from './connection-limits.js';
export { OperationsIoAdapter } from './operations-io.adapter.js';
export { OpsModule } from './ops.module.js';
