/** What is stored of readers' push subscriptions, in the private `push-subscriptions` stream (DESIGN §4f). */
export type PushEvent =
  | {
      readonly type: 'PushSubscribed';
      readonly data: {
        readonly subscriptionId: string;
        readonly liveBlogId: string;
        readonly endpoint: string;
        readonly keys: { readonly p256dh: string; readonly auth: string };
      };
    }
  | {
      readonly type: 'PushUnsubscribed';
      readonly data: { readonly subscriptionId: string; readonly reason: 'reader' | 'gone' };
    }
  /** The story was closed: every subscription to it ends. */
  | { readonly type: 'PushStoryEnded'; readonly data: { readonly liveBlogId: string } };

export const PUSH_EVENT_TYPES: ReadonlySet<string> = new Set(['PushSubscribed', 'PushUnsubscribed', 'PushStoryEnded']);

export interface PushSubscriptionRecord {
  readonly subscriptionId: string;
  readonly liveBlogId: string;
  readonly endpoint: string;
  readonly keys: { readonly p256dh: string; readonly auth: string };
  /** The subscription's own place in the feed: it hears of what happens after it. */
  readonly startAfter: string;
}

export interface PushBook {
  /** The last revision of the stream folded; -1 before any. */
  readonly revision: number;
  readonly subscriptions: ReadonlyMap<string, PushSubscriptionRecord>;
  /** The feed checkpoint of the stream's first event: nothing before it can concern a subscriber. */
  readonly firstCheckpoint?: string;
}

export const emptyPushBook: PushBook = { revision: -1, subscriptions: new Map() };

export function evolvePush(
  book: PushBook,
  event: PushEvent,
  recorded: { readonly revision: number; readonly checkpoint: string },
): PushBook {
  const subscriptions = new Map(book.subscriptions);
  switch (event.type) {
    case 'PushSubscribed': {
      const { subscriptionId, liveBlogId, endpoint, keys } = event.data;
      subscriptions.set(subscriptionId, {
        subscriptionId,
        liveBlogId,
        endpoint,
        keys,
        startAfter: recorded.checkpoint,
      });
      break;
    }
    case 'PushUnsubscribed':
      subscriptions.delete(event.data.subscriptionId);
      break;
    case 'PushStoryEnded':
      for (const [id, subscription] of subscriptions)
        if (subscription.liveBlogId === event.data.liveBlogId) subscriptions.delete(id);
      break;
  }
  return { revision: recorded.revision, subscriptions, firstCheckpoint: book.firstCheckpoint ?? recorded.checkpoint };
}

/** The story's subscriptions made before the event at `checkpoint`. */
export function subscribersOf(book: PushBook, liveBlogId: string, checkpoint: string): PushSubscriptionRecord[] {
  return [...book.subscriptions.values()].filter(
    (subscription) => subscription.liveBlogId === liveBlogId && subscription.startAfter < checkpoint,
  );
}
