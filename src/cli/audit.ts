import { existsSync } from 'node:fs';
import { runAuditCommand } from '../audit/audit-command.js';
import { loadConfig } from '../config/config.js';
import { openEventStore } from '../event-store/event-store.module.js';

/**
 * `npm run audit -- verify <id>`: recomputes a live blog's hash chain straight from the store named
 * by the server's settings (no app needed; safe next to a running server) and prints one line.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const setting = config.eventStore;
  // Opening a missing SQLite file would create an empty store and report the blog unknown.
  if (setting.kind === 'sqlite' && setting.path !== ':memory:' && !existsSync(setting.path)) {
    throw new Error(`no event store at ${setting.path} (set DATA_DIR or EVENT_STORE)`);
  }
  const store = await openEventStore(config);
  try {
    const outcome = await runAuditCommand(process.argv.slice(2), store);
    (outcome.exitCode === 2 ? process.stderr : process.stdout).write(`${outcome.line}\n`);
    process.exitCode = outcome.exitCode;
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`audit: ${(error as Error).message}\n`);
  process.exit(2);
});
