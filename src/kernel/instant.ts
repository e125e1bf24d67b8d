/**
 * One spelling per instant: UTC, seconds always, milliseconds only when there are any
 * ("2010-04-08T17:37:00Z", "2026-11-27T03:10:05.123Z"). Compare instants with Date.parse, not as text.
 */
export function normalizeInstant(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toISOString().replace('.000Z', 'Z');
}
