/**
 * Typed calls to a Dateline server's HTTP API (DESIGN §4) for readers, editors and auditors, and
 * `follow()` for the live push. Uses the platform's fetch: Node 22+ and browsers alike.
 */
import { connectLive, type FollowHandlers, LiveBlogFollower, type LiveClientSocket } from './follower.js';
import type { ArticleView, AuditorView, ChangesPage, PublishedArticle, UpdatesPage } from './wire.js';
import type { CorrectUpdateDto, PostUpdateDto, RetractUpdateDto } from '../../../src/live-blog/http/dto/update.dto.js';

export interface ClientOptions {
  /** The site, e.g. `https://news.example` ('' in a browser page of that site). */
  readonly baseUrl: string;
  /** A bearer token (`npm run token`) for editors' and auditors' calls; readers need none. */
  readonly token?: string;
  /** Another fetch (a proxy's, a test's); the platform's by default. */
  readonly fetch?: typeof fetch;
}

/** One field's problems, as a 400 lists them. */
export interface FieldProblem {
  readonly field?: string;
  readonly pointer?: string;
  readonly problems?: readonly string[];
  readonly detail?: string;
  readonly [member: string]: unknown;
}

/**
 * An error answer (application/problem+json): RFC 9457's members, and the members servers of
 * before answered with (statusCode, error, message, details), which a server may still send beside them.
 */
export interface ProblemDetails {
  readonly type?: string;
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly instance?: string;
  /** A 400's field problems. */
  readonly errors?: readonly FieldProblem[];
  readonly statusCode?: number;
  readonly error?: string;
  readonly message?: string;
  readonly details?: unknown;
  readonly [member: string]: unknown;
}

/** A call the server refused: its status, its problem details, and what its headers add. */
export class DatelineError extends Error {
  override readonly name = 'DatelineError';

  constructor(
    readonly status: number,
    readonly problem: ProblemDetails,
    /** 412: the story's revision now (the ETag), to show the editor what changed and send again on top. */
    readonly currentRevision: number | undefined,
    /** 429: how long to wait before asking again (Retry-After). */
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(problem.detail ?? problem.message ?? problem.title ?? `HTTP ${status}`);
  }
}

/** What every write answers (201): the story's new revision. */
export interface WriteResult {
  readonly liveBlogId: string;
  readonly revision: number;
  readonly position: number;
}

export interface WriteOptions {
  /** The revision the change was made on: a story that moved on since answers 412 (DatelineError). */
  readonly ifMatch?: number;
  /** The same key on a retry answers the first result instead of writing twice. */
  readonly idempotencyKey?: string;
}

export type LiveBlogListItem = Pick<ArticleView, 'id' | 'title' | 'status' | 'lastUpdatedAt' | 'revision'>;

export type PostUpdateBody = Omit<PostUpdateDto, never>;
export type CorrectUpdateBody = Omit<CorrectUpdateDto, never>;
export type RetractUpdateBody = Omit<RetractUpdateDto, never>;

/** A point in a story's history: after a revision, or as it stood at an instant. */
export type HistoryPoint = { readonly revision: number } | { readonly at: string };

export interface FollowOptions extends FollowHandlers {
  /** The revision already shown; without it the first ack carries the article (onRedraw). */
  readonly afterRevision?: number;
  readonly epoch?: string;
  /** A socket of your own (connectLive); by default the follow opens one and close() closes it. */
  readonly socket?: LiveClientSocket;
}

/** A story being followed: where it stands, and how to stop. */
export interface Following {
  readonly revision: number | undefined;
  readonly socket: LiveClientSocket;
  close(): void;
}

export interface DatelineClient {
  // Readers
  listLiveBlogs(): Promise<LiveBlogListItem[]>;
  /** The article with its JSON-LD and the signed checkpoint of its revision. */
  getArticle(liveBlogId: string): Promise<PublishedArticle>;
  getUpdates(liveBlogId: string, page?: { beforeRevision?: number; limit?: number }): Promise<UpdatesPage>;
  getChanges(liveBlogId: string, page?: { afterRevision?: number; limit?: number }): Promise<ChangesPage>;
  follow(liveBlogId: string, options?: FollowOptions): Following;
  // Editors
  postUpdate(liveBlogId: string, body: PostUpdateBody, options?: WriteOptions): Promise<WriteResult>;
  correctUpdate(
    liveBlogId: string,
    updateId: string,
    body: CorrectUpdateBody,
    options?: WriteOptions,
  ): Promise<WriteResult>;
  retractUpdate(
    liveBlogId: string,
    updateId: string,
    body: RetractUpdateBody,
    options?: WriteOptions,
  ): Promise<WriteResult>;
  // Auditors
  getAsOf(
    liveBlogId: string,
    point: HistoryPoint,
    page?: { beforeRevision?: number; limit?: number },
  ): Promise<AuditorView>;
}

export function createClient(options: ClientOptions): DatelineClient {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const request = requester(baseUrl, options);
  const story = (id: string) => `/api/live-blogs/${encodeURIComponent(id)}`;
  const update = (id: string, updateId: string) => `${story(id)}/updates/${encodeURIComponent(updateId)}`;
  return {
    listLiveBlogs: () => request('GET', '/api/live-blogs'),
    getArticle: (id) => request('GET', story(id)),
    getUpdates: (id, page = {}) => request('GET', `${story(id)}/updates${query(page)}`),
    getChanges: (id, page = {}) => request('GET', `${story(id)}/changes${query(page)}`),
    postUpdate: (id, body, write) => request('POST', `${story(id)}/updates`, body, write),
    correctUpdate: (id, updateId, body, write) => request('POST', `${update(id, updateId)}/corrections`, body, write),
    retractUpdate: (id, updateId, body, write) => request('POST', `${update(id, updateId)}/retraction`, body, write),
    getAsOf: (id, point, page = {}) => request('GET', `${story(id)}/as-of${query({ ...point, ...page })}`),
    follow: (id, follow = {}) => {
      const socket = follow.socket ?? connectLive(baseUrl);
      const follower = new LiveBlogFollower(socket, id, follow, follow);
      return {
        get revision() {
          return follower.revision;
        },
        socket,
        close: () => {
          follower.close();
          if (!follow.socket) socket.disconnect();
        },
      };
    },
  };
}

function requester(baseUrl: string, options: ClientOptions) {
  const fetcher = options.fetch ?? globalThis.fetch;
  return async <T>(method: string, path: string, body?: unknown, write: WriteOptions = {}): Promise<T> => {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (write.ifMatch !== undefined) headers['If-Match'] = `"${write.ifMatch}"`;
    if (write.idempotencyKey !== undefined) headers['Idempotency-Key'] = write.idempotencyKey;
    const response = await fetcher(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (response.ok) return parsed as T;
    const problem: ProblemDetails =
      typeof parsed === 'object' && parsed !== null ? (parsed as ProblemDetails) : { status: response.status };
    throw new DatelineError(
      response.status,
      problem,
      numberOf(response.headers.get('ETag')?.replace(/^W\//, '').replace(/"/g, '')),
      numberOf(response.headers.get('Retry-After')),
    );
  };
}

function numberOf(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

function query(parameters: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
