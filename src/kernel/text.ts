import { InvalidCommand } from './errors.js';

/**
 * The rules every text a reader or a record shows keeps: no control characters, no bidirectional
 * overrides, no noncharacters or lone surrogates, never empty or invisible, never too long.
 */

/** Characters no text a reader sees can ever need (tab, line feed and carriage return are allowed). */
const UNPRINTABLE: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u, 'a control character'],
  // Explicit embeddings, overrides and isolates reorder text as it is shown ("Trojan Source"); the marks
  // U+200E and U+200F, which only hint at a direction, stay allowed.
  [/[\u202a-\u202e\u2066-\u2069]/u, 'a bidirectional override'],
  [/[\ufdd0-\ufdef\ufffe\uffff]/u, 'a Unicode noncharacter'],
  [/\p{Cs}/u, 'a lone UTF-16 surrogate'],
];

/** Spaces and format characters (zero-width space and joiners, soft hyphen, byte order mark) show nothing. */
const INVISIBLE = /[\s\p{Cf}]/gu;

/** A plain-text field: trimmed, never empty or invisible, never holding what cannot be shown. */
export function text(value: unknown, field: string, maxLength: number, visibleText = (text: string) => text): string {
  const raw = typeof value === 'string' ? value : '';
  for (const [pattern, name] of UNPRINTABLE) {
    const found = pattern.exec(raw);
    if (found) throw new InvalidCommand(`${field} must not hold ${name} (${codePoint(found[0])})`, field);
  }
  const trimmed = raw.trim();
  if (!visibleText(trimmed).replace(INVISIBLE, '')) throw new InvalidCommand(`${field} must not be empty`, field);
  // UTF-16 length bounds the code-point count from above, so only long texts need counting.
  if (trimmed.length > maxLength && [...trimmed].length > maxLength) {
    throw new InvalidCommand(`${field} must be at most ${maxLength} characters`, field);
  }
  return trimmed;
}

function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
