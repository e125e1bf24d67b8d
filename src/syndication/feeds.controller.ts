import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiProblemResponses, siteOrigin } from '../shared/index.js';
import { JsonFeedResponse } from './feed.responses.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesAny, LiveBlogNotFound } from '../live-blog/index.js';
import { LiveBlogFeeds, type FeedFormat } from './live-blog-feeds.js';

/** Feeds change with every event; a cache may hold them briefly and then must ask again (If-None-Match). */
const FEED_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';

/** Public feeds of one story, for aggregators and feed readers: ETag per revision and format. */
@ApiTags('readers')
@ApiProblemResponses(404, 429)
@Controller('live/:id')
export class FeedsController {
  constructor(
    private readonly feeds: LiveBlogFeeds,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('feed.atom')
  @ApiOperation({
    summary: 'The story as Atom (RFC 4287), retracted updates as RFC 6721 tombstones',
    operationId: 'getAtomFeed',
  })
  @ApiOkResponse({
    description: 'Atom 1.0; ETag per revision, If-None-Match answers 304',
    content: { 'application/atom+xml': { schema: { type: 'string' } } },
  })
  atom(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.reply(id, 'atom', request, reply);
  }

  @Get('feed.json')
  @ApiOperation({ summary: 'The story as JSON Feed 1.1; a closed story is `expired`', operationId: 'getJsonFeed' })
  @ApiExtraModels(JsonFeedResponse)
  @ApiOkResponse({
    description: 'JSON Feed 1.1; ETag per revision, If-None-Match answers 304',
    content: { 'application/feed+json': { schema: { $ref: getSchemaPath(JsonFeedResponse) } } },
  })
  json(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.reply(id, 'json', request, reply);
  }

  private async reply(id: string, format: FeedFormat, request: FastifyRequest, reply: FastifyReply) {
    const blog = await this.feeds.blog(id);
    if (!blog) throw new LiveBlogNotFound(id);
    const etag = this.feeds.etag(blog, format);
    reply.header('ETag', etag).header('Cache-Control', FEED_CACHE_CONTROL);
    if (matchesAny(request.headers['if-none-match'], etag)) return reply.code(304).send();
    const feed = this.feeds.feed(id, blog, format, siteOrigin(this.config, request));
    return reply.type(feed.contentType).send(feed.body);
  }
}
