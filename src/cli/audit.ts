import { existsSync } from 'node:fs';
import { loadConfig, type AppConfig } from '../config/pure.js';

const USAGE = [
  'usage: npm run audit -- verify <live-blog-id>',
  '       npm run audit -- verify <live-blog-id> --checkpoint <checkpoint.json> [--keys <dateline-keys.json>]',
  '       npm run audit -- verify-bundle <bundle.json> [--keys <dateline-keys.json>]',
  '       npm run audit -- rotate-key',
].join('\n');

/**
 * `npm run audit`: verifies a story's hash chain, or that it extends a saved checkpoint, straight
 * from the store named by the server's settings (no app needed; safe next to a running server);
 * verifies an evidence bundle with no store at all (the store's modules are loaded only for the
 * commands that read one); rotates the checkpoint key.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outcome = await run(args);
  const text = outcome.lines.join('\n');
  (outcome.exitCode === 2 ? process.stderr : process.stdout).write(`${text}\n`);
  process.exitCode = outcome.exitCode;
}

async function run(args: readonly string[]): Promise<{ exitCode: number; lines: readonly string[] }> {
  const [command] = args;
  if (command === 'verify-bundle') return (await import('../proof/pure.js')).runBundleCommand(args);
  const config = loadConfig();
  if (command === 'rotate-key' && args.length === 1) {
    const { rotateCheckpointKey } = await import('../signing/pure.js');
    const { retired, current } = rotateCheckpointKey(config);
    return {
      exitCode: 0,
      lines: [`retired key ${retired} (still published)`, `new key ${current}: restart the server to sign with it`],
    };
  }
  if (command !== 'verify') return { exitCode: 2, lines: [USAGE] };
  return withStore(config, async (store) => {
    if (args.includes('--checkpoint')) {
      const { runCheckpointCommand } = await import('../proof/index.js');
      const { verifyingKeys } = await import('../signing/index.js');
      return runCheckpointCommand(args, store, verifyingKeys(config));
    }
    const { runAuditCommand } = await import('../audit/index.js');
    const outcome = await runAuditCommand(args, store);
    return { exitCode: outcome.exitCode, lines: [outcome.line] };
  });
}

async function withStore<T>(
  config: AppConfig,
  use: (store: import('../event-store/index.js').EventStore) => Promise<T>,
) {
  const setting = config.eventStore;
  // Opening a missing SQLite file would create an empty store and report the blog unknown.
  if (setting.kind === 'sqlite' && setting.path !== ':memory:' && !existsSync(setting.path)) {
    throw new Error(`no event store at ${setting.path} (set DATA_DIR or EVENT_STORE)`);
  }
  const { openEventStore } = await import('../event-store/index.js');
  const store = await openEventStore(config);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`audit: ${(error as Error).message}\n`);
  process.exit(2);
});
