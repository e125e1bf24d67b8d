import { Module } from '@nestjs/common';
import { AccountCommands } from './application/account-commands.js';
import { AccountDirectory } from './application/account-directory.js';
import { SignInService } from './application/sign-in.js';

/**
 * The account book (DESIGN §6a): accounts as events of the store's `accounts` stream and sessions as
 * events of each account's `sessions-<username>` stream, the commands that write them, and the
 * sign-in check. The directory follows those streams through the store feed's events of streams
 * that are not live blogs (OtherStreamEvents).
 */
@Module({
  providers: [AccountDirectory, AccountCommands, SignInService],
  exports: [AccountDirectory, AccountCommands, SignInService],
})
export class AccountsModule {}
