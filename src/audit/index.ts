/** The audit folder's front door: what other folders may use. */
export * from './pure.js';
export { runAuditCommand } from './audit-command.js';
export { AsOfQueryDto, historyPointOf, INSTANT_WITH_ZONE } from './audit-query.dto.js';
export { AuditModule } from './audit.module.js';
export { AS_OF_UPDATES, type AsOfView, AuditService } from './audit.service.js';
export type { PagePlace } from './page-place.js';
export { AuthorResponse, CHAIN_PROBLEMS, RecordedEventResponse, RedactionFindingResponse } from './audit.responses.js';
