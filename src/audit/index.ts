/** The audit folder's front door: what other folders may use. */
export * from './pure.js';
export { runAuditCommand } from './audit-command.js';
export { historyPointOf, HistoryPointQueryDto, INSTANT_WITH_ZONE } from './audit-query.dto.js';
export { AuditModule } from './audit.module.js';
export { AuditService } from './audit.service.js';
export {
  AuditedUpdateResponse,
  AuditorViewResponse,
  AuthorResponse,
  CHAIN_PROBLEMS,
  DiffResponse,
  EventsPageResponse,
  FiguresHistoryResponse,
  IntegrityResponse,
  RecordedEventResponse,
  RedactionFindingResponse,
} from './audit.responses.js';
