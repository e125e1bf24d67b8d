import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandHandler } from '../../src/live-blog/application/command-handler.js';
import { toStoredEvents } from '../../src/live-blog/application/envelope.js';
import { STORY_FOLDER } from '../../src/live-blog/import/seed.js';
import { LiveBlogFileError } from '../../src/live-blog/import/live-blog-file.js';
import { importLiveBlog, liveBlogFilesIn } from '../../src/live-blog/import/live-blog-importer.js';
import { startApp, type TestApp } from '../support/app.js';

const reference = () => readFileSync(join(STORY_FOLDER, 'bbc-kyrgyzstan-2010-04-08.jsonl'), 'utf8');

describe('importing a story file', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startApp();
  });
  afterEach(() => t.close());

  it('ships the reference story in events/', () => {
    expect(liveBlogFilesIn(STORY_FOLDER).map((file) => file.slice(STORY_FOLDER.length + 1))).toContain(
      'bbc-kyrgyzstan-2010-04-08.jsonl',
    );
  });

  it('appends every line once, as the importer, and nothing the second time', async () => {
    const commands = t.app.get(CommandHandler);
    const lines = reference().trim().split('\n').length;
    const progress: number[] = [];
    const first = await importLiveBlog(reference(), commands, (done) => progress.push(done));
    expect(first).toMatchObject({ lines, alreadyStored: 0, liveBlogIds: ['kyrgyzstan-2010-04-08'] });
    expect(progress).toHaveLength(lines);
    const second = await importLiveBlog(reference(), commands);
    expect(second.alreadyStored).toBe(lines);
    const stored = await t.store.readAll();
    expect(stored).toHaveLength(lines);
    expect(toStoredEvents(stored).every((event) => event.metadata.author.role === 'system')).toBe(true);
  });

  it('rejects a malformed file before appending anything, naming the line', async () => {
    const commands = t.app.get(CommandHandler);
    const broken = reference().replace('"kind":"', '"kind":"gossip-');
    await expect(importLiveBlog(broken, commands)).rejects.toThrow(LiveBlogFileError);
    await expect(importLiveBlog(broken, commands)).rejects.toThrow(/^line \d+: .*kind/);
    expect(await t.store.readAll()).toHaveLength(0);
  });
});
