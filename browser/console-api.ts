// Every write of the newsroom: JSON to /api with the editor's credentials, the revision the editor
// saw (If-Match) and an Idempotency-Key, so a retry after a lost answer never writes twice.
import type { ProblemDetails, WriteOptions, WriteResult } from '../packages/client/src/client.js';
import { authHeaders } from './console-auth.js';

/** A write's answer; `status` 0 when the request never got one (the connection dropped). */
export interface WriteAnswer {
  readonly ok: boolean;
  readonly status: number;
  /** The 201's `{liveBlogId, revision, position}`, or the error's problem details. */
  readonly body: Partial<WriteResult & ProblemDetails> | null;
  readonly revision?: number;
}

/**
 * Answers `{ok, status, body, revision}`; a network failure answers `{ok: false, status: 0}`
 * rather than throwing, so the caller keeps the draft and says the text was not sent.
 */
export async function write(
  method: string,
  path: string,
  body: unknown,
  { ifMatch, idempotencyKey }: WriteOptions = {},
): Promise<WriteAnswer> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    ...authHeaders(),
  };
  if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: JSON.stringify(body ?? {}), credentials: 'same-origin' });
  } catch {
    return { ok: false, status: 0, body: null };
  }
  const answer = (await response.json().catch(() => null)) as WriteAnswer['body'];
  return { ok: response.ok, status: response.status, body: answer, revision: answer?.revision };
}

/** GET JSON (with the editor's credentials, for the newsroom's own routes); null when it fails. */
export async function read<T>(path: string): Promise<T | null> {
  try {
    const response = await fetch(path, {
      headers: { Accept: 'application/json', ...authHeaders() },
      credentials: 'same-origin',
    });
    return response.ok ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

/** What a failed write means for the editor, in words. */
export function failureMessage(result: WriteAnswer): string {
  if (result.status === 0)
    return 'Not sent: the connection dropped. Your text is kept here; send it again when you are back online.';
  if (result.status === 401)
    return 'Not sent: your session has ended. Your text is kept on this device; sign in again to send it.';
  if (result.status === 403)
    return `Not sent: ${result.body?.message ?? 'your account may not edit stories'}. Your text is kept.`;
  if (result.status === 429) return 'Not sent: too many requests. Wait a moment and send again; your text is kept.';
  const message = result.body?.message;
  return message ? `Not sent: ${message}` : `Not sent (HTTP ${result.status}). Your text is kept.`;
}
