import { Module } from '@nestjs/common';
import { LiveBlogModule } from '../live-blog/live-blog.module.js';
import { LivePagePresenter } from './live-page.presenter.js';
import { PagesController } from './pages.controller.js';

/** The readers' HTML pages (index and live page); templates in views/, assets in public/. */
@Module({
  imports: [LiveBlogModule],
  controllers: [PagesController],
  providers: [LivePagePresenter],
})
export class PagesModule {}
