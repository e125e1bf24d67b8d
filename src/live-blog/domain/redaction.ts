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

/**
 * A legal reference ("Court order 2010/117") is printed inside an update's body, which is markup:
 * letters, digits, spaces and a little punctuation, never `<`, `>`, `&` or quotes.
 */
export const REFERENCE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} .,:;/#()'_-]{0,119}$/u;

/** What stands where the text was, everywhere it was shown. */
export function redactedText(reference: string): string {
  return `[redacted: ${reference}]`;
}
