/**
 * The lines with every control character (C0, DEL, C1), line separator and bidirectional control
 * shown as `\u{…}`: text from the file is printed before it is proven, and must not be able to
 * move the cursor, clear the screen, start a line of its own or reorder what is shown after it.
 */
export function printable(lines: readonly string[]): string[] {
  return lines.map((line) =>
    line.replace(UNPRINTABLE, (character) => `\\u{${character.codePointAt(0)!.toString(16).padStart(4, '0')}}`),
  );
}

const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu;
