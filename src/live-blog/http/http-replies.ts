import { Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { CachedBody } from '../../shared/index.js';
import type { CommandResult } from '../application/command-handler.js';

/** The article's caching: any cache may keep it, and must ask again (If-None-Match) before reusing it. */
export const ARTICLE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** A view's ETag is its revision. */
export function etagOf(revision: number): string {
  return `"${revision}"`;
}

interface RequestWithHeaders {
  readonly headers: Record<string, string | string[] | undefined>;
}

/** Replies with ETag and conditional GET through Nest's adapter, so Express and Fastify behave alike. */
@Injectable()
export class HttpReplies {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /**
   * 304 when the client already holds this revision; the body is only built when needed. A Buffer
   * body is JSON already serialised (a cached article): it is sent as it is, typed as JSON.
   */
  conditional(
    request: RequestWithHeaders,
    response: unknown,
    revision: number,
    body: () => unknown,
    cacheControl: string,
  ): void {
    const http = this.adapterHost.httpAdapter;
    const etag = etagOf(revision);
    http.setHeader(response, 'ETag', etag);
    http.setHeader(response, 'Cache-Control', cacheControl);
    if (matchesAny(request.headers['if-none-match'], etag)) {
      http.status(response, 304);
      http.end(response);
      return;
    }
    const value = body();
    if (Buffer.isBuffer(value)) http.setHeader(response, 'Content-Type', 'application/json; charset=utf-8');
    http.reply(response, value, 200);
  }

  /** Bytes made before (JSON, from a RevisionCache) with their ETag, or 304 when the client holds them. */
  cached(request: RequestWithHeaders, response: unknown, cached: CachedBody, cacheControl: string): void {
    const http = this.adapterHost.httpAdapter;
    http.setHeader(response, 'ETag', cached.etag);
    http.setHeader(response, 'Cache-Control', cacheControl);
    if (matchesAny(request.headers['if-none-match'], cached.etag)) {
      http.status(response, 304);
      http.end(response);
      return;
    }
    http.setHeader(response, 'Content-Type', 'application/json; charset=utf-8');
    http.reply(response, cached.body, 200);
  }

  /** `more` adds what the write made (the update's id, whether it is published or scheduled). */
  created(response: unknown, result: CommandResult, more: Record<string, unknown> = {}): void {
    const http = this.adapterHost.httpAdapter;
    const { liveBlogId, revision, position } = result;
    http.setHeader(response, 'ETag', etagOf(revision));
    http.reply(response, { liveBlogId, revision, position, ...more }, 201);
  }
}

/** If-None-Match holds this ETag (weak or strong), or `*`. */
export function matchesAny(header: string | string[] | undefined, etag: string): boolean {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return false;
  return value.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}
