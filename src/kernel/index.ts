/**
 * What every feature needs and nothing in src/ is needed for: who acts, why a request is refused,
 * where "now" comes from, how instants and texts are spelled, and who is asking.
 */
export { clientAddress } from './client-address.js';
export { CLOCK, type Clock, systemClock } from './clock.js';
export {
  DomainError,
  type ErrorKind,
  type FieldProblem,
  InvalidCommand,
  InvalidFields,
  RateLimited,
  StaleRevision,
} from './errors.js';
export { type Author, type AuthorRole, ROLES, type Role } from './identity.js';
export { normalizeInstant } from './instant.js';
export { printable } from './printable.js';
export { text } from './text.js';
