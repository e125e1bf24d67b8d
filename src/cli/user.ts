import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  AccountCommands,
  COMMAND_LINE_ACTOR,
  type AccountSummary,
  AccountDirectory,
  ACCOUNT_ROLES,
} from '../accounts/index.js';
import { ConfigError, loadConfig } from '../config/index.js';
import { openEventStore } from '../event-store/index.js';

const USAGE = `usage: npm run user -- <command>
  add --username ann --name "Ann Editor" --role ${ACCOUNT_ROLES.join('|')}   (password on standard input)
  list [--json]
  disable <username>
  enable <username>
  reset <username>                                  (new password on standard input)
The password is read from standard input: typed at a prompt, or piped
(printf '%s' "$PASSWORD" | npm run user -- add …).`;

/** A mistake in how the command was called: printed with the usage. */
class UsageError extends Error {}

/** Manages accounts in the store the server reads (same settings: DATA_DIR, EVENT_STORE). */
async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, target, ...extra] = positionals;
  if (values.help || !command) return void process.stdout.write(`${USAGE}\n`);
  if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  const store = await openEventStore(loadConfig());
  try {
    const directory = new AccountDirectory(store);
    const accounts = new AccountCommands(store, directory);
    await run(accounts, command, values.username ?? target, values);
  } finally {
    await store.close();
  }
}

interface Flags {
  readonly name?: string;
  readonly role?: string;
  readonly json?: boolean;
}

async function run(
  accounts: AccountCommands,
  command: string,
  username: string | undefined,
  flags: Flags,
): Promise<void> {
  switch (command) {
    case 'add': {
      if (!username) throw new UsageError('add needs --username');
      if (!flags.name?.trim()) throw new UsageError('add needs --name "Display Name"');
      if (!flags.role) throw new UsageError(`add needs --role ${ACCOUNT_ROLES.join('|')}`);
      const password = await readPassword('Password for the new account: ');
      return report(
        'added',
        await accounts.add({ username, displayName: flags.name, role: flags.role, password }, COMMAND_LINE_ACTOR),
      );
    }
    case 'list':
      return printList(await accounts.list(), flags.json === true);
    case 'disable':
      return report('disabled', await accounts.disable(required(username, command), COMMAND_LINE_ACTOR));
    case 'enable':
      return report('enabled', await accounts.enable(required(username, command), COMMAND_LINE_ACTOR));
    case 'reset': {
      const account = required(username, command);
      const password = await readPassword(`New password for ${account}: `);
      return report('reset the password of', await accounts.resetPassword(account, password, COMMAND_LINE_ACTOR));
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function required(username: string | undefined, command: string): string {
  if (!username) throw new UsageError(`${command} needs the user name: npm run user -- ${command} <username>`);
  return username;
}

function report(done: string, account: AccountSummary): void {
  const sessions = done === 'added' || done === 'enabled' ? '' : ' (its sessions are ended)';
  process.stdout.write(
    `${done} ${account.username} (${account.displayName}, ${account.role}, ${account.status})${sessions}\n`,
  );
}

function printList(accounts: AccountSummary[], json: boolean): void {
  if (json) return void process.stdout.write(`${JSON.stringify(accounts, null, 2)}\n`);
  if (accounts.length === 0)
    return void process.stdout.write('no accounts yet: npm run user -- add --username … --name … --role …\n');
  const rows = accounts.map((a) => [a.username, a.displayName, a.role, a.status, a.addedAt]);
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows)
    process.stdout.write(
      `${row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd()}\n`,
    );
}

/** Piped: all of standard input but its final line break. At a terminal: a prompt that does not echo. */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.replace(/\r?\n$/, '');
  }
  process.stderr.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  const line = await new Promise<string>((resolve) => reader.once('line', resolve));
  reader.close();
  process.stderr.write('\n');
  return line;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof ConfigError ? `invalid setting: ${error.message}` : (error as Error).message;
  process.stderr.write(`user: ${message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
