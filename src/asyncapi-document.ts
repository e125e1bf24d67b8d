import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ConnectRefusedPayload } from './limits/index.js';
import {
  GoodbyePayload,
  LIVE_NAMESPACE,
  LiveErrorPayload,
  PushedEventResponse,
  ReadersCountPayload,
  ResumePayload,
  SubscribedWithArticlePayload,
  SubscribedWithEventsPayload,
  SubscribeRequestPayload,
  UnsubscribedPayload,
  UnsubscribeRequestPayload,
} from './live-blog/index.js';
import {
  EditorsPayload,
  JoinedPayload,
  JoinRefusedPayload,
  JoinRequestPayload,
  NEWSROOM_NAMESPACE,
  SignedOutPayload,
} from './newsroom/index.js';
import { API_VERSION } from './openapi-document.js';

type Schema = Record<string, unknown>;

/** The payload classes (each the same shape as the socket's own type), by the name the document gives them. */
const PAYLOADS = {
  SubscribeRequest: SubscribeRequestPayload,
  SubscribedWithArticle: SubscribedWithArticlePayload,
  SubscribedWithEvents: SubscribedWithEventsPayload,
  LiveError: LiveErrorPayload,
  UnsubscribeRequest: UnsubscribeRequestPayload,
  Unsubscribed: UnsubscribedPayload,
  PushedEvent: PushedEventResponse,
  ReadersCount: ReadersCountPayload,
  Goodbye: GoodbyePayload,
  Resume: ResumePayload,
  ConnectRefused: ConnectRefusedPayload,
  JoinRequest: JoinRequestPayload,
  Joined: JoinedPayload,
  JoinRefused: JoinRefusedPayload,
  Editors: EditorsPayload,
  SignedOut: SignedOutPayload,
} as const;

type PayloadName = keyof typeof PAYLOADS;

/** Where the sockets are reached: the site serving the document (or PUBLIC_URL). */
interface SocketServer {
  readonly host: string;
  readonly secure: boolean;
}

/**
 * The AsyncAPI 3.0 document of the socket API (served at /asyncapi.json), written from the server's
 * side: it receives `subscribe` and answers in the acknowledgement, it sends `event`. Its schemas
 * are generated from the payload classes, through the same @nestjs/swagger schema generation as the
 * HTTP API's, and converted from OpenAPI 3.0's dialect (`nullable`) to JSON Schema.
 */
export function asyncApiDocument(app: INestApplication, server: SocketServer): Schema {
  const schemas = payloadSchemas(app);
  const message = (name: string, payload: PayloadName | PayloadName[], summary: string, description?: string) => ({
    name,
    title: name,
    summary,
    ...(description ? { description } : {}),
    contentType: 'application/json',
    payload: Array.isArray(payload)
      ? { oneOf: payload.map((each) => ({ $ref: `#/components/schemas/${each}` })) }
      : { $ref: `#/components/schemas/${payload}` },
  });
  const ref = (path: string) => ({ $ref: path });
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Dateline sockets',
      version: API_VERSION,
      description:
        'Socket.IO 4 namespaces of Dateline (docs/design.md §5, §5b), described from the server. A Socket.IO ' +
        "event is a message whose `name` is the event name; an acknowledgement is the operation's reply. " +
        'Readers subscribe with the revision they hold and receive every later event exactly once, in order. ' +
        'The HTTP API is described at /docs-json.',
      license: { name: 'UNLICENSED', url: 'https://docs.npmjs.com/cli/configuring-npm/package-json#license' },
    },
    defaultContentType: 'application/json',
    servers: {
      site: {
        host: server.host,
        protocol: server.secure ? 'wss' : 'ws',
        pathname: '/socket.io/',
        description: 'Socket.IO (Engine.IO 4): websocket first, long-polling as a fallback (needs sticky sessions)',
      },
    },
    channels: {
      live: {
        address: LIVE_NAMESPACE,
        title: 'Readers: a story’s events, pushed',
        description:
          'Anyone may connect. A handshake past SOCKET_CONNECT_RATE_LIMIT or CONNECTIONS_PER_ADDRESS answers ' +
          'HTTP 429; a further namespace connect over one session past the budget fails with `connect_error` ' +
          'whose `data` is `ConnectRefused`. Messages over 16 KB close the connection.',
        messages: {
          subscribe: message('subscribe', 'SubscribeRequest', 'Follow a story from a revision'),
          subscribeAck: message(
            'subscribe (ack)',
            ['SubscribedWithArticle', 'SubscribedWithEvents', 'LiveError'],
            'The article for a new reader, the events after `afterRevision` for a returning one, or an error',
            'Error codes: `invalid`, `not_found`, `rate_limited` (20 requests per 10 s per socket, ' +
              'LIVE_REQUESTS_PER_ADDRESS per address), `too_many_subscriptions`, `unavailable`.',
          ),
          unsubscribe: message('unsubscribe', 'UnsubscribeRequest', 'Stop following a story'),
          unsubscribeAck: message('unsubscribe (ack)', ['Unsubscribed', 'LiveError'], 'Done, or an error'),
          event: message(
            'event',
            'PushedEvent',
            'A new event of a followed story, with the signed checkpoint at its revision',
            'Drop any event at or below the revision you hold; one whose `afterRevision` is above it means ' +
              'events were missed: subscribe again from the revision you hold.',
          ),
          resume: message(
            'resume',
            'Resume',
            'A push of this story failed here: holding less than `revision`, subscribe again from what you hold',
            'Sent when this node could not push an event; the subscribe replays exactly what is missing.',
          ),
          readers: message('readers', 'ReadersCount', "The story's reader count, at most once a second"),
          goodbye: message(
            'goodbye',
            'Goodbye',
            'The server is about to close this socket: reconnect after a jittered wait and resubscribe',
          ),
          connectError: message('connect_error', 'ConnectRefused', 'The handshake was refused: connect again later'),
        },
      },
      newsroom: {
        address: NEWSROOM_NAMESPACE,
        title: 'Editors: who has a story’s console open',
        description:
          'Only signed-in editors (the session cookie); anyone else gets `connect_error` "sign in as an editor ' +
          'to open the console". Messages over 4 KB close the connection.',
        messages: {
          join: message('join', 'JoinRequest', "Open a story's console (one at a time per socket)"),
          joinAck: message('join (ack)', ['Joined', 'JoinRefused'], 'Who else is there, or an error (`invalid`)'),
          editors: message('editors', 'Editors', 'The editors in the console, whenever one joins or leaves'),
          signedOut: message('signed-out', 'SignedOut', 'The session ended: the socket is disconnected'),
        },
      },
    },
    operations: {
      subscribe: {
        action: 'receive',
        channel: ref('#/channels/live'),
        summary: 'A reader subscribes to a story',
        messages: [ref('#/channels/live/messages/subscribe')],
        reply: { channel: ref('#/channels/live'), messages: [ref('#/channels/live/messages/subscribeAck')] },
      },
      unsubscribe: {
        action: 'receive',
        channel: ref('#/channels/live'),
        summary: 'A reader unsubscribes',
        messages: [ref('#/channels/live/messages/unsubscribe')],
        reply: { channel: ref('#/channels/live'), messages: [ref('#/channels/live/messages/unsubscribeAck')] },
      },
      sendEvent: {
        action: 'send',
        channel: ref('#/channels/live'),
        summary: 'Push each new event of a subscribed story',
        messages: [ref('#/channels/live/messages/event')],
      },
      sendResume: {
        action: 'send',
        channel: ref('#/channels/live'),
        summary: 'Tell the readers of a story whose push failed to subscribe again from what they hold',
        messages: [ref('#/channels/live/messages/resume')],
      },
      sendReaders: {
        action: 'send',
        channel: ref('#/channels/live'),
        summary: 'Tell the readers how many they are',
        messages: [ref('#/channels/live/messages/readers')],
      },
      sendGoodbye: {
        action: 'send',
        channel: ref('#/channels/live'),
        summary: 'Say goodbye before closing the socket (`slow_consumer`, `shutdown`)',
        messages: [ref('#/channels/live/messages/goodbye')],
      },
      refuseConnection: {
        action: 'send',
        channel: ref('#/channels/live'),
        summary: 'Refuse a handshake over the connection budget',
        messages: [ref('#/channels/live/messages/connectError')],
      },
      join: {
        action: 'receive',
        channel: ref('#/channels/newsroom'),
        summary: "An editor opens a story's console",
        messages: [ref('#/channels/newsroom/messages/join')],
        reply: { channel: ref('#/channels/newsroom'), messages: [ref('#/channels/newsroom/messages/joinAck')] },
      },
      sendEditors: {
        action: 'send',
        channel: ref('#/channels/newsroom'),
        summary: "Tell a story's consoles who is there",
        messages: [ref('#/channels/newsroom/messages/editors')],
      },
      sendSignedOut: {
        action: 'send',
        channel: ref('#/channels/newsroom'),
        summary: 'Tell a console its session ended, then disconnect it',
        messages: [ref('#/channels/newsroom/messages/signedOut')],
      },
    },
    components: { schemas },
  };
}

/** JSON Schemas of the payloads and of every schema they refer to, named as the document refers to them. */
function payloadSchemas(app: INestApplication): Record<string, Schema> {
  const generated = SwaggerModule.createDocument(app, new DocumentBuilder().build(), {
    // No routes: only the payload classes and what they refer to.
    include: [class NoRoutes {}],
    extraModels: Object.values(PAYLOADS),
  }) as OpenAPIObject;
  const all = generated.components?.schemas ?? {};
  const renamed = new Map<string, string>(Object.entries(PAYLOADS).map(([name, type]) => [type.name, name]));
  const rename = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rename);
    if (!value || typeof value !== 'object') return value;
    const entries = Object.entries(value).map(([key, inner]) => {
      if (key === '$ref' && typeof inner === 'string') {
        const name = inner.replace('#/components/schemas/', '');
        return [key, `#/components/schemas/${renamed.get(name) ?? name}`];
      }
      return [key, rename(inner)];
    });
    return Object.fromEntries(entries);
  };
  return Object.fromEntries(
    Object.entries(all).map(([name, schema]) => [renamed.get(name) ?? name, toJsonSchema(rename(schema))]),
  ) as Record<string, Schema>;
}

/**
 * An OpenAPI 3.0 schema as JSON Schema: `nullable: true` becomes "or null" (OpenAPI 3.0 has no null
 * type), `example` becomes `examples`. Used for /asyncapi.json and to check answers against /docs-json.
 */
export function toJsonSchema(schema: unknown): Schema {
  if (Array.isArray(schema)) return schema.map(toJsonSchema) as unknown as Schema;
  if (!schema || typeof schema !== 'object') return schema as Schema;
  const { nullable, example, ...rest } = schema as Schema;
  const converted: Schema = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      key === 'properties' && value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, toJsonSchema(inner)]))
        : typeof value === 'object' && key !== 'enum' && key !== 'required'
          ? toJsonSchema(value)
          : value,
    ]),
  );
  if (example !== undefined) converted.examples = [example];
  if (nullable !== true) return converted;
  if (converted.allOf || converted.$ref) {
    const { allOf, $ref, type: _object, ...annotations } = converted;
    const target = $ref ? { $ref } : (allOf as Schema[]).length === 1 ? (allOf as Schema[])[0] : { allOf };
    return { ...annotations, oneOf: [target, { type: 'null' }] };
  }
  if (converted.type === undefined) return { anyOf: [converted, { type: 'null' }] };
  if (Array.isArray(converted.enum)) converted.enum = [...converted.enum, null];
  return { ...converted, type: [converted.type, 'null'] };
}

interface DocumentRequest {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly protocol?: string;
}

/** Serves the document at /asyncapi.json: the schemas made once, the server named after the request (or PUBLIC_URL). */
export function serveAsyncApi(app: INestApplication, publicUrl: string | undefined): void {
  const http = app.getHttpAdapter();
  const made = new Map<string, string>();
  http.get('/asyncapi.json', (request: DocumentRequest, response: unknown) => {
    const server = publicUrl
      ? { host: new URL(publicUrl).host, secure: publicUrl.startsWith('https:') }
      : { host: String(request.headers.host ?? 'localhost'), secure: request.protocol === 'https' };
    const key = `${server.secure}:${server.host}`;
    // One entry per host the site is asked at (a few): the document is built once for each.
    if (!made.has(key) && made.size < 16) made.set(key, JSON.stringify(asyncApiDocument(app, server)));
    const body = made.get(key) ?? JSON.stringify(asyncApiDocument(app, server));
    http.setHeader(response, 'Content-Type', 'application/json; charset=utf-8');
    http.setHeader(response, 'Cache-Control', 'public, max-age=300');
    http.reply(response, body, 200);
  });
}
