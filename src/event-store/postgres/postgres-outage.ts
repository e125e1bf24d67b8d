/**
 * Failures of the connection to PostgreSQL rather than of a statement: the client could not connect
 * or lost the connection, the pool's connect or query timeout ran out, or the server is shutting
 * down or full. node-postgres gives its own timeouts no code, so those are known by their messages.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
/** SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
const CLIENT_MESSAGES = [
  /^timeout exceeded when trying to connect/,
  /^Connection terminated/,
  /^Query read timeout/,
  /is not queryable/,
];

export function isPostgresOutage(error: unknown): boolean {
  // Read by shape, not `instanceof`: socket errors may come from another realm than this module's Error.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith('08')))
    return true;
  // A host name with several addresses fails with an AggregateError of one failure each.
  if (Array.isArray(errors)) return errors.some(isPostgresOutage);
  return typeof message === 'string' && CLIENT_MESSAGES.some((pattern) => pattern.test(message));
}
