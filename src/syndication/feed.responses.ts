import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JsonFeed } from './json-feed.js';

/* The JSON Feed 1.1 document (DESIGN §4c) as /docs-json describes it; the Atom feed is XML text. */

class FeedAuthorResponse {
  @ApiProperty({ example: 'Dateline' })
  name!: string;
}

class FeedItemResponse {
  @ApiProperty({ example: 'urn:uuid:34877b96-e96f-533c-91cf-526b8e935d27', description: 'never changes' })
  id!: string;

  @ApiProperty({ format: 'uri', description: "the update's permalink" })
  url!: string;

  @ApiProperty({ description: 'the body through the safe markup subset' })
  content_html!: string;

  @ApiProperty({ format: 'date-time' })
  date_published!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'the last correction or redaction, when there is one' })
  date_modified?: string;

  @ApiPropertyOptional({ type: [FeedAuthorResponse], description: 'the byline' })
  authors?: FeedAuthorResponse[];

  @ApiProperty({ type: [String], description: "the update's kind" })
  tags!: string[];
}

export class JsonFeedResponse {
  @ApiProperty({ enum: ['https://jsonfeed.org/version/1.1'] })
  version!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'uri', description: "the story's reader page" })
  home_page_url!: string;

  @ApiProperty({ format: 'uri' })
  feed_url!: string;

  @ApiPropertyOptional({ description: "the story's summary" })
  description?: string;

  @ApiProperty({ example: 'en' })
  language!: string;

  @ApiProperty({ type: [FeedAuthorResponse] })
  authors!: FeedAuthorResponse[];

  @ApiPropertyOptional({ enum: [true], description: 'present once the story is closed' })
  expired?: boolean;

  @ApiProperty({ type: [FeedItemResponse], description: 'the newest 50 public updates, newest first' })
  items!: FeedItemResponse[];
}

// The feed is built from conditional spreads, so its type is a union of shapes: each must fit the class.
true satisfies [JsonFeed] extends [JsonFeedResponse] ? true : false;
