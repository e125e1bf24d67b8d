/** The limits folder's front door: what other folders may use. */
export { addressLimit } from './address-limit.js';
export { EngineSessions } from './engine-sessions.js';
export { LimitsModule } from './limits.module.js';
export { RequestLimits } from './request-limits.js';
export { socketConnectLimit } from './socket-connect-limit.js';
export { ConnectRefusedPayload } from './connect-refused.payload.js';
