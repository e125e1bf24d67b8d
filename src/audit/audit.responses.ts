import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RecordedEvent } from '../event-store/index.js';
import type { Author, AuthorRole } from '../kernel/index.js';
import {
  ArticleViewResponse,
  FigureResponse,
  LIVE_BLOG_EVENT_TYPES,
  PublicUpdateResponse,
  REDACTABLE_FIELDS,
  type RedactableField,
} from '../live-blog/index.js';
import type { SameShape } from '../shared/index.js';
import type { EventsPage } from './audit.service.js';
import type { AuditedCorrection, AuditedUpdate, AuditorView } from './auditor-view.js';
import type { BlogDiff, RevisionPoint } from './diff.js';
import type { FiguresRevision } from './figures-history.js';
import type { IntegrityReport, RedactionFinding } from './hash-chain-verifier.js';

/* The auditor's answers as /docs-json describes them (DESIGN §4), each the same shape as the server's type. */

const INSTANT = { format: 'date-time', example: '2010-04-08T17:37:00Z' } as const;
const AUTHOR_ROLES: readonly AuthorRole[] = ['editor', 'auditor', 'admin', 'system'];

export class AuthorResponse implements Author {
  @ApiProperty({ example: 'rayhan-demytrie' })
  id!: string;

  @ApiProperty({ example: 'Rayhan Demytrie' })
  name!: string;

  @ApiProperty({ enum: AUTHOR_ROLES, description: '`system` for the importer and scheduled work' })
  role!: AuthorRole;
}

/** A stored event with all its metadata: the hash chain (DESIGN §3). */
export class RecordedEventResponse implements RecordedEvent {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ type: String, enum: LIVE_BLOG_EVENT_TYPES })
  type!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "the event's data (DESIGN §3)" })
  data!: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      '`at`, `author`, `correlationId`, `causationId?`, `schemaVersion`, `salts?`, `redacted?`, ' +
      '`contentHash`, `prevHash`, `hash` (DESIGN §3)',
  })
  metadata!: Record<string, unknown>;

  @ApiProperty({ example: 'liveblog-kyrgyzstan-2010-04-08' })
  stream!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  revision!: number;

  @ApiProperty({ type: 'integer' })
  position!: number;

  @ApiProperty({ type: String, description: "the event's place in the store's feed (opaque)" })
  checkpoint!: RecordedEvent['checkpoint'];

  @ApiProperty({ ...INSTANT, description: 'when the store committed it' })
  recordedAt!: string;
}

export class EventsPageResponse implements EventsPage {
  @ApiProperty({ type: [RecordedEventResponse], description: 'oldest first' })
  events!: RecordedEventResponse[];

  @ApiProperty({ type: 'integer', nullable: true, description: 'pass as `fromRevision`; null at the head' })
  nextFromRevision!: number | null;
}

class AuditedCorrectionResponse implements AuditedCorrection {
  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty(INSTANT)
  at!: string;

  @ApiProperty({ type: AuthorResponse })
  author!: AuthorResponse;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ description: 'the body it replaced' })
  previousBody!: string;

  @ApiProperty({ description: 'the body it put in place' })
  body!: string;
}

class AuditedRetractionResponse {
  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty(INSTANT)
  at!: string;

  @ApiProperty({ type: AuthorResponse })
  author!: AuthorResponse;

  @ApiProperty()
  reason!: string;
}

class AuditedRedactionResponse {
  @ApiProperty({ type: 'integer', description: 'the redaction event' })
  revision!: number;

  @ApiProperty(INSTANT)
  at!: string;

  @ApiProperty({ type: AuthorResponse })
  author!: AuthorResponse;

  @ApiProperty({ enum: REDACTABLE_FIELDS, isArray: true })
  fields!: readonly RedactableField[];

  @ApiProperty({ example: 'Court order 2010/117' })
  reference!: string;

  @ApiProperty()
  reason!: string;
}

/** Where an update came from when its author did not write it there and then (DESIGN §3b). */
class UpdateOriginResponse {
  @ApiProperty({ enum: ['scheduled', 'submission'] })
  kind!: 'scheduled' | 'submission';

  @ApiProperty({ type: AuthorResponse, required: false, description: 'kind scheduled: the editor who scheduled it' })
  scheduledBy?: AuthorResponse;

  @ApiProperty({ required: false, description: 'kind scheduled: when it was due' })
  publishAt?: string;

  @ApiProperty({ required: false, description: 'kind submission: the submission it was approved from' })
  submissionId?: string;

  @ApiProperty({ type: AuthorResponse, required: false, description: 'kind submission: who filed it' })
  contributor?: AuthorResponse;
}

/** An update as the record keeps it: who posted it, every correction, its retraction and redactions. */
class AuditedUpdateResponse extends PublicUpdateResponse implements AuditedUpdate {
  @ApiProperty({ type: AuthorResponse })
  author!: AuthorResponse;

  @ApiProperty({ type: [AuditedCorrectionResponse] })
  corrections!: readonly AuditedCorrectionResponse[];

  @ApiProperty({ type: AuditedRetractionResponse, nullable: true })
  retracted!: AuditedRetractionResponse | null;

  @ApiProperty({ type: [AuditedRedactionResponse] })
  redactions!: readonly AuditedRedactionResponse[];

  @ApiProperty({
    type: UpdateOriginResponse,
    nullable: true,
    description: 'who scheduled it, or which contributor filed it (DESIGN §3b)',
  })
  origin!: AuditedUpdate['origin'];
}

/** The article as it stood, with the record in `updates`: retracted ones included and marked. */
export class AuditorViewResponse extends ArticleViewResponse implements AuditorView {
  @ApiProperty({ type: [AuditedUpdateResponse], description: 'every update posted by then, newest first, a page' })
  override updates!: AuditedUpdateResponse[];
}

class RevisionPointResponse implements RevisionPoint {
  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty(INSTANT)
  at!: string;
}

const CHANGE_KINDS = [
  'opened',
  'headline',
  'summary',
  'update-added',
  'update-corrected',
  'update-retracted',
  'update-redacted',
  'pinned',
  'unpinned',
  'key-event-marked',
  'key-event-unmarked',
  'figures',
  'timeline-entry',
  'location',
  'closed',
  'unrecognised',
] as const;

/** What one event changed: `kind` says which, and which other members it carries. */
class LiveBlogChangeResponse {
  @ApiProperty({ enum: CHANGE_KINDS })
  kind!: (typeof CHANGE_KINDS)[number];

  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty(INSTANT)
  at!: string;

  @ApiProperty({ type: AuthorResponse })
  author!: AuthorResponse;

  @ApiPropertyOptional({ description: 'the update it concerns' })
  updateId?: string;

  @ApiPropertyOptional({
    anyOf: [
      { type: 'string', nullable: true },
      { type: 'object', additionalProperties: true },
    ],
    description: 'the value it replaced (text, figures or a place status), or null',
  })
  before?: unknown;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
    description: 'the value it put in place',
  })
  after?: unknown;

  @ApiPropertyOptional({ type: String, nullable: true })
  reason?: string | null;
}

export class DiffResponse implements Omit<BlogDiff, 'changes'> {
  @ApiProperty({ type: RevisionPointResponse })
  from!: RevisionPointResponse;

  @ApiProperty({ type: RevisionPointResponse })
  to!: RevisionPointResponse;

  @ApiProperty({ type: [LiveBlogChangeResponse], description: 'one per event after `from` up to `to`, in order' })
  changes!: LiveBlogChangeResponse[];
}

class FiguresRevisionResponse implements FiguresRevision {
  @ApiProperty({ type: 'integer' })
  revision!: number;

  @ApiProperty(INSTANT)
  at!: string;

  @ApiProperty({ type: AuthorResponse })
  author!: AuthorResponse;

  @ApiProperty({ type: FigureResponse, nullable: true })
  dead!: FigureResponse | null;

  @ApiProperty({ type: FigureResponse, nullable: true })
  injured!: FigureResponse | null;

  @ApiProperty()
  source!: string;

  @ApiProperty({ type: String, nullable: true })
  scope!: string | null;

  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

export class FiguresHistoryResponse {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: [FiguresRevisionResponse], description: 'oldest first' })
  revisions!: FiguresRevisionResponse[];
}

export class RedactionFindingResponse implements RedactionFinding {
  @ApiProperty({ type: 'integer', description: 'the event whose fields were removed' })
  revision!: number;

  @ApiProperty({ type: [String] })
  fields!: readonly string[];

  @ApiProperty({ type: 'integer', description: 'the UpdateRedacted event' })
  redactedAt!: number;

  @ApiProperty({ type: AuthorResponse })
  by!: Pick<AuthorResponse, 'id' | 'name'>;

  @ApiProperty()
  reference!: string;
}

export const CHAIN_PROBLEMS = ['missing', 'content', 'link', 'redaction'] as const;

export class IntegrityResponse implements IntegrityReport {
  @ApiProperty()
  ok!: boolean;

  @ApiProperty({ type: 'integer', description: 'stored events read' })
  checked!: number;

  @ApiPropertyOptional({ type: 'integer' })
  firstBrokenRevision?: number;

  @ApiPropertyOptional({ enum: CHAIN_PROBLEMS })
  problem?: (typeof CHAIN_PROBLEMS)[number];

  @ApiPropertyOptional({ type: [RedactionFindingResponse], description: 'lawful redactions the chain proves' })
  redactions?: readonly RedactionFindingResponse[];
}

true satisfies SameShape<RecordedEventResponse, RecordedEvent>;
true satisfies SameShape<EventsPageResponse, EventsPage>;
true satisfies SameShape<AuditorViewResponse, AuditorView>;
true satisfies SameShape<DiffResponse['from'], BlogDiff['from']>;
true satisfies SameShape<FiguresRevisionResponse, FiguresRevision>;
true satisfies SameShape<IntegrityResponse, IntegrityReport>;
