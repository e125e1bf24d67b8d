import type { LiveBlogCommand, NewsroomCommand } from './commands.js';
import {
  compact,
  coordinates,
  figure,
  identifier,
  instant,
  language,
  markupText,
  optionalText,
  timeZone,
} from './command-validation.js';
import { LiveBlogConflict, LiveBlogNotFound, UpdateNotFound } from './errors.js';
import type { LiveBlogEvent } from './events.js';
import * as limit from './limits.js';
import { cancelledOnClosing, decideNewsroom, freshUpdateId } from './newsroom-decide.js';
import { REDACTABLE_FIELDS, REFERENCE_PATTERN, type RedactableField } from './redaction.js';
import type { LiveBlogState, OpenedBlog, UpdateRecord } from './state.js';
import { updateDraft } from './update-draft.js';
import { InvalidCommand, text } from '../../kernel/index.js';

type CommandOf<T extends LiveBlogCommand['type']> = Extract<LiveBlogCommand, { readonly type: T }>;
type BlogCommand = Exclude<LiveBlogCommand, { readonly type: 'OpenLiveBlog' | 'RedactUpdate' }>;

/** What a command means for the blog as it stands: the events to append, none for a no-op, or a typed refusal. */
export function decide(command: LiveBlogCommand, state: LiveBlogState): LiveBlogEvent[] {
  const at = checkClock(command);
  if (command.type === 'OpenLiveBlog') return openLiveBlog(command, state);
  // A court order does not wait for a story to be live: a closed blog's updates can be redacted.
  if (command.type === 'RedactUpdate') return redactUpdate(command, opened(state, at));
  return decideOnBlog(command, writable(state, at));
}

const NEWSROOM_COMMANDS: ReadonlySet<string> = new Set<NewsroomCommand['type']>([
  'ScheduleUpdate',
  'ChangeScheduledUpdate',
  'CancelScheduledUpdate',
  'PublishScheduledUpdate',
  'SubmitUpdate',
  'ApproveSubmission',
  'RejectSubmission',
]);

function isNewsroomCommand(command: LiveBlogCommand): command is NewsroomCommand {
  return NEWSROOM_COMMANDS.has(command.type);
}

function decideOnBlog(command: BlogCommand, blog: OpenedBlog): LiveBlogEvent[] {
  if (isNewsroomCommand(command)) return decideNewsroom(command, blog);
  switch (command.type) {
    case 'ChangeHeadline':
      return changeHeadline(command, blog);
    case 'ReviseSummary':
      return reviseSummary(command, blog);
    case 'PostUpdate':
      return postUpdate(command, blog);
    case 'CorrectUpdate':
      return correctUpdate(command, blog);
    case 'RetractUpdate':
      return retractUpdate(command, blog);
    case 'PinUpdate':
      return pinUpdate(command, blog);
    case 'UnpinUpdate':
      return unpinUpdate(command, blog);
    case 'MarkKeyEvent':
      return markKeyEvent(command, blog);
    case 'UnmarkKeyEvent':
      return unmarkKeyEvent(command, blog);
    case 'ReviseCasualtyFigures':
      return reviseCasualtyFigures(command);
    case 'AddTimelineEntry':
      return addTimelineEntry(command, blog);
    case 'UpdateLocationStatus':
      return updateLocationStatus(command);
    case 'CloseLiveBlog':
      return [...cancelledOnClosing(blog), ...closeLiveBlog(command)];
    default:
      return assertNever(command);
  }
}

function openLiveBlog(command: CommandOf<'OpenLiveBlog'>, state: LiveBlogState): LiveBlogEvent[] {
  if (state.status !== 'none') throw new LiveBlogConflict('the live blog already exists');
  const data = compact({
    title: text(command.title, 'title', limit.MAX_TITLE_LENGTH),
    summary: optionalText(command.summary, 'summary', limit.MAX_SUMMARY_LENGTH),
    language: language(command.language),
    timeZone: timeZone(command.timeZone),
  });
  return [{ type: 'LiveBlogOpened', data }];
}

function changeHeadline(command: CommandOf<'ChangeHeadline'>, blog: OpenedBlog): LiveBlogEvent[] {
  const title = text(command.title, 'title', limit.MAX_TITLE_LENGTH);
  return title === blog.title ? [] : [{ type: 'HeadlineChanged', data: { title } }];
}

function reviseSummary(command: CommandOf<'ReviseSummary'>, blog: OpenedBlog): LiveBlogEvent[] {
  const summary = text(command.summary, 'summary', limit.MAX_SUMMARY_LENGTH);
  return summary === blog.summary ? [] : [{ type: 'SummaryRevised', data: { summary } }];
}

function postUpdate(command: CommandOf<'PostUpdate'>, blog: OpenedBlog): LiveBlogEvent[] {
  // Ids stay taken after a retraction: a reader's cached copy must never show another text under it.
  const updateId = freshUpdateId(blog, command.updateId);
  // An origin is the server's to give (a publication, an approval), never a writer's.
  const {
    type: _type,
    at: _at,
    now: _now,
    updateId: _id,
    origin: _origin,
    ...fields
  } = command as typeof command & {
    origin?: unknown;
  };
  return [{ type: 'UpdatePosted', data: { updateId, ...updateDraft(fields) } }];
}

function correctUpdate(command: CommandOf<'CorrectUpdate'>, blog: OpenedBlog): LiveBlogEvent[] {
  const update = unretractedUpdate(blog, command.updateId);
  const body = markupText(command.body, 'body', limit.MAX_BODY_LENGTH);
  const headline = optionalText(command.headline, 'headline', limit.MAX_UPDATE_HEADLINE_LENGTH);
  if (body === update.body && (headline === undefined || headline === update.headline))
    throw new InvalidCommand('the correction leaves the body and the headline unchanged', 'body');
  const reason = text(command.reason, 'reason', limit.MAX_REASON_LENGTH);
  return [{ type: 'UpdateCorrected', data: compact({ updateId: update.updateId, body, reason, headline }) }];
}

function retractUpdate(command: CommandOf<'RetractUpdate'>, blog: OpenedBlog): LiveBlogEvent[] {
  const { updateId } = unretractedUpdate(blog, command.updateId);
  const reason = text(command.reason, 'reason', limit.MAX_REASON_LENGTH);
  return [{ type: 'UpdateRetracted', data: { updateId, reason } }];
}

function redactUpdate(command: CommandOf<'RedactUpdate'>, blog: OpenedBlog): LiveBlogEvent[] {
  const update = findUpdate(blog, command.updateId);
  const fields = redactableFields(command.fields);
  for (const field of fields) {
    if (textOf(update, field) == null)
      throw new InvalidCommand(`update ${update.updateId} has no ${field} to redact`, 'fields');
    if (isRedacted(update, field))
      throw new LiveBlogConflict(`the ${field} of update ${update.updateId} is already redacted`, 'fields');
  }
  const reference = text(command.reference, 'reference', limit.MAX_REFERENCE_LENGTH);
  if (!REFERENCE_PATTERN.test(reference))
    throw new InvalidCommand("reference may hold letters, digits, spaces and . , : ; / # ( ) ' _ - only", 'reference');
  const reason = text(command.reason, 'reason', limit.MAX_REASON_LENGTH);
  return [{ type: 'UpdateRedacted', data: { updateId: update.updateId, fields, reference, reason } }];
}

/** Known fields, each once, in one order (the order of REDACTABLE_FIELDS). */
function redactableFields(fields: unknown): RedactableField[] {
  const named = Array.isArray(fields) ? fields : [];
  const known = REDACTABLE_FIELDS.filter((field) => named.includes(field));
  if (named.length === 0 || known.length !== named.length)
    throw new InvalidCommand(`fields must name each of ${REDACTABLE_FIELDS.join(', ')} at most once`, 'fields');
  return known;
}

function textOf(update: UpdateRecord, field: RedactableField): string | null | undefined {
  if (field === 'media.caption') return update.media?.caption;
  if (field === 'media.credit') return update.media?.credit;
  return update[field];
}

/** Already removed, and no correction has put new text there since (only the body can be corrected). */
function isRedacted(update: UpdateRecord, field: RedactableField): boolean {
  const last = update.redactions.findLast((redaction) => redaction.fields.includes(field));
  if (!last) return false;
  return field !== 'body' || !update.corrections.some((correction) => correction.revision > last.revision);
}

function pinUpdate(command: CommandOf<'PinUpdate'>, blog: OpenedBlog): LiveBlogEvent[] {
  const { updateId } = unretractedUpdate(blog, command.updateId);
  return blog.pinned.includes(updateId) ? [] : [{ type: 'UpdatePinned', data: { updateId } }];
}

function unpinUpdate(command: CommandOf<'UnpinUpdate'>, blog: OpenedBlog): LiveBlogEvent[] {
  const { updateId } = findUpdate(blog, command.updateId);
  return blog.pinned.includes(updateId) ? [{ type: 'UpdateUnpinned', data: { updateId } }] : [];
}

/** Like a pin: marking a key event twice changes nothing, and only a standing update can be one. */
function markKeyEvent(command: CommandOf<'MarkKeyEvent'>, blog: OpenedBlog): LiveBlogEvent[] {
  const { updateId } = unretractedUpdate(blog, command.updateId);
  return isKeyEvent(blog, updateId) ? [] : [{ type: 'KeyEventMarked', data: { updateId } }];
}

function unmarkKeyEvent(command: CommandOf<'UnmarkKeyEvent'>, blog: OpenedBlog): LiveBlogEvent[] {
  const { updateId } = findUpdate(blog, command.updateId);
  return isKeyEvent(blog, updateId) ? [{ type: 'KeyEventUnmarked', data: { updateId } }] : [];
}

function isKeyEvent(blog: OpenedBlog, updateId: string): boolean {
  return blog.keyEvents.some((mark) => mark.updateId === updateId);
}

function reviseCasualtyFigures(command: CommandOf<'ReviseCasualtyFigures'>): LiveBlogEvent[] {
  if (command.dead == null && command.injured == null)
    throw new InvalidCommand('give the dead, the injured or both', 'dead');
  const data = compact({
    dead: command.dead == null ? undefined : figure(command.dead, 'dead'),
    injured: command.injured == null ? undefined : figure(command.injured, 'injured'),
    source: text(command.source, 'source', limit.MAX_FIGURES_SOURCE_LENGTH),
    scope: optionalText(command.scope, 'scope', limit.MAX_FIGURES_SCOPE_LENGTH),
    note: optionalText(command.note, 'note', limit.MAX_FIGURES_NOTE_LENGTH),
  });
  return [{ type: 'CasualtyFiguresRevised', data }];
}

function addTimelineEntry(command: CommandOf<'AddTimelineEntry'>, blog: OpenedBlog): LiveBlogEvent[] {
  const entryId = identifier(command.entryId, 'entryId', limit.MAX_ENTRY_ID_LENGTH);
  if (blog.timeline.some((entry) => entry.entryId === entryId))
    throw new LiveBlogConflict(`timeline entry ${entryId} already exists`, 'entryId');
  const period = text(command.period, 'period', limit.MAX_PERIOD_LENGTH);
  const entryText = text(command.text, 'text', limit.MAX_TIMELINE_TEXT_LENGTH);
  return [{ type: 'TimelineEntryAdded', data: { entryId, period, text: entryText } }];
}

function updateLocationStatus(command: CommandOf<'UpdateLocationStatus'>): LiveBlogEvent[] {
  const data = compact({
    place: text(command.place, 'place', limit.MAX_PLACE_LENGTH),
    status: text(command.status, 'status', limit.MAX_LOCATION_STATUS_LENGTH),
    coordinates: command.coordinates == null ? undefined : coordinates(command.coordinates),
  });
  return [{ type: 'LocationStatusUpdated', data }];
}

function closeLiveBlog(command: CommandOf<'CloseLiveBlog'>): LiveBlogEvent[] {
  return [
    {
      type: 'LiveBlogClosed',
      data: compact({ reason: optionalText(command.reason, 'reason', limit.MAX_REASON_LENGTH) }),
    },
  ];
}

/** The blog exists, and the command does not date itself before its last event. */
function opened(state: LiveBlogState, at: number): OpenedBlog {
  if (state.status === 'none') throw new LiveBlogNotFound();
  if (at < Date.parse(state.lastUpdatedAt))
    throw new InvalidCommand(`at is earlier than the blog's last change (${state.lastUpdatedAt})`, 'at');
  return state;
}

/** The blog a command may change: it exists, is still live, and the command does not date itself before its last event. */
function writable(state: LiveBlogState, at: number): OpenedBlog {
  const blog = opened(state, at);
  if (blog.status === 'closed') throw new LiveBlogConflict('the live blog is closed');
  return blog;
}

/** Both instants must parse, and the story's date may not run ahead of the server's clock by more than the skew. */
function checkClock(command: LiveBlogCommand): number {
  const at = instant(command.at, 'at');
  const now = instant(command.now, 'now');
  if (at - now > limit.MAX_CLOCK_SKEW_MS) throw new InvalidCommand('at lies in the future', 'at');
  return at;
}

function findUpdate(blog: OpenedBlog, updateId: string): UpdateRecord {
  const update = blog.updates.byId(updateId);
  if (!update) throw new UpdateNotFound(`update ${String(updateId)} does not exist`, 'updateId');
  return update;
}

function unretractedUpdate(blog: OpenedBlog, updateId: string): UpdateRecord {
  const update = findUpdate(blog, updateId);
  if (update.retraction) throw new LiveBlogConflict(`update ${updateId} was retracted`, 'updateId');
  return update;
}

function assertNever(command: never): never {
  throw new InvalidCommand(`unknown command ${(command as { type?: unknown }).type}`, 'type');
}
