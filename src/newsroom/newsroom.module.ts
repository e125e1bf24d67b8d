import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { LiveBlogModule } from '../live-blog/index.js';
import { PagesModule } from '../pages/index.js';
import { NewsroomPresenter } from './console.presenter.js';
import { EditorIdentity } from './editor-identity.js';
import { NewsroomActivityController } from './newsroom-activity.controller.js';
import { NewsroomController } from './newsroom.controller.js';
import { PresenceGateway } from './presence.gateway.js';

/** The editors' side in the browser: the newsroom index, the console, who wrote what, and who is here. */
@Module({
  imports: [AuthModule, LiveBlogModule, PagesModule],
  controllers: [NewsroomController, NewsroomActivityController],
  providers: [NewsroomPresenter, EditorIdentity, PresenceGateway],
})
export class NewsroomModule {}
