import { Module } from '@nestjs/common';
import { LiveBlogModule } from '../live-blog/index.js';
import { FeedsController } from './feeds.controller.js';
import { StoryFeeds } from './story-feeds.js';

/** Feeds of each story (Atom with tombstones, JSON Feed), built from the readers' views. */
@Module({
  imports: [LiveBlogModule],
  controllers: [FeedsController],
  providers: [StoryFeeds],
})
export class SyndicationModule {}
