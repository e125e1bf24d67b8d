import {
  Controller,
  Get,
  Header,
  Inject,
  NotFoundException,
  NotImplementedException,
  Query,
  Req,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, requestOrigin, siteOrigin } from '../shared/index.js';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { ArticleViews } from '../live-blog/index.js';
import { oEmbedAnswer, liveBlogOfUrl } from './oembed.js';
import { OEmbedQueryDto } from './oembed.dto.js';
import { OEmbedResponse } from './oembed.responses.js';
import { pageOfUpdate } from './update-page.js';

/** oEmbed provider (oembed.com): a story's or an update's address becomes a frame of its embed. */
@ApiTags('readers')
@Controller('oembed')
export class OEmbedController {
  constructor(
    private readonly views: ArticleViews,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'oEmbed of a story or update address: a frame of /embed/:id (format=json only)',
    operationId: 'getOEmbed',
  })
  @ApiOkResponse({ type: OEmbedResponse })
  @ApiProblemResponses(400, 404, 429, 501)
  // Public content, asked for by other sites' servers and pages alike.
  @Header('Access-Control-Allow-Origin', '*')
  @Header('Cache-Control', 'public, max-age=300')
  async oembed(@Query() query: OEmbedQueryDto, @Req() request: FastifyRequest) {
    if ((query.format ?? 'json') !== 'json') throw new NotImplementedException('only format=json is served');
    const origin = siteOrigin(this.config, request);
    const target = liveBlogOfUrl(query.url, [origin, requestOrigin(request)]);
    const blog = target && (await this.views.load(target.id));
    const shown = blog && (!target.updateId || pageOfUpdate(blog, target.updateId).found === 'shown');
    if (!blog || !shown) throw new NotFoundException(`${query.url} is not a story of this site`);
    const { maxwidth, maxheight } = query;
    return oEmbedAnswer({ origin, id: target.id, title: blog.title, maxwidth, maxheight });
  }
}
