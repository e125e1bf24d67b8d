import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { CommandRequest } from '../application/command-handler.js';
import { LIVE_BLOG_ID_PATTERN } from '../application/stream-names.js';
import type { LiveBlogEventType, NewsroomEventType } from '../domain/index.js';
import { ChangeHeadlineDto, CloseLiveBlogDto, OpenLiveBlogDto, ReviseSummaryDto } from '../http/dto/blog.dto.js';
import { DatedDto } from '../http/dto/common.js';
import { CasualtyFiguresDto, LocationStatusDto, TimelineEntryDto } from '../http/dto/live-blog.dto.js';
import { CorrectUpdateDto, PostUpdateDto, RetractUpdateDto } from '../http/dto/update.dto.js';

/** Not the newsroom's workflow either: a story file holds what was published. */
type ImportableType = Exclude<LiveBlogEventType, 'UpdateRedacted' | NewsroomEventType>;

/** One line of an `events/*.jsonl` file: a dated event of a live blog, with a key that makes re-imports no-ops. */
interface LiveBlogLine {
  readonly key: string;
  readonly liveBlogId: string;
  readonly at: string;
  readonly type: ImportableType;
  readonly data: Record<string, unknown>;
}

interface ImportableLine {
  readonly lineNumber: number;
  readonly key: string;
  readonly liveBlogId: string;
  readonly request: CommandRequest;
}

export class LiveBlogFileError extends Error {
  override readonly name = 'LiveBlogFileError';
}

/**
 * Each event type, the command that produces it, and the DTO the HTTP route validates it with.
 * Not UpdateRedacted: a redaction removes text for ever, so only an admin orders it, never a file.
 */
const COMMANDS: Record<
  ImportableType,
  { command: CommandRequest['type']; dto: ClassConstructor<object>; fromUrl?: string[] }
> = {
  LiveBlogOpened: { command: 'OpenLiveBlog', dto: OpenLiveBlogDto },
  HeadlineChanged: { command: 'ChangeHeadline', dto: ChangeHeadlineDto },
  SummaryRevised: { command: 'ReviseSummary', dto: ReviseSummaryDto },
  UpdatePosted: { command: 'PostUpdate', dto: PostUpdateDto },
  UpdateCorrected: { command: 'CorrectUpdate', dto: CorrectUpdateDto, fromUrl: ['updateId'] },
  UpdateRetracted: { command: 'RetractUpdate', dto: RetractUpdateDto, fromUrl: ['updateId'] },
  UpdatePinned: { command: 'PinUpdate', dto: DatedDto, fromUrl: ['updateId'] },
  UpdateUnpinned: { command: 'UnpinUpdate', dto: DatedDto, fromUrl: ['updateId'] },
  KeyEventMarked: { command: 'MarkKeyEvent', dto: DatedDto, fromUrl: ['updateId'] },
  KeyEventUnmarked: { command: 'UnmarkKeyEvent', dto: DatedDto, fromUrl: ['updateId'] },
  CasualtyFiguresRevised: { command: 'ReviseCasualtyFigures', dto: CasualtyFiguresDto },
  TimelineEntryAdded: { command: 'AddTimelineEntry', dto: TimelineEntryDto },
  LocationStatusUpdated: { command: 'UpdateLocationStatus', dto: LocationStatusDto, fromUrl: ['place'] },
  LiveBlogClosed: { command: 'CloseLiveBlog', dto: CloseLiveBlogDto },
};

/** Parses and validates a whole file before anything is appended: a bad line names itself. */
export function parseLiveBlogFile(text: string): ImportableLine[] {
  const lines: ImportableLine[] = [];
  const keys = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '') return;
    const lineNumber = index + 1;
    const line = parseLine(raw, lineNumber);
    if (keys.has(`${line.liveBlogId}|${line.key}`))
      throw new LiveBlogFileError(`line ${lineNumber}: key "${line.key}" is used twice`);
    keys.add(`${line.liveBlogId}|${line.key}`);
    lines.push({ lineNumber, key: line.key, liveBlogId: line.liveBlogId, request: toRequest(line, lineNumber) });
  });
  return lines;
}

function parseLine(raw: string, lineNumber: number): LiveBlogLine {
  let line: Partial<LiveBlogLine>;
  try {
    line = JSON.parse(raw) as Partial<LiveBlogLine>;
  } catch (error) {
    throw new LiveBlogFileError(`line ${lineNumber}: not JSON (${(error as Error).message})`);
  }
  const fail = (field: string, expected: string) =>
    new LiveBlogFileError(`line ${lineNumber}: ${field} must be ${expected}`);
  if (typeof line.key !== 'string' || line.key.trim() === '') throw fail('key', 'a non-empty string');
  if (typeof line.liveBlogId !== 'string' || !LIVE_BLOG_ID_PATTERN.test(line.liveBlogId))
    throw fail('liveBlogId', 'a slug');
  if (typeof line.at !== 'string') throw fail('at', 'an ISO 8601 instant');
  if (typeof line.type !== 'string' || !(line.type in COMMANDS))
    throw fail('type', `one of ${Object.keys(COMMANDS).join(', ')}`);
  if (typeof line.data !== 'object' || line.data === null || Array.isArray(line.data)) throw fail('data', 'an object');
  return line as LiveBlogLine;
}

function toRequest(line: LiveBlogLine, lineNumber: number): CommandRequest {
  const { command, dto, fromUrl = [] } = COMMANDS[line.type];
  const body: Record<string, unknown> = { ...line.data, at: line.at };
  const urlFields: Record<string, unknown> = {};
  for (const field of fromUrl) {
    if (typeof body[field] !== 'string')
      throw new LiveBlogFileError(`line ${lineNumber}: data.${field} must be a string`);
    urlFields[field] = body[field];
    delete body[field];
  }
  const instance = plainToInstance(dto, body);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  if (errors.length > 0) throw new LiveBlogFileError(`line ${lineNumber}: ${describe(errors)}`);
  return { type: command, ...urlFields, ...instance } as unknown as CommandRequest;
}

function describe(errors: ValidationError[], prefix = ''): string {
  return errors
    .flatMap((error) => [
      ...Object.values(error.constraints ?? {}).map((problem) => `${prefix}${problem}`),
      describe(error.children ?? [], `${prefix}${error.property}.`),
    ])
    .filter(Boolean)
    .join('; ');
}
