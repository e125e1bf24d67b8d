import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandHandler } from '../application/command-handler.js';
import { parseLiveBlogFile } from './live-blog-file.js';
import type { Author } from '../../kernel/index.js';

const IMPORTER: Author = { id: 'importer', name: 'Story importer', role: 'system' };

interface ImportReport {
  readonly lines: number;
  /** Lines whose events were already stored (an earlier import) and were not appended again. */
  readonly alreadyStored: number;
  readonly liveBlogIds: string[];
}

/**
 * Appends a story file through the same command path as the editors' routes (validation,
 * hash chain, authorship). Each line's key makes it idempotent: a second import appends nothing.
 */
export async function importLiveBlog(
  text: string,
  commands: CommandHandler,
  onProgress: (done: number, total: number) => void = () => {},
  author: Author = IMPORTER,
): Promise<ImportReport> {
  const lines = parseLiveBlogFile(text);
  const liveBlogIds = new Set<string>();
  let alreadyStored = 0;
  for (const [index, line] of lines.entries()) {
    const context = { author, idempotencyKey: `import:${line.key}`, correlationId: `import:${line.liveBlogId}` };
    try {
      const result = await commands.execute(line.liveBlogId, line.request, context);
      if (!result.appended) alreadyStored++;
    } catch (error) {
      throw new Error(`line ${line.lineNumber} (${line.key}): ${(error as Error).message}`, { cause: error });
    }
    liveBlogIds.add(line.liveBlogId);
    onProgress(index + 1, lines.length);
  }
  return { lines: lines.length, alreadyStored, liveBlogIds: [...liveBlogIds] };
}

/** The story files shipped in a folder (`events/*.jsonl`), in name order. */
export function liveBlogFilesIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(folder, name));
}

export function readLiveBlogFile(path: string): string {
  return readFileSync(path, 'utf8');
}
