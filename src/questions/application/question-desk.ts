import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLUSTER_STATE, type ClusterState, type RateLimit } from '../../cluster/index.js';
import { APP_CONFIG, type AppConfig, QUESTIONS_WINDOW_SECONDS } from '../../config/index.js';
import { EVENT_STORE, type EventStore, WrongExpectedRevision } from '../../event-store/index.js';
import { type Author, RateLimited } from '../../kernel/index.js';
import {
  CommandHandler,
  type CommandContext,
  type CommandResult,
  LiveBlogConflict,
  LiveBlogNotFound,
  type LiveBlogState,
  ProjectionRunner,
} from '../../live-blog/index.js';
import { answerUpdate, answerUpdateId } from '../domain/answer-update.js';
import {
  checkedQuestion,
  PURGED_TEXT,
  pendingQuestion,
  type Question,
  QuestionConflict,
  QuestionNotFound,
  type QuestionEvent,
  type QuestionStatus,
} from '../domain/question-events.js';
import { QuestionBooks } from './question-books.js';
import { questionEnvelope, questionStream } from './question-stream.js';

/** A question as editors list it: never where it was stored, never who sent it beyond the name given. */
interface QuestionSummary {
  readonly questionId: string;
  readonly name: string;
  readonly text: string;
  readonly askedAt: string;
  readonly status: Exclude<QuestionStatus, 'purged'>;
  readonly updateId?: string;
}

interface AnswerInput {
  /** The desk's answer, already in the safe markup subset. */
  readonly body: string;
  readonly headline?: string;
  readonly byline?: string;
}

/**
 * Readers' questions (DESIGN §4e): anyone asks, editors answer or dismiss, admins purge. Nothing a
 * reader sends reaches a public route until an editor publishes it as an update with the answer.
 */
@Injectable()
export class QuestionDesk {
  private readonly budget: Pick<RateLimit, 'take'>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLUSTER_STATE) cluster: ClusterState,
    private readonly books: QuestionBooks,
    private readonly commands: CommandHandler,
    private readonly projections: ProjectionRunner,
  ) {
    const points = config.questions.perAddress;
    this.budget =
      points > 0
        ? cluster.rateLimit('questions-address', { points, durationSeconds: QUESTIONS_WINDOW_SECONDS })
        : { take: async () => 0 };
  }

  /** Checks the words, the story (live) and the address's budget, then keeps the question for the desk. */
  async ask(liveBlogId: string, input: { name?: unknown; text?: unknown }, address: string) {
    const { name, text } = checkedQuestion(input);
    writableLiveBlog(await this.projections.latest(liveBlogId), liveBlogId);
    const wait = await this.budget.take(address);
    if (wait > 0) {
      throw new RateLimited(`too many questions from your address; retry in ${wait} s (QUESTION_RATE_LIMIT)`, wait);
    }
    const questionId = randomUUID();
    await this.write(liveBlogId, { type: 'QuestionAsked', data: { questionId, name, text } });
    return { liveBlogId, questionId, status: 'pending' as const };
  }

  /** Every question of the story but purged ones, newest first, with the stream's revision (the ETag). */
  async list(liveBlogId: string): Promise<{ revision: number; questions: QuestionSummary[] }> {
    knownLiveBlog(await this.projections.latest(liveBlogId), liveBlogId);
    const book = await this.books.current(liveBlogId);
    const questions = [...book.questions.values()]
      .filter((question) => question.status !== 'purged')
      .sort((a, b) => b.asked.revision - a.asked.revision)
      .map(toSummary);
    return { revision: book.revision, questions };
  }

  async dismiss(liveBlogId: string, questionId: string, editor: Author): Promise<QuestionSummary> {
    const book = await this.books.current(liveBlogId);
    pendingQuestion(book.questions.get(questionId), questionId);
    await this.write(liveBlogId, { type: 'QuestionDismissed', data: { questionId } }, editor, book.revision);
    return this.summary(liveBlogId, questionId);
  }

  /**
   * Publishes one update holding the question and the answer, under an id made from the question's:
   * two editors answering at once publish it once (the second is refused 409), and an answer whose
   * record was interrupted after the update went out is recorded by the next try.
   */
  async answer(
    liveBlogId: string,
    questionId: string,
    input: AnswerInput,
    context: CommandContext,
  ): Promise<CommandResult & { updateId: string; questionId: string }> {
    const book = await this.books.current(liveBlogId);
    const question = pendingQuestion(book.questions.get(questionId), questionId);
    const updateId = answerUpdateId(questionId);
    const story = writableLiveBlog(await this.projections.latest(liveBlogId), liveBlogId);
    let result: CommandResult;
    // Published by an earlier try whose record was cut short: recorded now, unless someone did meanwhile.
    let recordAfter: number | undefined = book.revision;
    if (story.updates.indexOf(updateId) === -1) {
      recordAfter = undefined;
      const { body, attribution } = answerUpdate(question, input.body);
      const { headline, byline } = input;
      result = await this.commands.execute(
        liveBlogId,
        { type: 'PostUpdate', updateId, kind: 'report', body, attribution, headline, byline },
        context,
      );
    } else {
      result = { liveBlogId, revision: story.revision, position: 0, appended: false };
    }
    const answered: QuestionEvent = { type: 'QuestionAnswered', data: { questionId, updateId } };
    await this.write(liveBlogId, answered, context.author, recordAfter);
    return { ...result, updateId, questionId };
  }

  /**
   * Removes the reader's name and text from the store itself: the stored question is rewritten in
   * the same transaction that records the purge, and the store's files are cleared of the old
   * text as for a lawful redaction (DESIGN §3a; KurrentDB cannot, 501). An answered question's
   * published update is the story's: its text goes by a redaction of that update.
   */
  async purge(liveBlogId: string, questionId: string, admin: Author) {
    const book = await this.books.current(liveBlogId);
    const question = book.questions.get(questionId);
    if (!question || question.status === 'purged') {
      throw new QuestionNotFound(`there is no question "${questionId}"`, 'questionId');
    }
    const stream = questionStream(liveBlogId);
    const [stored] = await this.store.readStream(stream, { fromRevision: question.asked.revision, maxCount: 1 });
    const purged = questionEnvelope({ type: 'QuestionPurged', data: { questionId } }, admin);
    await this.store.redact(stream, [purged], {
      expectedRevision: book.revision,
      rewrites: [
        {
          eventId: question.asked.eventId,
          revision: question.asked.revision,
          data: { questionId, name: PURGED_TEXT, text: PURGED_TEXT },
          metadata: { ...stored?.metadata, purged: true },
        },
      ],
    });
    await this.books.current(liveBlogId);
    return {
      liveBlogId,
      questionId,
      status: 'purged' as const,
      ...(question.updateId ? { publishedIn: question.updateId } : {}),
    };
  }

  private async summary(liveBlogId: string, questionId: string): Promise<QuestionSummary> {
    const question = (await this.books.current(liveBlogId)).questions.get(questionId);
    if (!question || question.status === 'purged') throw new QuestionNotFound(`there is no question "${questionId}"`);
    return toSummary(question);
  }

  /** At the revision read when one is given: an answer and a dismissal of one question cannot both land. */
  private async write(liveBlogId: string, event: QuestionEvent, actor?: Author, afterRevision?: number) {
    const expectedRevision = afterRevision === undefined ? 'any' : afterRevision < 0 ? 'no_stream' : afterRevision;
    try {
      await this.store.append(questionStream(liveBlogId), [questionEnvelope(event, actor)], { expectedRevision });
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      throw new QuestionConflict('the questions changed meanwhile (another editor?): read them again', 'questionId');
    }
    await this.books.current(liveBlogId);
  }
}

function knownLiveBlog(state: LiveBlogState, liveBlogId: string) {
  if (state.status === 'none') throw new LiveBlogNotFound(`there is no live blog "${liveBlogId}"`);
  return state;
}

function writableLiveBlog(state: LiveBlogState, liveBlogId: string) {
  const story = knownLiveBlog(state, liveBlogId);
  if (story.status === 'closed') throw new LiveBlogConflict(`the live blog "${liveBlogId}" is closed`);
  return story;
}

function toSummary(question: Question): QuestionSummary {
  const { questionId, name, text, askedAt, status, updateId } = question;
  return {
    questionId,
    name,
    text,
    askedAt,
    status: status as QuestionSummary['status'],
    ...(updateId ? { updateId } : {}),
  };
}
