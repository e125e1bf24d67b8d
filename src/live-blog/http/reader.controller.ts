import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { carriesCredentials } from '../../auth/index.js';
import { ApiProblemResponses, Metrics, RevisionCache } from '../../shared/index.js';
import { LiveBlogNotFound } from '../domain/index.js';
import { ArticleViews } from '../projections/article-views.js';
import { ChangeFeed } from '../realtime/change-feed.js';
import { ChangesQueryDto, UpdatesQueryDto } from './dto/live-blog.dto.js';
import { type ArticleReply, answerArticle } from './article-fast-path.js';
import { etagOf, HttpReplies } from './http-replies.js';
import { LiveBlogIdPipe } from './live-blog-id.pipe.js';
import { ArticleResponse, LiveBlogListItemResponse, UpdatesPageResponse } from './responses/article.response.js';
import { ChangesPageResponse } from './responses/changes.response.js';

type Request = { headers: Record<string, string | string[] | undefined> };

const CHANGES_CACHE_CONTROL = 'public, max-age=5, stale-while-revalidate=30';

/** Polling clients hold different revisions: up to 32 (afterRevision, limit) pairs per story, 32 MB in all. */
const CHANGES_CACHE_LIMITS = { variantsPerLiveBlog: 32, maxBytes: 32 * 2 ** 20 };

/** Public routes: anonymous readers, cacheable by revision. */
@ApiTags('readers')
@ApiProblemResponses(400, 404, 429)
@Controller('api/live-blogs')
export class ReaderController {
  /** Anonymous pages of the change feed, read from the store once per revision of the story this node holds. */
  private readonly changesCache: RevisionCache;

  constructor(
    private readonly views: ArticleViews,
    private readonly replies: HttpReplies,
    private readonly changeFeed: ChangeFeed,
    metrics: Metrics,
  ) {
    this.changesCache = new RevisionCache(CHANGES_CACHE_LIMITS, (result) =>
      metrics.responseCache.inc({ cache: 'changes', result }),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Every live blog, most recently updated first', operationId: 'listLiveBlogs' })
  @ApiOkResponse({ type: [LiveBlogListItemResponse] })
  list() {
    return this.views.list();
  }

  @Get(':id')
  @ApiOperation({
    summary: 'The article view; ETag is its revision, If-None-Match answers 304',
    operationId: 'getArticle',
  })
  @ApiOkResponse({ description: 'the article', type: ArticleResponse })
  async article(@Param('id', LiveBlogIdPipe) id: string, @Req() request: Request, @Res() reply: ArticleReply) {
    // An anonymous reader's GET of a blog this node holds in memory is answered before this route, by the same
    // function (./article-fast-path.ts); here the story is read back first when it is not.
    const blog = await this.views.load(id);
    if (!blog || !answerArticle(this.views, id, request, reply, blog)) throw new LiveBlogNotFound(id);
  }

  @Get(':id/updates')
  @ApiOperation({ summary: 'Older updates, newest first, page by page', operationId: 'getUpdates' })
  @ApiOkResponse({ type: UpdatesPageResponse })
  async updates(@Param('id', LiveBlogIdPipe) id: string, @Query() query: UpdatesQueryDto) {
    return this.views.updates(await this.existing(id), query.beforeRevision, query.limit ?? 20);
  }

  @Get(':id/changes')
  @ApiOperation({
    summary: 'The events the socket pushes, after a revision: for polling clients and CDNs',
    operationId: 'getChanges',
  })
  @ApiOkResponse({ description: "ETag is the page's revision; If-None-Match answers 304", type: ChangesPageResponse })
  async changes(
    @Param('id', LiveBlogIdPipe) id: string,
    @Query() query: ChangesQueryDto,
    @Req() request: Request,
    @Res() response: unknown,
  ) {
    const [afterRevision, limit] = [query.afterRevision ?? -1, query.limit ?? 100];
    const read = async () => {
      const page = await this.changeFeed.page(id, afterRevision, limit);
      return page && { body: JSON.stringify(page), etag: etagOf(page.revision) };
    };
    const blog = await this.views.load(id);
    // A caller with credentials (an editor reading their own write) and one that already saw a
    // revision this node's feed has not brought yet read the store; anonymous polls share one read per revision.
    const shared = blog !== null && afterRevision <= blog.revision && !carriesCredentials(request);
    const page = shared
      ? await this.changesCache.getAsync({ story: id, variant: `${afterRevision}:${limit}` }, blog.revision, read)
      : await read().then((found) => found && { body: Buffer.from(found.body), etag: found.etag });
    if (!page) throw new LiveBlogNotFound(id);
    this.replies.cached(request, response, page, CHANGES_CACHE_CONTROL);
  }

  private async existing(id: string) {
    const blog = await this.views.load(id);
    if (!blog) throw new LiveBlogNotFound(id);
    return blog;
  }
}
