import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { AuditModule } from '../audit/index.js';
import { LiveBlogModule } from '../live-blog/index.js';
import { AuditPageController } from './audit-page.controller.js';
import { LivePagePresenter } from './live-page.presenter.js';
import { PagesController } from './pages.controller.js';
import { SignInController } from './sign-in.controller.js';

/** The HTML pages (index, live page, auditor's page); templates in views/, assets in public/. */
@Module({
  imports: [LiveBlogModule, AuditModule, AuthModule],
  controllers: [PagesController, AuditPageController, SignInController],
  providers: [LivePagePresenter],
  exports: [LivePagePresenter],
})
export class PagesModule {}
