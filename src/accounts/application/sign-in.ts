import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CLUSTER_STATE, type ClusterState, type RateLimit } from '../../cluster/index.js';
import type { Account } from '../domain/account-book.js';
import { AccountCommands } from './account-commands.js';
import { AccountDirectory } from './account-directory.js';
import { passwordMatches } from './password-hasher.js';

/**
 * Password checks allowed in 15 minutes before sign-in pauses: for one user name from one client
 * address, from one address whatever the names, and for one user name from addresses where it has
 * not signed in lately. Each check takes its points BEFORE the password is hashed, so guesses sent
 * together spend the budget one by one; a right password gives them back.
 */
export const FAILURES_PER_USERNAME = 5;
export const FAILURES_PER_ADDRESS = 20;
export const FAILURES_PER_USERNAME_ANYWHERE = 100;
const WINDOW_SECONDS = 15 * 60;
/**
 * An address where a name signed in stays its owner's for this long: the name's global budget does
 * not apply there. Under 24.8 days, the longest timer Node keeps (the memory limiter expires keys by timer).
 */
const KNOWN_ADDRESS_SECONDS = 14 * 24 * 60 * 60;

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

interface SignedIn {
  readonly account: Account;
  readonly sessionId: string;
}

/**
 * Checks a password within budgets shared across nodes where the cluster state is, opens a session.
 * A stranger's wrong guesses pause a name only from the stranger's address, and from unknown
 * addresses once the name's global budget is spent; the owner signing in from an address where
 * the name signed in before is not paused by anyone else.
 */
@Injectable()
export class SignInService {
  private readonly logger = new Logger('SignIn');
  private readonly perUsernameAtAddress: RateLimit;
  private readonly perAddress: RateLimit;
  private readonly perUsername: RateLimit;
  /** Not a budget: a point taken marks "this name signed in from this address" for KNOWN_ADDRESS_SECONDS. */
  private readonly knownAddresses: RateLimit;

  constructor(
    private readonly directory: AccountDirectory,
    private readonly commands: AccountCommands,
    @Inject(CLUSTER_STATE) cluster: ClusterState,
  ) {
    const budget = (points: number) => ({ points, durationSeconds: WINDOW_SECONDS });
    this.perUsernameAtAddress = cluster.rateLimit('signin-username-address', budget(FAILURES_PER_USERNAME));
    this.perAddress = cluster.rateLimit('signin-address', budget(FAILURES_PER_ADDRESS));
    this.perUsername = cluster.rateLimit('signin-username', budget(FAILURES_PER_USERNAME_ANYWHERE));
    this.knownAddresses = cluster.rateLimit('signin-known-address', {
      points: 1,
      durationSeconds: KNOWN_ADDRESS_SECONDS,
    });
  }

  async signIn(username: string, password: string, address: string): Promise<SignedIn> {
    const key = username.trim().toLowerCase().slice(0, 100);
    const atAddress = `${key}@${address}`;
    const known = (await this.knownAddresses.waitSeconds(atAddress)) > 0;
    const reserved = await this.reserve([
      [this.perAddress, address],
      [this.perUsernameAtAddress, atAddress],
      ...(known ? [] : [[this.perUsername, key] as const]),
    ]);
    if (typeof reserved === 'number') {
      this.logger.warn({ username: key, address, retryAfterSeconds: reserved }, 'sign-in refused: too many failures');
      throw new SignInThrottled(reserved);
    }
    // The book the password is checked against: its revision goes into the session it opens.
    const { book } = this.directory;
    const account = book.accounts.get(key);
    const matches = await passwordMatches(account?.passwordHash, password);
    if (!account || !matches || account.status !== 'active') {
      const reason = !account ? 'no such account' : !matches ? 'wrong password' : 'account disabled';
      this.logger.warn({ username: key, address, reason }, 'sign-in failed');
      throw new SignInRefused('the user name or password is wrong, or the account is disabled');
    }
    await Promise.all([
      // The name at this address is forgiven outright; the other budgets get this attempt's point back.
      ...reserved.filter(([limit]) => limit !== this.perUsernameAtAddress).map(([limit, held]) => limit.refund(held)),
      this.perUsernameAtAddress.reset(atAddress),
      known ? Promise.resolve() : this.knownAddresses.take(atAddress),
    ]);
    const sessionId = randomUUID();
    const startSession = { type: 'StartSession', username: key, sessionId, accountsRevision: book.revision } as const;
    await this.commands.execute(startSession, actorOf(account));
    if (!this.directory.session(key, sessionId)) {
      // The password or the account changed while this one was checked: the stored session never opened.
      this.logger.warn({ username: key, address, reason: 'account changed' }, 'sign-in failed');
      throw new SignInRefused('the user name or password is wrong, or the account is disabled');
    }
    this.logger.log({ username: key, address }, 'signed in');
    return { account, sessionId };
  }

  /**
   * Takes one point from each budget in turn: the points taken when all had one, else the seconds
   * to wait, after giving back the points this attempt took (a refused attempt spends nothing more).
   */
  private async reserve(budgets: ReadonlyArray<readonly [RateLimit, string]>) {
    const taken: Array<readonly [RateLimit, string]> = [];
    for (const [limit, key] of budgets) {
      const wait = await limit.take(key);
      if (wait > 0) {
        await Promise.all(taken.map(([spent, spentKey]) => spent.refund(spentKey)));
        return wait;
      }
      taken.push([limit, key]);
    }
    return taken;
  }

  async signOut(account: Account, sessionId: string): Promise<void> {
    await this.commands.execute({ type: 'EndSession', username: account.username, sessionId }, actorOf(account));
  }
}

function actorOf(account: Account) {
  return { id: account.username, name: account.displayName, role: account.role };
}
