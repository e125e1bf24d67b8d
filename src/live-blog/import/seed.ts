import { join } from 'node:path';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { CLUSTER_STATE, type ClusterState } from '../../cluster/index.js';
import { EVENT_STORE, type Checkpoint, type EventStore } from '../../event-store/index.js';
import { projectRoot } from '../../shared/index.js';
import { CommandHandler } from '../application/command-handler.js';
import { liveBlogIdOf } from '../application/stream-names.js';
import { importLiveBlog, readLiveBlogFile, liveBlogFilesIn } from './live-blog-importer.js';

export const STORY_FOLDER = join(projectRoot, 'events');

/**
 * An empty store starts with the reference story (SEED, on by default for SQLite). Nodes that
 * start together on one shared store take turns, so the story is imported once, not raced twice.
 */
export async function seedIfEmpty(app: INestApplicationContext, folder = STORY_FOLDER): Promise<void> {
  const cluster = app.get<ClusterState>(CLUSTER_STATE);
  await cluster.exclusive('seed', () => seed(app, folder));
}

async function seed(app: INestApplicationContext, folder: string): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  if (await holdsLiveBlogs(store)) return;
  const logger = new Logger('Seed');
  const commands = app.get(CommandHandler);
  for (const file of liveBlogFilesIn(folder)) {
    const report = await importLiveBlog(readLiveBlogFile(file), commands);
    logger.log(
      `imported ${report.lines} events of ${report.liveBlogIds.join(', ')} from ${file.slice(projectRoot.length)}`,
    );
  }
}

/** Accounts added before the first start do not make the store "not empty": only a live blog does. */
async function holdsLiveBlogs(store: EventStore): Promise<boolean> {
  let after: Checkpoint | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 200 });
    if (page.some((event) => liveBlogIdOf(event.stream) !== null)) return true;
    if (page.length < 200) return false;
    after = page.at(-1)!.checkpoint;
  }
}
