import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import type { RecordedEvent } from '../../src/event-store/event-store.js';
import { toStoredEvent } from '../../src/live-blog/application/envelope.js';
import { bundleFile, type BundleParts } from '../../src/proof/bundle-file.js';
import { verifyBundle } from '../../src/proof/bundle-verifier.js';
import { BUNDLE_FORMAT, type BundleHeader, pageOf, seal, serializeBundle } from '../../src/proof/evidence-bundle.js';
import { resolveCheckpointKeys } from '../../src/signing/checkpoint-keys.js';
import { signCheckpoint } from '../../src/signing/checkpoint.js';
import { corrected, opened, posted, retracted, timelineEntry } from '../support/factories.js';
import { recorded } from '../support/recorded.js';

const BLOG = 'osh-unrest';
const EVENTS = recorded(
  opened({ title: 'Unrest in Osh' }),
  posted({ updateId: 'u1', body: 'Crowds gathered in Бишкек.' }),
  posted({ updateId: 'u2', body: 'A <b>statement</b> was read.' }),
  corrected({ updateId: 'u1', body: 'Crowds gathered in Osh.', reason: 'Wrong town' }),
  timelineEntry({ entryId: 't1', period: 'April 2010', text: 'The protests began.' }),
  retracted({ updateId: 'u2', reason: 'Not read aloud' }),
  posted({ updateId: 'u3', body: 'Talks ended at dusk.' }),
);

async function* pagesOf(events: readonly RecordedEvent[], size: number) {
  for (let start = 0; start < events.length; start += size) yield events.slice(start, start + size);
}

async function written(chunks: AsyncIterable<string>): Promise<string> {
  let file = '';
  for await (const chunk of chunks) file += chunk;
  return file;
}

describe('an evidence bundle written as it is made', () => {
  let dataDir: string;
  let parts: (events: readonly RecordedEvent[]) => BundleParts;
  let keys: ReturnType<typeof resolveCheckpointKeys>;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'dateline-bundle-file-'));
    keys = resolveCheckpointKeys(loadConfig({ DATA_DIR: dataDir }));
    const last = EVENTS.at(-1)!;
    const checkpoint = signCheckpoint(
      {
        storeEpoch: 'epoch-1',
        liveBlogId: BLOG,
        revision: last.revision,
        hash: toStoredEvent(last).metadata.hash,
        at: last.recordedAt,
      },
      keys.signing,
    );
    const header: BundleHeader = {
      format: BUNDLE_FORMAT,
      liveBlogId: BLOG,
      revision: last.revision,
      storeEpoch: 'epoch-1',
      createdAt: '2010-04-09T08:00:00.000Z',
      createdBy: { id: 'cat', name: 'Cat Auditor', role: 'auditor' },
    };
    parts = (events) => ({ header, checkpoint, keys: keys.published, pages: pagesOf(events, 2) });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes, page by page, the very bytes of the whole bundle serialised at once, and they verify', async () => {
    const streamed = await written(bundleFile(parts(EVENTS), keys.signing));
    const { header, checkpoint, keys: keySet } = parts(EVENTS);
    const whole = seal(
      { ...header, checkpoint, keys: keySet, events: EVENTS, page: pageOf(BLOG, EVENTS)! },
      keys.signing,
    );
    expect(streamed).toBe(serializeBundle(whole));
    expect((await verifyBundle(Buffer.from(streamed, 'utf8'), keys.keyring)).lines.at(-1)).toBe('verified');
  });

  it('writes laterEvents, and their digests in the seal, as the whole bundle serialised at once does', async () => {
    const [events, later] = [EVENTS.slice(0, 3), EVENTS.slice(3)];
    const end = events.at(-1)!;
    const at = { storeEpoch: 'epoch-1', liveBlogId: BLOG, revision: end.revision, at: end.recordedAt };
    const checkpoint = signCheckpoint({ ...at, hash: toStoredEvent(end).metadata.hash }, keys.signing);
    const header: BundleHeader = { ...parts(EVENTS).header, revision: end.revision };
    const streamed = await written(
      bundleFile(
        { header, checkpoint, keys: keys.published, pages: pagesOf(events, 2), laterEvents: later },
        keys.signing,
      ),
    );
    const whole = seal(
      { ...header, checkpoint, keys: keys.published, events, laterEvents: later, page: pageOf(BLOG, events)! },
      keys.signing,
    );
    expect(whole.seal.digests.laterEvents).toHaveLength(4);
    expect(streamed).toBe(serializeBundle(whole));
  });

  it('never finishes a file whose events no longer make the history checked before it began', async () => {
    const forged = EVENTS.map((event, index) =>
      index === 3 ? { ...event, data: { ...event.data, body: 'Crowds never gathered.' } } : event,
    );
    await expect(written(bundleFile(parts(forged), keys.signing))).rejects.toThrow(
      /changed while its bundle was written/,
    );
    await expect(written(bundleFile(parts(EVENTS.slice(0, -1)), keys.signing))).rejects.toThrow(/changed/);
  });
});
