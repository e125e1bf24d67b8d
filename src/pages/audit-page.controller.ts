import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../shared/index.js';
import type {} from '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SessionAuthenticator, Roles } from '../auth/index.js';
import { AS_OF_UPDATES, historyPointOf, AuditService } from '../audit/index.js';
import { LiveBlogIdPipe, ArticleViews } from '../live-blog/index.js';
import { pageHelpers, type PageHead } from './page-helpers.js';
import { notFound } from './pages.controller.js';
import { AuditAsOfQueryDto } from './audit-page.dto.js';
import { asOfPageLinks } from './as-of-pages.js';

/**
 * The auditor's page. The page itself is public: it holds no story data beyond the headline, and
 * its script makes every call with the auditor's token, or with the session cookie of an account
 * signed in at /signin (the API routes check either). The past state it shows comes from
 * `as-of`, the reader page's own article partial over the reader's view at that point, a page of
 * updates at a time, with plain links to the pages either side (the page's script follows them
 * with the token; an account signed in with its cookie can follow them with no script).
 */
@ApiTags('auditors')
@Controller('audit')
export class AuditPageController {
  constructor(
    private readonly views: ArticleViews,
    private readonly audit: AuditService,
    private readonly sessions: SessionAuthenticator,
  ) {}

  @Get(':id')
  @ApiExcludeEndpoint()
  async page(@Param('id') id: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    const blog = await this.views.load(id);
    if (!blog) return notFound(reply, `There is no live page called “${id}” to audit.`);
    const page: PageHead = {
      title: `Audit: ${blog.title}`,
      language: blog.language,
      stylesheets: ['/assets/css/audit.css'],
      scripts: ['/assets/vendor/chart.js/chart.umd.min.js', '/assets/js/audit/audit-page.js'],
    };
    // A signed-in account's name and role go to the page (and its layout's sign-out form); without one, a token.
    const session = this.sessions.fromRequest(request, reply) ?? undefined;
    const model = { page, id, title: blog.title, session, fmt: pageHelpers };
    return reply.header('Cache-Control', session ? 'private, no-store' : 'no-cache').view('audit', model);
  }

  @Get(':id/as-of')
  @ApiBearerAuth()
  @Roles('auditor')
  @ApiOperation({
    summary: 'The reader page as it stood at a revision or an instant, as an HTML fragment',
    operationId: 'getAsOfFragment',
  })
  @ApiOkResponse({
    description: "the reader page's article partial as it stood",
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblemResponses(400, 404, 429)
  async asOf(@Param('id', LiveBlogIdPipe) id: string, @Query() query: AuditAsOfQueryDto, @Res() reply: FastifyReply) {
    // Paged like the reader page: a story of thousands of updates is never rendered on one page.
    const page = { beforeRevision: query.beforeRevision, limit: query.limit ?? AS_OF_UPDATES };
    const { article, place, pinnedUpdates } = await this.audit.pageAt(
      id,
      historyPointOf(query),
      query.view ?? 'reader',
      page,
    );
    const pages = asOfPageLinks(id, article, place, query);
    return reply
      .header('Cache-Control', 'private, no-store')
      .view('audit-as-of', { article, pinnedUpdates, pages, fmt: pageHelpers });
  }
}
