import { isDeepStrictEqual } from 'node:util';
import type { RecordedEvent } from '../event-store/index.js';
import { streamOf } from '../live-blog/pure.js';
import { MalformedCheckpoint, parseCheckpoint, keyringOf, UnusableKey, type Keyring } from '../signing/pure.js';
import {
  BUNDLE_FORMAT,
  canonical,
  digestsOf,
  pageOf,
  sealVerifies,
  type EvidenceBundle,
  type SealDigests,
} from './evidence-bundle.js';
import { verifyExtension } from './extension.js';
import { describe, locate } from './json-location.js';
import { printable } from '../kernel/index.js';

/**
 * Checks an evidence bundle with nothing but the file (and, to pin the key, a saved key set): no
 * server, no store. This module and what it imports open no store; a test walks its imports.
 */
interface BundleReport {
  /** True only when every check passed against a key set the caller trusts (`pinned`). */
  readonly ok: boolean;
  /**
   * `verified`: everything holds and the key is in the trusted key set; `unverified_origin`:
   * everything holds, but no trusted key set was given, so the file proves only that whoever
   * holds the key in it made it (anyone can make such a file with a key of their own);
   * `failed`: the last line says where.
   */
  readonly verdict: 'verified' | 'unverified_origin' | 'failed';
  /** What was checked, one line each, control characters shown escaped; the last is the verdict. */
  readonly lines: readonly string[];
}

class Failure extends Error {}

const fail = (where: string, why: string): never => {
  throw new Failure(`FAILED at ${where}: ${why}`);
};

export async function verifyBundle(file: Buffer, pinned?: Keyring): Promise<BundleReport> {
  const lines: string[] = [];
  try {
    const text = decode(file);
    const bundle = parse(text);
    lines.push(`canonical JSON, ${file.length} bytes: every byte is fixed by the content`);
    const { liveBlogId, revision, storeEpoch, createdAt, createdBy } = headerOf(bundle);
    lines.push(`story "${liveBlogId}" up to revision ${revision}, store epoch ${storeEpoch}`);
    lines.push(`made ${createdAt} by ${createdBy.name} (${createdBy.role})`);
    const keys = keysOf(bundle, pinned);
    lines.push(...(await checkpointLines(bundle, keys)));
    checkSeal(bundle, keys);
    lines.push(`seal by key ${bundle.seal.keyId}: signature valid`);
    checkDigests(bundle, digestsOf(bundle));
    lines.push('every part matches the seal: header, checkpoint, keys, page and each event');
    checkPage(bundle);
    lines.push(`the page folds from the events: ${bundle.page.updates.length} updates as readers saw them`);
    if (pinned) return { ok: true, verdict: 'verified', lines: printable([...lines, 'verified']) };
    const unverified =
      `UNVERIFIED ORIGIN: the file is consistent and sealed by key ${bundle.seal.keyId}, the key it carries itself; ` +
      'anyone can make such a file with a key of their own: pass --keys <dateline-keys.json> saved from the server';
    return { ok: false, verdict: 'unverified_origin', lines: printable([...lines, unverified]) };
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    return { ok: false, verdict: 'failed', lines: printable([...lines, error.message]) };
  }
}

function decode(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return fail(`byte ${firstInvalidByte(file)}`, 'the file is not UTF-8 text there');
  }
}

/** The longest prefix that decodes (a character cut at its end is allowed) ends at the first bad byte. */
function firstInvalidByte(file: Buffer): number {
  const decodes = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = file.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (decodes(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

function parse(text: string): EvidenceBundle {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const where = position === undefined ? 'the file' : describe(locate(text, Number(position)));
    return fail(where, `not JSON (${(error as Error).message})`);
  }
  const expected = `${canonical(value)}\n`;
  if (expected !== text) {
    let index = 0;
    while (index < text.length && text[index] === expected[index]) index++;
    fail(describe(locate(text, index)), 'the file is not in the canonical form it was written in (edited by hand?)');
  }
  return value as EvidenceBundle;
}

function headerOf(bundle: EvidenceBundle): EvidenceBundle {
  if (bundle === null || typeof bundle !== 'object' || bundle.format !== BUNDLE_FORMAT) {
    fail('format', `not a Dateline evidence bundle ("${BUNDLE_FORMAT}")`);
  }
  for (const part of ['checkpoint', 'keys', 'page', 'seal', 'createdBy'] as const) {
    if (typeof bundle[part] !== 'object' || bundle[part] === null) fail(part, 'missing');
  }
  if (!Array.isArray(bundle.events)) fail('events', 'missing');
  if (bundle.laterEvents !== undefined && !Array.isArray(bundle.laterEvents)) fail('laterEvents', 'not a list');
  if (!Number.isSafeInteger(bundle.revision) || bundle.revision < 0) fail('revision', 'not a whole number');
  return bundle;
}

function keysOf(bundle: EvidenceBundle, pinned?: Keyring): Keyring {
  let keys: Keyring;
  try {
    keys = keyringOf(bundle.keys);
  } catch (error) {
    if (error instanceof UnusableKey) return fail('keys', error.message);
    throw error;
  }
  if (!pinned) return keys;
  for (const [keyId, key] of keys) {
    const published = pinned.get(keyId);
    if (!published?.equals(key)) fail('keys', `unknown key: ${keyId} is not in the published key set`);
  }
  return keys;
}

async function checkpointLines(bundle: EvidenceBundle, keys: Keyring): Promise<string[]> {
  try {
    parseCheckpoint(bundle.checkpoint);
  } catch (error) {
    if (error instanceof MalformedCheckpoint) return fail(`checkpoint.${error.field}`, error.message);
    throw error;
  }
  const { checkpoint, liveBlogId, storeEpoch, revision, events, laterEvents = [] } = bundle;
  if (checkpoint.revision !== revision)
    fail('checkpoint.revision', `signs ${checkpoint.revision}, the bundle is for ${revision}`);
  if (events.length !== revision + 1)
    fail('events', `${events.length} events, revisions 0 to ${revision} need ${revision + 1}`);
  const stream = streamOf(liveBlogId);
  events.forEach((event, index) => checkEventShape(event, index, stream, 'events', index));
  laterEvents.forEach((event, index) => checkEventShape(event, revision + 1 + index, stream, 'laterEvents', index));
  // The later events extend the chain past the signed revision: their redaction events prove each removal lawful.
  const report = await verifyExtension(checkpoint, keys, { storeEpoch, liveBlogId }, [events, laterEvents]);
  if (!report.ok) {
    const where =
      report.revision !== undefined && report.verdict !== 'truncated'
        ? `${eventPath(report.revision, revision)} (revision ${report.revision})`
        : 'checkpoint';
    fail(where, report.message);
  }
  const redacted = (report.redactions ?? []).map(
    (found) =>
      `revision ${found.revision}: ${found.fields.join(', ')} lawfully redacted at revision ${found.redactedAt}` +
      ` by ${found.by.name} (${found.by.id}), reference ${found.reference}`,
  );
  const later =
    laterEvents.length === 0
      ? []
      : [`${laterEvents.length} later events (revisions ${revision + 1} to ${revision + laterEvents.length}) link on`];
  return [
    `checkpoint signed by key ${checkpoint.keyId} at ${checkpoint.at}: signature valid`,
    `${events.length} events, hash chain intact, revision ${revision} has the signed hash ${checkpoint.hash}`,
    ...later,
    ...redacted,
  ];
}

/** Where an event of the bundle is: `events[i]`, or `laterEvents[i]` past the bundle's revision. */
function eventPath(eventRevision: number, bundleRevision: number): string {
  return eventRevision <= bundleRevision
    ? `events[${eventRevision}]`
    : `laterEvents[${eventRevision - bundleRevision - 1}]`;
}

/** A recorded event's members, with their kinds, before anything reads them. */
function checkEventShape(event: RecordedEvent, revision: number, stream: string, list: string, index: number): void {
  const where = `${list}[${index}]`;
  if (typeof event !== 'object' || event === null) fail(where, 'not an event');
  for (const member of ['data', 'metadata'] as const) {
    if (typeof event[member] !== 'object' || event[member] === null) fail(`${where}.${member}`, 'missing');
  }
  for (const member of ['eventId', 'type', 'recordedAt', 'checkpoint'] as const) {
    if (typeof event[member] !== 'string') fail(`${where}.${member}`, 'missing');
  }
  if (event.stream !== stream) fail(`${where}.stream`, `not the story's stream ${stream}`);
  if (event.revision !== revision) fail(`${where}.revision`, `${event.revision} where revision ${revision} belongs`);
  if (!Number.isSafeInteger(event.position)) fail(`${where}.position`, 'not a whole number');
}

function checkSeal(bundle: EvidenceBundle, keys: Keyring): void {
  // The server seals with the key that signs its checkpoint: a seal by any other key was added by someone else.
  if (bundle.seal.keyId !== bundle.checkpoint.keyId) {
    fail(
      'seal.keyId',
      `sealed by key ${bundle.seal.keyId}, the checkpoint was signed by key ${bundle.checkpoint.keyId}`,
    );
  }
  const key = keys.get(bundle.seal.keyId);
  if (!key) fail('seal.keyId', `key ${bundle.seal.keyId} is not in the bundle's keys`);
  if (!sealVerifies(bundle.seal, key!)) fail('seal', 'the seal does not verify: its digests or signature were altered');
}

function checkDigests(bundle: EvidenceBundle, actual: SealDigests): void {
  const sealed = bundle.seal.digests;
  if (!Array.isArray(sealed.events) || sealed.events.length !== actual.events.length) {
    fail('events', `${actual.events.length} events, the seal lists ${sealed.events?.length}`);
  }
  const index = actual.events.findIndex((digest, i) => digest !== sealed.events[i]);
  if (index !== -1) fail(`events[${index}] (revision ${index})`, 'the event differs from the one sealed');
  const later = actual.laterEvents ?? [];
  if (!isDeepStrictEqual(later, sealed.laterEvents ?? [])) {
    const at = later.findIndex((digest, i) => digest !== sealed.laterEvents?.[i]);
    fail(at === -1 ? 'laterEvents' : `laterEvents[${at}]`, 'the later events differ from the ones sealed');
  }
  for (const part of ['header', 'checkpoint', 'keys', 'page'] as const) {
    const where = part === 'header' ? 'format, liveBlogId, revision, storeEpoch, createdAt or createdBy' : part;
    if (actual[part] !== sealed[part]) fail(where, 'differs from what was sealed');
  }
}

function checkPage(bundle: EvidenceBundle): void {
  let folded: unknown;
  try {
    // Through JSON, as the page was written: members left undefined by the fold are absent from the file.
    folded = JSON.parse(canonical(pageOf(bundle.liveBlogId, bundle.events)));
  } catch (error) {
    return fail('events', `they do not fold to a page (${(error as Error).message})`);
  }
  const path = firstDifference(asFoldedNow(bundle.page, folded), folded, 'page');
  if (path !== null) fail(path, 'the page differs from what the events fold to');
}

/**
 * A page written by an earlier version, read as the fold writes one now: its `jsonLd` (a rendering
 * for search engines, now built from the site's settings outside the fold) is set aside, and the
 * members added since (`keyEvents`, each update's `headline`) count as their empty defaults when the
 * page has none. Anything else still has to match.
 */
function asFoldedNow(stated: unknown, folded: unknown): unknown {
  if (!isRecord(stated) || !isRecord(folded)) return stated;
  const { jsonLd: _rendering, ...page } = stated;
  if (!('keyEvents' in page) && Array.isArray(folded.keyEvents) && folded.keyEvents.length === 0) page.keyEvents = [];
  if (Array.isArray(page.updates))
    page.updates = page.updates.map((update) =>
      isRecord(update) && !('headline' in update) ? { ...update, headline: null } : update,
    );
  return page;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstDifference(stated: unknown, folded: unknown, path: string): string | null {
  if (isDeepStrictEqual(stated, folded)) return null;
  if (typeof stated !== 'object' || typeof folded !== 'object' || stated === null || folded === null) return path;
  const keys = new Set([...Object.keys(stated), ...Object.keys(folded)]);
  for (const key of keys) {
    const child = Array.isArray(stated) ? `${path}[${key}]` : `${path}.${key}`;
    const found = firstDifference(
      (stated as Record<string, unknown>)[key],
      (folded as Record<string, unknown>)[key],
      child,
    );
    if (found !== null) return found;
  }
  return path;
}
