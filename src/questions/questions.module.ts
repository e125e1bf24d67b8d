import { Module } from '@nestjs/common';
import { LiveBlogModule } from '../live-blog/index.js';
import { QuestionBooks } from './application/question-books.js';
import { QuestionDesk } from './application/question-desk.js';
import { QuestionsController } from './http/questions.controller.js';

/** Readers' questions (DESIGN §4e): private per-story streams, published only as an editor's answer. */
@Module({
  imports: [LiveBlogModule],
  controllers: [QuestionsController],
  providers: [QuestionBooks, QuestionDesk],
})
export class QuestionsModule {}
