import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { SingleBar, Presets } from 'cli-progress';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/index.js';
import { CommandHandler, importLiveBlog, readLiveBlogFile } from '../live-blog/index.js';

const USAGE = 'usage: npm run import -- <file.jsonl> [more files]';

/** Appends story files through the command path; running it twice appends nothing the second time. */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length === 0) throw new Error(USAGE);
  const config = { ...loadConfig(), logLevel: 'warn' as const };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const commands = app.get(CommandHandler);
    for (const file of positionals) {
      const bar = new SingleBar(
        { format: `${file} [{bar}] {value}/{total} events`, hideCursor: true },
        Presets.shades_classic,
      );
      bar.start(1, 0);
      const report = await importLiveBlog(readLiveBlogFile(file), commands, (done, total) => {
        bar.setTotal(total);
        bar.update(done);
      }).finally(() => bar.stop());
      const appended = report.lines - report.alreadyStored;
      console.log(
        `${file}: ${appended} appended, ${report.alreadyStored} already stored (${report.liveBlogIds.join(', ')})`,
      );
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`import: ${(error as Error).message}\n`);
  process.exit(1);
});
