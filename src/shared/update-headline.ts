// What an update is called where a line stands for it (the key events list, search engines): its own
// headline, or else the first sentence of its text. Shared by the server and the browser (browser/),
// so a pushed key event reads the same as the server-rendered list.

/** As long as an update's own headline may be. */
const HEADLINE_LENGTH = 120;

/** The first sentence of plain text (up to its . ! or ?), cut at a word to fit HEADLINE_LENGTH. */
export function firstSentence(text: string | null | undefined): string {
  const flat = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  const end = /[.!?…]["'”’)\]]*(?=\s|$)/u.exec(flat);
  const sentence = end ? flat.slice(0, end.index + end[0].length) : flat;
  const characters = [...sentence];
  if (characters.length <= HEADLINE_LENGTH) return sentence;
  const cut = characters.slice(0, HEADLINE_LENGTH - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > HEADLINE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/u, '')}…`;
}

/** The update's own headline when it has one, else the first sentence of its plain text. */
export function updateHeadline(headline: string | null | undefined, plainText: string): string {
  return headline || firstSentence(plainText);
}
