import { DomainError } from '../../kernel/index.js';

/** The webhook type of each live-blog event a public reader sees (DESIGN §4d); other events are not sent. */
export const WEBHOOK_TYPE_OF: Readonly<Record<string, string>> = {
  LiveBlogOpened: 'story.opened',
  HeadlineChanged: 'story.headline_changed',
  SummaryRevised: 'story.summary_revised',
  LiveBlogClosed: 'story.closed',
  UpdatePosted: 'update.posted',
  UpdateCorrected: 'update.corrected',
  UpdateRetracted: 'update.retracted',
  UpdateRedacted: 'update.redacted',
  UpdatePinned: 'update.pinned',
  UpdateUnpinned: 'update.unpinned',
  CasualtyFiguresRevised: 'figures.revised',
  TimelineEntryAdded: 'timeline.entry_added',
  LocationStatusUpdated: 'location.status_updated',
};

export const WEBHOOK_TYPES: readonly string[] = Object.values(WEBHOOK_TYPE_OF).sort();

const MAX_PATTERNS = 20;
const MAX_STORIES = 100;

export class InvalidWebhook extends DomainError {
  readonly kind = 'invalid';
  override readonly name = 'InvalidWebhook';
}

export class WebhookNotFound extends DomainError {
  readonly kind = 'not_found';
  override readonly name = 'WebhookNotFound';
}

/**
 * What an endpoint asks for: a type (`update.posted`), a family (`update.*`) or everything (`*`).
 * Each must name at least one type there is, so a typo is refused rather than never sent.
 */
export function checkedEventPatterns(patterns: readonly string[]): string[] {
  if (patterns.length === 0 || patterns.length > MAX_PATTERNS) {
    throw new InvalidWebhook(`events must name 1 to ${MAX_PATTERNS} types or families`, 'events');
  }
  for (const [index, pattern] of patterns.entries()) {
    if (!WEBHOOK_TYPES.some((type) => patternMatches(pattern, type))) {
      throw new InvalidWebhook(
        `"${pattern}" is not an event type or family (types: ${WEBHOOK_TYPES.join(', ')}; families such as update.*; or *)`,
        `events.${index}`,
      );
    }
  }
  return [...new Set(patterns)];
}

export function checkedLiveBlogIds(liveBlogIds: readonly string[] | undefined): string[] | null {
  if (liveBlogIds === undefined) return null;
  if (liveBlogIds.length === 0 || liveBlogIds.length > MAX_STORIES) {
    throw new InvalidWebhook(`liveBlogIds must name 1 to ${MAX_STORIES} stories, or be left out`, 'liveBlogIds');
  }
  return [...new Set(liveBlogIds)];
}

function patternMatches(pattern: string, type: string): boolean {
  if (pattern === '*' || pattern === type) return true;
  return pattern.endsWith('.*') && type.startsWith(pattern.slice(0, -1));
}

/** Whether the endpoint wants this story's event of this webhook type. */
export function wants(
  endpoint: { readonly events: readonly string[]; readonly liveBlogIds: readonly string[] | null },
  liveBlogId: string,
  type: string,
): boolean {
  if (endpoint.liveBlogIds !== null && !endpoint.liveBlogIds.includes(liveBlogId)) return false;
  return endpoint.events.some((pattern) => patternMatches(pattern, type));
}
