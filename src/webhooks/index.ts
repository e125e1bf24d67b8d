/** The webhooks folder's front door: what other folders may use. */
export { WebhooksModule } from './webhooks.module.js';
export { DestinationGuard } from './delivery/destination-guard.js';
