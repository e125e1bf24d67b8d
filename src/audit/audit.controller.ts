import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { InvalidCommand } from '../kernel/index.js';
import { HttpAdapterHost } from '@nestjs/core';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiProblemResponses } from '../shared/index.js';
import { Roles } from '../auth/index.js';
import { LiveBlogIdPipe } from '../live-blog/index.js';
import { AsOfQueryDto, DiffQueryDto, EventsQueryDto, FiguresQueryDto, historyPointOf } from './audit-query.dto.js';
import { AS_OF_UPDATES, AuditService } from './audit.service.js';
import {
  AuditorViewResponse,
  DiffResponse,
  EventsPageResponse,
  FiguresHistoryResponse,
  IntegrityResponse,
} from './audit.responses.js';
import { figuresCsv } from './figures-history.js';

type Request = { headers: Record<string, string | string[] | undefined> };

/** Auditors (and admins): the stored history, the page as of any point, diffs, figures and the hash chain. */
@ApiTags('auditors')
@ApiBearerAuth()
@Roles('auditor')
@ApiProblemResponses(400, 404, 429)
@Controller('api/live-blogs')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  @Get(':id/events')
  @ApiOperation({
    summary: 'The stored events with all their metadata, oldest first, page by page',
    operationId: 'getEvents',
  })
  @ApiOkResponse({ type: EventsPageResponse })
  events(@Param('id', LiveBlogIdPipe) id: string, @Query() query: EventsQueryDto) {
    return this.audit.events(id, query.fromRevision ?? 0, query.limit ?? 100);
  }

  @Get(':id/as-of')
  @ApiOperation({
    summary:
      'The article as it stood at a revision or an instant, retracted updates included and marked, ' +
      'its updates a page at a time (beforeRevision, limit)',
    operationId: 'getAsOf',
  })
  @ApiOkResponse({ type: AuditorViewResponse })
  asOf(@Param('id', LiveBlogIdPipe) id: string, @Query() query: AsOfQueryDto) {
    const page = { beforeRevision: query.beforeRevision, limit: query.limit ?? AS_OF_UPDATES };
    return this.audit.asOf(id, historyPointOf(query), page);
  }

  @Get(':id/diff')
  @ApiOperation({
    summary: 'Every change after revision `from` up to and including `to`: what, who and when',
    operationId: 'getDiff',
  })
  @ApiOkResponse({ type: DiffResponse })
  diff(@Param('id', LiveBlogIdPipe) id: string, @Query() query: DiffQueryDto) {
    if (query.to < query.from) throw new InvalidCommand('to must not be before from', 'to');
    return this.audit.diff(id, query.from, query.to);
  }

  @Get(':id/casualty-figures/history')
  @ApiOperation({
    summary: 'Every revision of the casualty figures, oldest first (CSV with ?format=csv or Accept: text/csv)',
    operationId: 'getFiguresHistory',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiExtraModels(FiguresHistoryResponse)
  @ApiOkResponse({
    description: 'JSON, or CSV (one row per revision) with ?format=csv or Accept: text/csv',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(FiguresHistoryResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  async figures(
    @Param('id', LiveBlogIdPipe) id: string,
    @Query() query: FiguresQueryDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: unknown,
  ) {
    const revisions = await this.audit.figures(id);
    const http = this.adapterHost.httpAdapter;
    http.setHeader(response, 'Vary', 'Accept');
    if ((query.format ?? formatAccepted(request)) === 'json') return { id, revisions };
    http.setHeader(response, 'Content-Type', 'text/csv; charset=utf-8');
    http.setHeader(response, 'Content-Disposition', `attachment; filename="${id}-casualty-figures.csv"`);
    return figuresCsv(revisions);
  }

  @Get(':id/integrity')
  @ApiOperation({
    summary: 'Recomputes the hash chain: {ok, checked, firstBrokenRevision?, problem?}',
    operationId: 'getIntegrity',
  })
  @ApiOkResponse({ type: IntegrityResponse })
  integrity(@Param('id', LiveBlogIdPipe) id: string) {
    return this.audit.integrity(id);
  }
}

function formatAccepted(request: Request): 'json' | 'csv' {
  const accept = request.headers.accept;
  return (Array.isArray(accept) ? accept.join(',') : (accept ?? '')).includes('text/csv') ? 'csv' : 'json';
}
