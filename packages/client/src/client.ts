/**
 * Typed calls to a Dateline server's HTTP API (DESIGN §4) for readers, editors and auditors, and
 * `follow()` for the live push. Uses the platform's fetch: Node 22+ and browsers alike.
 *
 * Every call's route, parameters, body, answer and problem details are typed by the server's
 * OpenAPI document (./openapi.ts, generated from /docs-json): a route the server renamed or a field
 * it changed breaks this package's type check, not a reader's app.
 */
import { connectLive, type FollowHandlers, LiveBlogFollower, type LiveClientSocket } from './follower.js';
import type { components, operations, paths } from './openapi.js';

export type { components, operations, paths } from './openapi.js';

/** The OpenAPI document's schemas, by name (`Schemas['ArticleResponse']`). */
export type Schemas = components['schemas'];
/** An operation of the document by its operationId (`getArticle`, `postUpdate`…). */
export type OperationId = keyof operations;
/** The JSON body an operation answers on success (its 200, or its 201 for a write). */
export type Answer<Id extends OperationId> = JsonSuccess<operations[Id]>;
/** The JSON body an operation takes. */
export type RequestBody<Id extends OperationId> = JsonBody<operations[Id]>;
/** The query parameters an operation takes. */
export type QueryOf<Id extends OperationId> = NonNullable<operations[Id]['parameters']['query']>;

/** An error answer (application/problem+json): RFC 9457's members, `errors` on a 400, and the older ones. */
export type ProblemDetails = Schemas['ProblemDetails'];
/** One field's problem, as a 400 lists them. */
export type FieldProblem = Schemas['FieldProblemSchema'];

export type Article = Answer<'getArticle'>;
export type LiveBlogListItem = Answer<'listLiveBlogs'>[number];
export type UpdatesPage = Answer<'getUpdates'>;
export type ChangesPage = Answer<'getChanges'>;
export type AuditorView = Answer<'getAsOf'>;
/** What every write answers (201): the story's new revision. */
export type WriteResult = Answer<'postUpdate'>;
export type PostUpdateBody = RequestBody<'postUpdate'>;
export type CorrectUpdateBody = RequestBody<'correctUpdate'>;
export type RetractUpdateBody = RequestBody<'retractUpdate'>;

export interface ClientOptions {
  /** The site, e.g. `https://news.example` ('' in a browser page of that site). */
  readonly baseUrl: string;
  /** A bearer token (`npm run token`) for editors' and auditors' calls; readers need none. */
  readonly token?: string;
  /** Another fetch (a proxy's, a test's); the platform's by default. */
  readonly fetch?: typeof fetch;
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
    super(problem.detail || problem.title || `HTTP ${status}`);
  }
}

export interface WriteOptions {
  /** The revision the change was made on: a story that moved on since answers 412 (DatelineError). */
  readonly ifMatch?: number;
  /** The same key on a retry answers the first result instead of writing twice. */
  readonly idempotencyKey?: string;
}

/** A point in a story's history: after a revision, or as it stood at an instant. */
export type HistoryPoint =
  | { readonly revision: NonNullable<QueryOf<'getAsOf'>['revision']> }
  | { readonly at: NonNullable<QueryOf<'getAsOf'>['at']> };

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
  listLiveBlogs(): Promise<Answer<'listLiveBlogs'>>;
  /** The article with its JSON-LD and the signed checkpoint of its revision. */
  getArticle(liveBlogId: string): Promise<Article>;
  getUpdates(liveBlogId: string, page?: QueryOf<'getUpdates'>): Promise<UpdatesPage>;
  getChanges(liveBlogId: string, page?: QueryOf<'getChanges'>): Promise<ChangesPage>;
  follow(liveBlogId: string, options?: FollowOptions): Following;
  // Editors
  postUpdate(liveBlogId: string, body: PostUpdateBody, options?: WriteOptions): Promise<WriteResult>;
  correctUpdate(
    liveBlogId: string,
    updateId: string,
    body: CorrectUpdateBody,
    options?: WriteOptions,
  ): Promise<Answer<'correctUpdate'>>;
  retractUpdate(
    liveBlogId: string,
    updateId: string,
    body: RetractUpdateBody,
    options?: WriteOptions,
  ): Promise<Answer<'retractUpdate'>>;
  // Auditors
  getAsOf(
    liveBlogId: string,
    point: HistoryPoint,
    page?: Omit<QueryOf<'getAsOf'>, 'revision' | 'at'>,
  ): Promise<AuditorView>;
}

export function createClient(options: ClientOptions): DatelineClient {
  const baseUrl = options.baseUrl.replace(/\/$/, '');
  const call = caller(baseUrl, options);
  return {
    listLiveBlogs: () => call('get', '/api/live-blogs', {}),
    getArticle: (id) => call('get', '/api/live-blogs/{id}', { path: { id } }),
    getUpdates: (id, page) => call('get', '/api/live-blogs/{id}/updates', { path: { id }, query: page }),
    getChanges: (id, page) => call('get', '/api/live-blogs/{id}/changes', { path: { id }, query: page }),
    postUpdate: (id, body, write) => call('post', '/api/live-blogs/{id}/updates', { path: { id }, body, write }),
    correctUpdate: (id, updateId, body, write) =>
      call('post', '/api/live-blogs/{id}/updates/{updateId}/corrections', { path: { id, updateId }, body, write }),
    retractUpdate: (id, updateId, body, write) =>
      call('post', '/api/live-blogs/{id}/updates/{updateId}/retraction', { path: { id, updateId }, body, write }),
    getAsOf: (id, point, page) =>
      call('get', '/api/live-blogs/{id}/as-of', { path: { id }, query: { ...point, ...page } }),
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

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The operation at a route of the document and a method it has. */
type Route = { [P in keyof paths]: { [M in Method]: paths[P][M] extends never ? never : [P, M] }[Method] }[keyof paths];
type OperationAt<P extends keyof paths, M extends Method> = paths[P][M];

type JsonSuccess<Operation> = Operation extends { responses: infer Responses }
  ? Responses extends { 200: { content: { 'application/json': infer Body } } }
    ? Body
    : Responses extends { 201: { content: { 'application/json': infer Body } } }
      ? Body
      : undefined
  : never;
type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } }
  ? Body
  : never;
type Parameters<Operation, In extends 'path' | 'query'> = Operation extends { parameters: { [K in In]?: infer Value } }
  ? Value
  : never;

/** What a call to a route sends: its path and query parameters, its body, and a write's headers. */
interface Input<Operation> {
  readonly path?: Parameters<Operation, 'path'>;
  readonly query?: Parameters<Operation, 'query'>;
  readonly body?: JsonBody<Operation>;
  readonly write?: WriteOptions;
}

function caller(baseUrl: string, options: ClientOptions) {
  const fetcher = options.fetch ?? globalThis.fetch;
  return async <P extends Route[0], M extends Extract<Route, [P, Method]>[1]>(
    method: M,
    route: P,
    { path, query, body, write = {} }: Input<OperationAt<P, M>>,
  ): Promise<JsonSuccess<OperationAt<P, M>>> => {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (write.ifMatch !== undefined) headers['If-Match'] = `"${write.ifMatch}"`;
    if (write.idempotencyKey !== undefined) headers['Idempotency-Key'] = write.idempotencyKey;
    const response = await fetcher(`${baseUrl}${fill(route, path)}${search(query)}`, {
      method: method.toUpperCase(),
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (response.ok) return parsed as JsonSuccess<OperationAt<P, M>>;
    throw new DatelineError(
      response.status,
      isProblem(parsed) ? parsed : problemOfStatus(response.status, response.statusText),
      numberOf(response.headers.get('ETag')?.replace(/^W\//, '').replace(/"/g, '')),
      numberOf(response.headers.get('Retry-After')),
    );
  };
}

/** A route with its `{name}`s filled in. */
function fill(route: string, path: object | undefined): string {
  const values = (path ?? {}) as Record<string, string | number>;
  return route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(values[name])));
}

function search(parameters: object | undefined): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters ?? {})) if (value !== undefined) query.set(name, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

function isProblem(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && typeof (body as { status?: unknown }).status === 'number';
}

/** An answer that is not problem details (a proxy's page, say), as RFC 9457 reads it: about:blank. */
function problemOfStatus(status: number, phrase: string): ProblemDetails {
  const title = phrase || `HTTP ${status}`;
  return { type: 'about:blank', title, status, detail: title, statusCode: status, error: title, message: title };
}

function numberOf(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
