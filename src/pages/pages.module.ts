import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { AuditModule } from '../audit/index.js';
import { LiveBlogModule } from '../live-blog/index.js';
import { AuditPageController } from './audit-page.controller.js';
import { EmbedPagePresenter } from './embed-page.presenter.js';
import { EmbedController } from './embed.controller.js';
import { LivePagePresenter } from './live-page.presenter.js';
import { OEmbedController } from './oembed.controller.js';
import { PageCache } from './page-cache.js';
import { PagesController } from './pages.controller.js';
import { PermalinkController } from './permalink.controller.js';
import { SignInController } from './sign-in.controller.js';

/**
 * The HTML pages (index, live page, update permalinks, the embed and its oEmbed, auditor's page);
 * templates in views/, assets in public/.
 */
@Module({
  imports: [LiveBlogModule, AuditModule, AuthModule],
  controllers: [
    PagesController,
    AuditPageController,
    SignInController,
    EmbedController,
    OEmbedController,
    PermalinkController,
  ],
  providers: [LivePagePresenter, EmbedPagePresenter, PageCache],
  exports: [LivePagePresenter, PageCache],
})
export class PagesModule {}
