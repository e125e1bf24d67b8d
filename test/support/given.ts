import {
  decide,
  foldHistory,
  type LiveBlogCommand,
  type LiveBlogEvent,
  type LiveBlogHistoryEvent,
  type LiveBlogState,
} from '../../src/live-blog/domain/index.js';
import type { Author } from '../../src/kernel/index.js';
import type { DomainError } from '../../src/kernel/index.js';

/** The story's first event: 8 April 2010, 06:00 UTC; each later one a minute after. */
export const HISTORY_START = '2010-04-08T06:00:00Z';

export const EDITOR: Author = { id: 'editor-1', name: 'Rayhan Demytrie', role: 'editor' };

/** The instant `minutes` after HISTORY_START, in the normalised spelling ("2010-04-08T06:01:00Z"). */
export function minutesAfterStart(minutes: number): string {
  return new Date(Date.parse(HISTORY_START) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}

/**
 * The state as plain data, its updates as an array, deep-copied: what a later fold or decide must
 * leave it equal to (a structured clone of the state itself would drop the update list's content).
 */
export function plainCopy(state: LiveBlogState): unknown {
  return structuredClone(state.status === 'none' ? state : { ...state, updates: [...state.updates] });
}

/** Events as read back from a stream: revisions 0.., `at` a minute apart, one author. */
export function history(...events: LiveBlogEvent[]): LiveBlogHistoryEvent[] {
  return events.map((event, revision) => ({ ...event, revision, at: minutesAfterStart(revision), author: EDITOR }));
}

type ErrorClass = abstract new (...args: never[]) => DomainError;

export interface Scenario {
  /** The folded history, deep-frozen so that a decide which mutates it fails loudly. */
  readonly state: LiveBlogState;
  when(command: LiveBlogCommand): Outcome;
}

export interface Outcome {
  then(...expected: LiveBlogEvent[]): void;
  /** The refusal's class and field; without `field` the error must name none. Never its text. */
  thenRejects(errorClass: ErrorClass, field?: string): void;
  thenNothing(): void;
}

export function given(...events: LiveBlogEvent[]): Scenario {
  const state = deepFreeze(foldHistory(history(...events)));
  return { state, when: (command) => outcome(() => decide(command, state)) };
}

function outcome(run: () => LiveBlogEvent[]): Outcome {
  return {
    // toStrictEqual also tells a missing key from one set to undefined: event data is hashed as JSON.
    then: (...expected) => expect(run()).toStrictEqual(expected),
    thenNothing: () => expect(run()).toStrictEqual([]),
    thenRejects: (errorClass, field) => {
      const error = caught(run);
      expect(error).toBeInstanceOf(errorClass);
      expect((error as DomainError).field).toBe(field);
    },
  };
}

function caught(run: () => unknown): unknown {
  try {
    return { returned: run() };
  } catch (error) {
    return error;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const field of Object.values(value)) deepFreeze(field);
    Object.freeze(value);
  }
  return value;
}
