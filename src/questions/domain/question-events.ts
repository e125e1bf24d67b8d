import { DomainError, InvalidCommand, text } from '../../kernel/index.js';

/** A reader's name as they give it: printed beside the answer, so short and plain. */
export const MAX_ASKER_NAME_LENGTH = 60;
/** A question is a question, not an essay: what fits in a short quote above the answer. */
export const MAX_QUESTION_LENGTH = 500;

/** What is stored of readers' questions, in each story's private `questions-<id>` stream (DESIGN §4e). */
export type QuestionEvent =
  | {
      readonly type: 'QuestionAsked';
      readonly data: { readonly questionId: string; readonly name: string; readonly text: string };
    }
  | { readonly type: 'QuestionDismissed'; readonly data: { readonly questionId: string } }
  | { readonly type: 'QuestionAnswered'; readonly data: { readonly questionId: string; readonly updateId: string } }
  | { readonly type: 'QuestionPurged'; readonly data: { readonly questionId: string } };

export const QUESTION_EVENT_TYPES: ReadonlySet<string> = new Set([
  'QuestionAsked',
  'QuestionDismissed',
  'QuestionAnswered',
  'QuestionPurged',
]);

/** What a purge leaves of a question's name and text, in the stored event itself. */
export const PURGED_TEXT = '[purged]';

export type QuestionStatus = 'pending' | 'answered' | 'dismissed' | 'purged';

export interface Question {
  readonly questionId: string;
  /** Empty once purged: the text is gone from the store, not only from this list. */
  readonly name: string;
  readonly text: string;
  readonly askedAt: string;
  readonly status: QuestionStatus;
  /** The update that published it with its answer. */
  readonly updateId?: string;
  /** Where the reader's words are stored: what a purge rewrites. */
  readonly asked: { readonly eventId: string; readonly revision: number };
}

export interface QuestionBook {
  /** The last revision of the story's questions stream folded; -1 before any. */
  readonly revision: number;
  readonly questions: ReadonlyMap<string, Question>;
}

export const emptyQuestionBook: QuestionBook = { revision: -1, questions: new Map() };

export function evolveQuestions(
  book: QuestionBook,
  event: QuestionEvent,
  recorded: { readonly revision: number; readonly recordedAt: string; readonly eventId: string },
): QuestionBook {
  const questions = new Map(book.questions);
  const { questionId } = event.data;
  const question = questions.get(questionId);
  if (event.type === 'QuestionAsked') {
    const { name, text } = event.data;
    const asked = { eventId: recorded.eventId, revision: recorded.revision };
    questions.set(questionId, { questionId, name, text, askedAt: recorded.recordedAt, status: 'pending', asked });
  } else if (question) {
    questions.set(questionId, changed(question, event));
  }
  return { revision: recorded.revision, questions };
}

function changed(question: Question, event: QuestionEvent): Question {
  switch (event.type) {
    case 'QuestionAsked':
      return question;
    case 'QuestionDismissed':
      return { ...question, status: 'dismissed' };
    case 'QuestionAnswered':
      return { ...question, status: 'answered', updateId: event.data.updateId };
    case 'QuestionPurged':
      return { ...question, name: '', text: '', status: 'purged' };
  }
}

export class QuestionNotFound extends DomainError {
  readonly kind = 'not_found';
  override readonly name = 'QuestionNotFound';
}

export class QuestionConflict extends DomainError {
  readonly kind = 'conflict';
  override readonly name = 'QuestionConflict';
}

/** A reader's question as the desk will see it: the text rules of every other field, and short. */
export function checkedQuestion(input: { readonly name?: unknown; readonly text?: unknown }): {
  name: string;
  text: string;
} {
  const name = text(input.name, 'name', MAX_ASKER_NAME_LENGTH);
  if (/[\r\n\t]/.test(name)) throw new InvalidCommand('name must be one line', 'name');
  return { name, text: text(input.text, 'text', MAX_QUESTION_LENGTH) };
}

/** The question is still waiting for the desk: only then may it be answered or dismissed. */
export function pendingQuestion(question: Question | undefined, questionId: string): Question {
  if (!question || question.status === 'purged') {
    throw new QuestionNotFound(`there is no question "${questionId}"`, 'questionId');
  }
  if (question.status !== 'pending') {
    throw new QuestionConflict(`the question "${questionId}" was already ${question.status}`, 'questionId');
  }
  return question;
}
