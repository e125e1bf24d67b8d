import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/index.js';
import { emptyQuestionBook, evolveQuestions, type QuestionBook } from '../domain/question-events.js';
import { questionStream, toQuestionEvent } from './question-stream.js';

const PAGE_SIZE = 500;
/** Stories whose questions this node keeps folded; the least recently asked about go first. */
const MAX_BOOKS = 256;

/**
 * Each story's questions as this node last read them, brought up to date from the store on every
 * use (one short read when nothing changed), so every node answers what the store holds. Reads of
 * one story queue, so each event is folded once.
 */
@Injectable()
export class QuestionBooks {
  private readonly books = new Map<string, { book: QuestionBook; reading: Promise<QuestionBook> }>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  current(liveBlogId: string): Promise<QuestionBook> {
    const held = this.books.get(liveBlogId);
    const entry = held ?? { book: emptyQuestionBook, reading: Promise.resolve(emptyQuestionBook) };
    this.books.delete(liveBlogId);
    this.books.set(liveBlogId, entry);
    if (this.books.size > MAX_BOOKS) this.books.delete(this.books.keys().next().value!);
    entry.reading = entry.reading
      .catch(() => entry.book)
      .then(async () => {
        entry.book = await this.readOn(liveBlogId, entry.book);
        return entry.book;
      });
    return entry.reading;
  }

  private async readOn(liveBlogId: string, from: QuestionBook): Promise<QuestionBook> {
    let book = from;
    for (;;) {
      const page = await this.store.readStream(questionStream(liveBlogId), {
        fromRevision: book.revision + 1,
        maxCount: PAGE_SIZE,
      });
      for (const event of page) book = evolveQuestions(book, toQuestionEvent(event), event);
      if (page.length < PAGE_SIZE) return book;
    }
  }
}
