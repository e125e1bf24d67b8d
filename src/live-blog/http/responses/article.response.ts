import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type SameShape } from '../../../shared/index.js';
import { SignedCheckpointResponse } from '../../../signing/index.js';
import { FIGURE_QUALIFIERS, type FigureQualifier, UPDATE_KINDS } from '../../domain/index.js';
import type { ArticleView, KeyEvent, PublicUpdate, toListItem, UpdatesPage } from '../../projections/article.view.js';
import type { PublishedArticle } from '../../projections/article-views.js';

/*
 * The reader's views as /docs-json describes them (DESIGN §4). Each class states that it has the
 * same members as the type the server builds (SameShape), so the document cannot drift from it.
 */

const INSTANT = { format: 'date-time', example: '2010-04-08T17:37:00Z' } as const;
const NULLABLE_TEXT = { type: String, nullable: true } as const;

export class FigureResponse {
  @ApiProperty({ type: 'integer', minimum: 0, example: 75 })
  count!: number;

  @ApiProperty({ enum: FIGURE_QUALIFIERS, example: 'exact' })
  qualifier!: FigureQualifier;
}

class CoordinatesResponse {
  @ApiProperty({ example: 42.87 })
  lat!: number;

  @ApiProperty({ example: 74.59 })
  lon!: number;
}

class MediaResponse {
  @ApiProperty({ format: 'uri', description: 'https only' })
  url!: string;

  @ApiPropertyOptional()
  caption?: string;

  @ApiPropertyOptional()
  credit?: string;
}

class CasualtiesResponse {
  @ApiProperty({ type: FigureResponse, nullable: true })
  dead!: FigureResponse | null;

  @ApiProperty({ type: FigureResponse, nullable: true })
  injured!: FigureResponse | null;

  @ApiProperty({ example: 'Health ministry' })
  source!: string;

  @ApiProperty(NULLABLE_TEXT)
  scope!: string | null;

  @ApiProperty(NULLABLE_TEXT)
  note!: string | null;

  @ApiProperty({ ...INSTANT, description: 'when they were last revised' })
  at!: string;
}

class CorrectionNoteResponse {
  @ApiProperty(INSTANT)
  at!: string;

  @ApiProperty({ example: 'The town was Talas, not Naryn' })
  reason!: string;
}

/** An update as readers see it: corrections applied; retracted ones are never listed. */
export class PublicUpdateResponse implements PublicUpdate {
  @ApiProperty({ example: 'us-envoy-meets-otunbayeva' })
  updateId!: string;

  @ApiProperty({ type: 'integer', description: 'the revision that posted it' })
  revision!: number;

  @ApiProperty({ enum: UPDATE_KINDS, type: String })
  kind!: string;

  @ApiProperty({ ...NULLABLE_TEXT, description: "the update's own line, plain text" })
  headline!: string | null;

  @ApiProperty({ description: 'plain text or the safe markup subset' })
  body!: string;

  @ApiProperty(NULLABLE_TEXT)
  byline!: string | null;

  @ApiProperty(NULLABLE_TEXT)
  attribution!: string | null;

  @ApiProperty(NULLABLE_TEXT)
  location!: string | null;

  @ApiProperty(NULLABLE_TEXT)
  sources!: string | null;

  @ApiProperty({ type: MediaResponse, nullable: true })
  media!: MediaResponse | null;

  @ApiProperty({ ...INSTANT, description: 'when it was posted' })
  at!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  occurredAt!: string | null;

  @ApiProperty({ type: CorrectionNoteResponse, nullable: true, description: 'the last correction' })
  corrected!: CorrectionNoteResponse | null;
}

class KeyEventResponse implements KeyEvent {
  @ApiProperty()
  updateId!: string;

  @ApiProperty({ description: "the update's headline, or the first sentence of its text" })
  headline!: string;

  @ApiProperty(INSTANT)
  at!: string;

  @ApiProperty({ type: 'integer', description: 'where the update was posted' })
  revision!: number;
}

class TimelineEntryResponse {
  @ApiProperty()
  entryId!: string;

  @ApiProperty({ example: 'March 2005' })
  period!: string;

  @ApiProperty()
  text!: string;
}

class LocationResponse {
  @ApiProperty({ example: 'Bishkek' })
  place!: string;

  @ApiProperty({ example: 'Opposition in control' })
  status!: string;

  @ApiProperty({ type: CoordinatesResponse, nullable: true })
  coordinates!: CoordinatesResponse | null;

  @ApiProperty(INSTANT)
  at!: string;
}

/** The reader's article without what the site adds when serving it (the socket's and the bundle's `article`). */
export class ArticleViewResponse implements ArticleView {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  id!: string;

  @ApiProperty({ example: 'Kyrgyzstan President Bakiyev refuses to resign' })
  title!: string;

  @ApiProperty(NULLABLE_TEXT)
  summary!: string | null;

  @ApiProperty({ enum: ['live', 'closed'] })
  status!: 'live' | 'closed';

  @ApiProperty({ example: 'en' })
  language!: string;

  @ApiProperty({ example: 'Europe/London', description: 'IANA time zone' })
  timeZone!: string;

  @ApiProperty(INSTANT)
  openedAt!: string;

  @ApiProperty({ ...INSTANT, description: "the latest event's `at`" })
  lastUpdatedAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'the last event folded; also the ETag' })
  revision!: number;

  @ApiProperty({ type: CasualtiesResponse, nullable: true })
  casualties!: CasualtiesResponse | null;

  @ApiProperty({ type: [String], description: 'the pinned updates (key points)' })
  pinned!: string[];

  @ApiProperty({ type: [KeyEventResponse], description: 'in the order the updates were posted' })
  keyEvents!: KeyEventResponse[];

  @ApiProperty({ type: [PublicUpdateResponse], description: 'newest first, the first page' })
  updates!: PublicUpdateResponse[];

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'pass as `beforeRevision` to /updates for the next, older page; null after the last',
  })
  nextBeforeRevision!: number | null;

  @ApiProperty({ type: [TimelineEntryResponse], description: 'in story order' })
  timeline!: TimelineEntryResponse[];

  @ApiProperty({ type: [LocationResponse] })
  locations!: LocationResponse[];
}

/** The article as GET /api/live-blogs/:id serves it. */
export class ArticleResponse extends ArticleViewResponse implements PublishedArticle {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'a schema.org LiveBlogPosting (JSON-LD) of the story and its first page of updates',
  })
  jsonLd!: PublishedArticle['jsonLd'];

  @ApiProperty({
    type: SignedCheckpointResponse,
    nullable: true,
    description: 'the signed head of the newest revision this node holds',
  })
  checkpoint!: SignedCheckpointResponse | null;
}

export class LiveBlogListItemResponse {
  @ApiProperty({ example: 'kyrgyzstan-2010-04-08' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ['live', 'closed'] })
  status!: 'live' | 'closed';

  @ApiProperty(INSTANT)
  lastUpdatedAt!: string;

  @ApiProperty({ type: 'integer' })
  revision!: number;
}

export class UpdatesPageResponse implements UpdatesPage {
  @ApiProperty({ type: [PublicUpdateResponse], description: 'newest first' })
  updates!: PublicUpdateResponse[];

  @ApiProperty({ type: 'integer', nullable: true, description: 'pass as `beforeRevision` for the next page' })
  nextBeforeRevision!: number | null;
}

true satisfies SameShape<ArticleViewResponse, ArticleView>;
true satisfies SameShape<ArticleResponse, PublishedArticle>;
true satisfies SameShape<UpdatesPageResponse, UpdatesPage>;
true satisfies SameShape<LiveBlogListItemResponse, ReturnType<typeof toListItem>>;
