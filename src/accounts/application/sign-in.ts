import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLUSTER_STATE, type ClusterState, type RateLimit } from '../../cluster/index.js';
import type { Account } from '../domain/account-book.js';
import { AccountCommands } from './account-commands.js';
import { AccountDirectory } from './account-directory.js';
import { passwordMatches } from './password-hasher.js';

/** Wrong passwords allowed per user name, and per client address, in 15 minutes before sign-in pauses. */
export const FAILURES_PER_USERNAME = 5;
export const FAILURES_PER_ADDRESS = 20;
const WINDOW_SECONDS = 15 * 60;

/** The user name or the password is wrong, or the account is disabled; which one is not told. */
export class SignInRefused extends Error {
  override readonly name = 'SignInRefused';
}

/** Too many failed sign-ins for this user name or from this address. */
export class SignInThrottled extends Error {
  override readonly name = 'SignInThrottled';

  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed sign-ins; try again in ${Math.ceil(retryAfterSeconds / 60)} min`);
  }
}

export interface SignedIn {
  readonly account: Account;
  readonly sessionId: string;
}

/** Checks a password, counts failures (shared across nodes where the cluster state is), opens a session. */
@Injectable()
export class SignInService {
  private readonly logger = new Logger('SignIn');
  private readonly perUsername: RateLimit;
  private readonly perAddress: RateLimit;

  constructor(
    private readonly directory: AccountDirectory,
    private readonly commands: AccountCommands,
    @Inject(CLUSTER_STATE) cluster: ClusterState,
  ) {
    this.perUsername = cluster.rateLimit('signin-username', {
      points: FAILURES_PER_USERNAME,
      durationSeconds: WINDOW_SECONDS,
    });
    this.perAddress = cluster.rateLimit('signin-address', {
      points: FAILURES_PER_ADDRESS,
      durationSeconds: WINDOW_SECONDS,
    });
  }

  async signIn(username: string, password: string, address: string): Promise<SignedIn> {
    const key = username.trim().toLowerCase().slice(0, 100);
    const wait = Math.max(await this.perUsername.waitSeconds(key), await this.perAddress.waitSeconds(address));
    if (wait > 0) {
      this.logger.warn({ username: key, address, retryAfterSeconds: wait }, 'sign-in refused: too many failures');
      throw new SignInThrottled(wait);
    }
    const account = this.directory.account(key);
    const matches = await passwordMatches(account?.passwordHash, password);
    if (!account || !matches || account.status !== 'active') {
      await Promise.all([this.perUsername.consume(key), this.perAddress.consume(address)]);
      const reason = !account ? 'no such account' : !matches ? 'wrong password' : 'account disabled';
      this.logger.warn({ username: key, address, reason }, 'sign-in failed');
      throw new SignInRefused('the user name or password is wrong, or the account is disabled');
    }
    await this.perUsername.reset(key);
    const sessionId = randomUUID();
    await this.commands.execute({ type: 'StartSession', username: key, sessionId }, actorOf(account));
    this.logger.log({ username: key, address }, 'signed in');
    return { account, sessionId };
  }

  async signOut(account: Account, sessionId: string): Promise<void> {
    await this.commands.execute({ type: 'EndSession', username: account.username, sessionId }, actorOf(account));
  }
}

export function actorOf(account: Account) {
  return { id: account.username, name: account.displayName, role: account.role };
}
