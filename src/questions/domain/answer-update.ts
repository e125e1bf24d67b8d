import { escapeUTF8 } from 'entities';
import type { Question } from './question-events.js';

/** The update that publishes a question with its answer: its id is the question's, so it is published once. */
export function answerUpdateId(questionId: string): string {
  return `question-${questionId}`;
}

/**
 * The body and attribution of the one update holding the reader's question (quoted, credited to the
 * name they gave) above the desk's answer (already in the safe markup subset). The reader's words
 * are escaped: they are text, never markup.
 */
export function answerUpdate(question: Question, answerBody: string): { body: string; attribution: string } {
  const asked = escapeUTF8(question.text).replace(/\r?\n/g, '<br>');
  const name = escapeUTF8(question.name);
  return {
    body: `<blockquote><p><strong>${name} asks:</strong> ${asked}</p></blockquote>${answerBody}`,
    attribution: `Question from ${question.name}, a reader`,
  };
}
