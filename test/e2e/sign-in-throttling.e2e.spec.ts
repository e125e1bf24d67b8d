import {
  FAILURES_PER_ADDRESS,
  FAILURES_PER_USERNAME,
  FAILURES_PER_USERNAME_ANYWHERE,
} from '../../src/accounts/application/sign-in.js';
import { AccountDirectory } from '../../src/accounts/application/account-directory.js';
import { ACCOUNTS_STREAM, sessionsStream } from '../../src/accounts/application/account-stream.js';
import { startApp, type TestApp } from '../support/app.js';
import { addAccount, PASSWORD } from '../support/accounts.js';
import { waitFor } from '../support/live.js';
import { describeWithPostgres, TEST_POSTGRES_URL, TestSchemas } from '../support/postgres.js';

/** One sign-in form post from `address` (the app trusts one proxy, so X-Forwarded-For names the client). */
function attempt(t: TestApp, username: string, password: string, address: string) {
  return t.http.post('/signin').set('X-Forwarded-For', address).type('form').send({ username, password });
}

/** Sessions started for the accounts these tests make, wherever stored (each account's sessions stream). */
async function sessionsStarted(t: TestApp): Promise<number> {
  const streams = [ACCOUNTS_STREAM, sessionsStream('ann'), sessionsStream('bea')];
  const events = (await Promise.all(streams.map((stream) => t.store.readStream(stream)))).flat();
  return events.filter((event) => event.type === 'SessionStarted').length;
}

async function accountConflicts(t: TestApp): Promise<number> {
  const text = (await t.http.get('/metrics').expect(200)).text;
  return Number(/^dateline_account_conflicts_total (\d+)$/m.exec(text)?.[1] ?? 0);
}

function tally(statuses: readonly number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('sign-in guesses sent together', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startApp({ env: { TRUST_PROXY: '1' } });
    await addAccount(t);
  });
  afterEach(() => t.close());

  it('check at most the budget of passwords for one name from one address, and open no session', async () => {
    const before = await sessionsStarted(t);
    const burst = await Promise.all(
      Array.from({ length: 200 }, (_, index) => attempt(t, 'ann', `wrong guess ${index}`, '203.0.113.7')),
    );
    const counts = tally(burst.map((response) => response.status));
    console.log(`200 concurrent guesses for one name: ${counts[401] ?? 0} passwords checked, statuses`, counts);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(FAILURES_PER_USERNAME);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(200);
    expect(await sessionsStarted(t)).toBe(before);
    await attempt(t, 'ann', PASSWORD, '203.0.113.7').expect(429);
  });

  it('check at most the address budget for a burst of many names from one address', async () => {
    const burst = await Promise.all(
      Array.from({ length: 150 }, (_, index) => attempt(t, `name-${index}`, 'not a password', '203.0.113.8')),
    );
    const counts = tally(burst.map((response) => response.status));
    console.log(`150 concurrent names from one address: ${counts[401] ?? 0} passwords checked, statuses`, counts);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(FAILURES_PER_ADDRESS);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(150);
  });

  it('give the budget back when the password is right, so an owner’s own sign-ins never pause them', async () => {
    for (let round = 0; round < FAILURES_PER_ADDRESS + 5; round++) {
      await attempt(t, 'ann', PASSWORD, '198.51.100.4').expect(303);
    }
  });
});

describe('a stranger guessing an owner’s name', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ env: { TRUST_PROXY: '1' } });
    await addAccount(t);
  });
  afterAll(() => t.close());

  it('pauses the name from the stranger’s address only; the owner still signs in from theirs', async () => {
    for (let guess = 0; guess < FAILURES_PER_USERNAME; guess++) {
      await attempt(t, 'ann', `stranger ${guess}`, '192.0.2.66').expect(401);
    }
    await attempt(t, 'ann', PASSWORD, '192.0.2.66').expect(429);
    await attempt(t, 'ann', PASSWORD, '198.51.100.9').expect(303);
  });

  it('spends the name’s global budget from many addresses, yet not at an address where the owner signed in', async () => {
    await attempt(t, 'ann', PASSWORD, '198.51.100.10').expect(303);
    const addresses = Math.ceil(FAILURES_PER_USERNAME_ANYWHERE / FAILURES_PER_USERNAME) + 1;
    const guesses: Array<Promise<{ status: number }>> = [];
    for (let a = 0; a < addresses; a++) {
      for (let guess = 0; guess < FAILURES_PER_USERNAME; guess++) {
        guesses.push(attempt(t, 'ann', `botnet ${a}/${guess}`, `10.9.${a}.1`));
      }
    }
    const counts = tally((await Promise.all(guesses)).map((response) => response.status));
    console.log(`${guesses.length} guesses for one name from ${addresses} addresses: statuses`, counts);
    expect(counts[401]).toBeLessThanOrEqual(FAILURES_PER_USERNAME_ANYWHERE);
    await attempt(t, 'ann', PASSWORD, '10.99.0.1').expect(429);
    await attempt(t, 'ann', PASSWORD, '198.51.100.10').expect(303);
  });
});

const schemas = new TestSchemas();
afterAll(() => schemas.dropAll());

/**
 * Sign-ins sent together all open a session, and none races another: each appends to its account's
 * sessions stream whatever its revision, and the accounts stream does not move.
 */
function concurrentSignIns(store: () => string) {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ env: { TRUST_PROXY: '1', EVENT_STORE: store() } });
    await addAccount(t);
    await addAccount(t, { username: 'bea', displayName: 'Bea Editor' });
  });
  afterAll(() => t.close());

  it('all open a session: 60 at once for two accounts', async () => {
    const before = await sessionsStarted(t);
    const accountsBefore = await t.store.streamRevision(ACCOUNTS_STREAM);
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, index) => attempt(t, index % 2 ? 'ann' : 'bea', PASSWORD, `198.51.100.${index}`)),
    );
    const counts = tally(burst.map((response) => response.status));
    const conflicts = await accountConflicts(t);
    console.log(`60 concurrent right sign-ins (${store().split(':')[0]}): statuses`, counts, `conflicts ${conflicts}`);
    expect(counts).toEqual({ 303: 60 });
    expect((await sessionsStarted(t)) - before).toBe(60);
    expect(conflicts).toBe(0);
    expect(await t.store.streamRevision(ACCOUNTS_STREAM)).toBe(accountsBefore);
  });
}

describe('sign-ins sent together (SQLite)', () => concurrentSignIns(() => 'sqlite::memory:'));
await describeWithPostgres('sign-ins sent together (PostgreSQL)', () => {
  const schema = schemas.next();
  concurrentSignIns(() => `${TEST_POSTGRES_URL}?schema=${schema}`);
});

await describeWithPostgres('sign-ins sent together to two nodes (PostgreSQL)', () => {
  const nodes: TestApp[] = [];
  beforeAll(async () => {
    const env = { TRUST_PROXY: '1', EVENT_STORE: `${TEST_POSTGRES_URL}?schema=${schemas.next()}` };
    nodes.push(await startApp({ env }));
    nodes.push(await startApp({ env }));
    await addAccount(nodes[0]!);
    await addAccount(nodes[0]!, { username: 'bea', displayName: 'Bea Editor' });
    // The other node learns of the accounts through the store's feed (under load, not at once).
    const directory = nodes[1]!.app.get(AccountDirectory);
    await waitFor(
      () => ['ann', 'bea'].every((name) => directory.account(name)),
      15_000,
      'the other node to see both accounts',
    );
  });
  afterAll(() => Promise.all(nodes.map((node) => node.close())));

  it('all open a session: 60 at once for two accounts over two nodes', async () => {
    const before = await sessionsStarted(nodes[0]!);
    const accountsBefore = await nodes[0]!.store.streamRevision(ACCOUNTS_STREAM);
    const burst = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        attempt(nodes[index % 2]!, index % 3 ? 'ann' : 'bea', PASSWORD, `198.51.100.${index}`),
      ),
    );
    const counts = tally(burst.map((response) => response.status));
    const conflicts = (await accountConflicts(nodes[0]!)) + (await accountConflicts(nodes[1]!));
    console.log('60 concurrent right sign-ins over two nodes (postgres): statuses', counts, `conflicts ${conflicts}`);
    expect(counts).toEqual({ 303: 60 });
    expect((await sessionsStarted(nodes[0]!)) - before).toBe(60);
    expect(conflicts).toBe(0);
    expect(await nodes[0]!.store.streamRevision(ACCOUNTS_STREAM)).toBe(accountsBefore);
  });
});
