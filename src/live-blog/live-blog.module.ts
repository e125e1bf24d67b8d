import { Module } from '@nestjs/common';
import { CommandHandler } from './application/command-handler.js';
import { EditorController } from './http/editor.controller.js';
import { HttpReplies } from './http/http-replies.js';
import { ReaderController } from './http/reader.controller.js';
import { ArticleViews } from './projections/article-views.js';
import { ProjectionRunner } from './projections/projection-runner.js';

@Module({
  controllers: [ReaderController, EditorController],
  providers: [CommandHandler, ProjectionRunner, ArticleViews, HttpReplies],
  exports: [CommandHandler, ProjectionRunner, ArticleViews],
})
export class LiveBlogModule {}
