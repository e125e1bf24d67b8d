/**
 * Lawful redaction (DESIGN §3): the fields of an update whose text may be removed from history
 * for ever, by court order or to protect someone. `body` removes every version of the body, the
 * one posted and each correction's.
 */
export const REDACTABLE_FIELDS = [
  'body',
  'byline',
  'attribution',
  'location',
  'sources',
  'media.caption',
  'media.credit',
] as const;
export type RedactableField = (typeof REDACTABLE_FIELDS)[number];

/** What stands where the text was, everywhere it was shown. */
export function redactedText(reference: string): string {
  return `[redacted: ${reference}]`;
}
