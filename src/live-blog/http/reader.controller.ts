import { Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArticleViews } from '../projections/article-views.js';
import { ChangeFeed } from '../realtime/change-feed.js';
import { ChangesQueryDto, UpdatesQueryDto } from './dto/story.dto.js';
import { ARTICLE_CACHE_CONTROL, HttpReplies } from './http-replies.js';
import { LiveBlogIdPipe } from './live-blog-id.pipe.js';

type Request = { headers: Record<string, string | string[] | undefined> };

/** Public routes: anonymous readers, cacheable by revision. */
@ApiTags('readers')
@Controller('api/live-blogs')
export class ReaderController {
  constructor(
    private readonly views: ArticleViews,
    private readonly replies: HttpReplies,
    private readonly changeFeed: ChangeFeed,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every live blog, most recently updated first' })
  list() {
    return this.views.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'The article view; ETag is its revision, If-None-Match answers 304' })
  // An anonymous reader's GET of a blog this node holds is answered before this route (./article-fast-path.ts), the same way.
  @ApiOkResponse({ description: 'the article' })
  article(@Param('id', LiveBlogIdPipe) id: string, @Req() request: Request, @Res() response: unknown) {
    const blog = this.existing(id);
    this.replies.conditional(
      request,
      response,
      blog.revision,
      () => this.views.articleJson(id, blog),
      ARTICLE_CACHE_CONTROL,
    );
  }

  @Get(':id/updates')
  @ApiOperation({ summary: 'Older updates, newest first, page by page' })
  updates(@Param('id', LiveBlogIdPipe) id: string, @Query() query: UpdatesQueryDto) {
    return this.views.updates(this.existing(id), query.beforeRevision, query.limit ?? 20);
  }

  @Get(':id/changes')
  @ApiOperation({ summary: 'The events the socket pushes, after a revision: for polling clients and CDNs' })
  async changes(
    @Param('id', LiveBlogIdPipe) id: string,
    @Query() query: ChangesQueryDto,
    @Req() request: Request,
    @Res() response: unknown,
  ) {
    const page = await this.changeFeed.page(id, query.afterRevision ?? -1, query.limit ?? 100);
    if (!page) throw new NotFoundException(`no live blog "${id}"`);
    this.replies.conditional(
      request,
      response,
      page.revision,
      () => page,
      'public, max-age=5, stale-while-revalidate=30',
    );
  }

  private existing(id: string) {
    const blog = this.views.blog(id);
    if (!blog) throw new NotFoundException(`no live blog "${id}"`);
    return blog;
  }
}
