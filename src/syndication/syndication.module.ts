import { Module } from '@nestjs/common';
import { LiveBlogModule } from '../live-blog/index.js';
import { FeedsController } from './feeds.controller.js';
import { LiveBlogFeeds } from './live-blog-feeds.js';

/** Feeds of each story (Atom with tombstones, JSON Feed), built from the readers' views. */
@Module({
  imports: [LiveBlogModule],
  controllers: [FeedsController],
  providers: [LiveBlogFeeds],
})
export class SyndicationModule {}
