import { Module } from '@nestjs/common';
import { LiveBlogModule } from '../live-blog/live-blog.module.js';
import { AccountCommands } from './application/account-commands.js';
import { AccountDirectory } from './application/account-directory.js';
import { SignInService } from './application/sign-in.js';
import { AccountsController } from './http/accounts.controller.js';
import { SessionAuthenticator } from './http/session-authenticator.js';
import { SessionTokens } from './http/session-tokens.js';
import { SignInController } from './http/sign-in.controller.js';

/**
 * Accounts, sign-in and sessions (DESIGN §6a). The directory follows the `accounts` stream through
 * the live-blog module's feed runner, which hands it the events of streams that are not live blogs.
 */
@Module({
  imports: [LiveBlogModule],
  controllers: [SignInController, AccountsController],
  providers: [AccountDirectory, AccountCommands, SignInService, SessionTokens, SessionAuthenticator],
  exports: [AccountDirectory, AccountCommands, SessionAuthenticator],
})
export class AccountsModule {}
