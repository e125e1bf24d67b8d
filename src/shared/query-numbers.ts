import { Transform } from 'class-transformer';

/**
 * Query values arrive as text. Only digits become a number; anything else ("", "1.5", "-1", "abc")
 * stays text, so the integer check names the field instead of reading it as 0 or NaN.
 */
export const WholeNumber = () => numberWhen(/^\d{1,15}$/);

/** As WholeNumber, with a leading minus allowed (a revision of -1 means "before the first event"). */
export const Integer = () => numberWhen(/^-?\d{1,15}$/);

function numberWhen(pattern: RegExp) {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && pattern.test(value) ? Number(value) : value,
  );
}
