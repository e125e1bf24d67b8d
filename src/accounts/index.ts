/** The accounts folder's front door: what other folders may use. */
export { AccountsModule } from './accounts.module.js';
export { AccountCommands, type AccountSummary, COMMAND_LINE_ACTOR } from './application/account-commands.js';
export { AccountDirectory } from './application/account-directory.js';
export { SignInRefused, SignInService, SignInThrottled } from './application/sign-in.js';
export type { Account } from './domain/account-book.js';
export { DISPLAY_NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, USERNAME_PATTERN } from './domain/account-decide.js';
export { ACCOUNT_ROLES } from './domain/account-events.js';
