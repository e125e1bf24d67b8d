import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { TYPES_FILE, typesOf } from '../../packages/client/tools/openapi-types.mjs';
import { toJsonSchema } from '../../src/asyncapi-document.js';
import { bearer, startApp, type TestApp } from '../support/app.js';
import { connectReader, waitFor } from '../support/live.js';

/**
 * The OpenAPI document (/docs-json) and the AsyncAPI document (/asyncapi.json), read from a started
 * app as a client's generator reads them: every operation complete, Redocly's recommended rules
 * clean, real answers valid against the schemas, and types generated from it that a strict program
 * can use.
 */

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const root = process.cwd();
const require = createRequire(join(root, 'package.json'));
const addFormats = require('ajv-formats') as (ajv: Ajv) => Ajv;

let t: TestApp;
let openapi: Json;
let folder: string;

beforeAll(async () => {
  t = await startApp({ seed: true });
  openapi = (await t.http.get('/docs-json').expect(200)).body;
  folder = mkdtempSync(join(tmpdir(), 'dateline-openapi-'));
});

afterAll(async () => {
  await t?.close();
  rmSync(folder, { recursive: true, force: true });
});

function operations(): { name: string; operation: Json }[] {
  return Object.entries(openapi.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      name: `${method.toUpperCase()} ${path}`,
      operation: item[method],
    })),
  );
}

describe('/docs-json', () => {
  it('names its servers, licence and tags, and tags every operation with one of them', () => {
    expect(openapi.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(openapi.info.license).toEqual(
      expect.objectContaining({ name: expect.any(String), url: expect.any(String) }),
    );
    const tags = new Set((openapi.tags as Json[]).map((tag) => tag.name));
    const untagged = operations().filter(({ operation }) => !operation.tags?.every((tag: string) => tags.has(tag)));
    expect(untagged.map(({ name }) => name)).toEqual([]);
  });

  it('gives every operation a summary, a unique camelCase operationId and its security', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(40);
    const missing = all.filter(
      ({ operation }) => !operation.summary || !/^[a-z][A-Za-z]+$/.test(operation.operationId ?? ''),
    );
    expect(missing.map(({ name }) => name)).toEqual([]);
    const ids = all.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.filter(({ operation }) => !Array.isArray(operation.security)).map(({ name }) => name)).toEqual([]);
  });

  it('documents the credentials a guarded route takes, and none on a public one', () => {
    const securityOf = (path: string, method: string) => openapi.paths[path][method].security;
    expect(securityOf('/api/live-blogs/{id}', 'get')).toEqual([]);
    expect(securityOf('/api/live-blogs/{id}/updates', 'post')).toEqual([{ bearer: [] }, { session: [] }]);
    expect(securityOf('/api/live-blogs/{id}/events', 'get')).toEqual([{ bearer: [] }, { session: [] }]);
    expect(Object.keys(openapi.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
  });

  it('describes a success body for every route, and its 4xx answers as problem details', () => {
    const withoutBody = operations().filter(({ operation }) => {
      const success = Object.entries(operation.responses as Json).filter(([status]) => status.startsWith('2'));
      return !success.some(([status, response]) => status === '204' || hasSchemas(response));
    });
    expect(withoutBody.map(({ name }) => name)).toEqual([]);
    const withoutProblems = operations().filter(({ operation }) => {
      const errors = Object.entries(operation.responses as Json).filter(([status]) => status.startsWith('4'));
      return (
        errors.length === 0 ||
        errors.some(
          ([, response]) =>
            response.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/ProblemDetails',
        )
      );
    });
    expect(withoutProblems.map(({ name }) => name)).toEqual([]);
    expect(Object.keys(openapi.components.schemas.ProblemDetails.properties)).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'errors', 'statusCode', 'error', 'message']),
    );
  });

  it('gives the feeds their own media types', () => {
    expect(Object.keys(openapi.paths['/live/{id}/feed.atom'].get.responses['200'].content)).toEqual([
      'application/atom+xml',
    ]);
    expect(Object.keys(openapi.paths['/live/{id}/feed.json'].get.responses['200'].content)).toEqual([
      'application/feed+json',
    ]);
  });

  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const file = join(folder, 'openapi.json');
    writeFileSync(file, JSON.stringify(openapi));
    const redocly = join(root, 'node_modules/.bin/redocly');
    // Run where no redocly.yaml is, as a user trying the document would: the recommended rules apply.
    const { stdout, stderr } = await promisify(execFile)(redocly, ['lint', file, '--format', 'json'], {
      cwd: folder,
    }).catch((failure: { stdout: string; stderr: string }) => failure);
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { totals: Json; problems: Json[] };
    const problems = report.problems.map((problem) => `${problem.ruleId}: ${problem.message}`);
    expect({ totals: report.totals, problems }).toEqual({
      totals: expect.objectContaining({ errors: 0, warnings: 0 }),
      problems: [],
    });
    expect(stderr).toContain('recommended');
  }, 60_000);

  it('describes what the server really answers: each body is valid against its schema', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const schemas = Object.fromEntries(
      Object.entries(openapi.components.schemas as Json).map(([name, schema]) => [name, toJsonSchema(schema)]),
    );
    ajv.addSchema({ $id: 'dateline', components: { schemas } });
    const id = 'kyrgyzstan-2010-04-08';
    const editor = bearer(t.token('editor'));
    const auditor = bearer(t.token('auditor'));
    const admin = bearer(t.token('admin'));
    const written = await t.http.post(`/api/live-blogs/${id}/updates`).set(editor).send({ kind: 'report', body: 'x' });
    await t.http
      .post(`/api/live-blogs/${id}/updates/${written.body.revision}/corrections`)
      .set(editor)
      .send({ body: 'y', reason: 'typo' });
    await t.http
      .post('/api/accounts')
      .set(admin)
      .send({ username: 'ann', displayName: 'Ann Editor', role: 'editor', password: 'a long enough password' })
      .expect(201);
    const checkpoint = (await t.http.get(`/api/live-blogs/${id}/checkpoint`)).body;
    // supertest leaves application/feed+json as text.
    const feed = await t.http.get(`/live/${id}/feed.json`).buffer(true);
    const answers: [string, string, { status: number; body: unknown }][] = [
      ['postUpdate', '201', written],
      ['listLiveBlogs', '200', await t.http.get('/api/live-blogs')],
      ['getArticle', '200', await t.http.get(`/api/live-blogs/${id}`)],
      ['getUpdates', '200', await t.http.get(`/api/live-blogs/${id}/updates?limit=5`)],
      ['getChanges', '200', await t.http.get(`/api/live-blogs/${id}/changes?afterRevision=0`)],
      ['getEvents', '200', await t.http.get(`/api/live-blogs/${id}/events?limit=5`).set(auditor)],
      ['getAsOf', '200', await t.http.get(`/api/live-blogs/${id}/as-of?revision=20&limit=5`).set(auditor)],
      ['getDiff', '200', await t.http.get(`/api/live-blogs/${id}/diff?from=0&to=39`).set(auditor)],
      ['getFiguresHistory', '200', await t.http.get(`/api/live-blogs/${id}/casualty-figures/history`).set(auditor)],
      ['getIntegrity', '200', await t.http.get(`/api/live-blogs/${id}/integrity`).set(auditor)],
      ['getCheckpoint', '200', await t.http.get(`/api/live-blogs/${id}/checkpoint`)],
      ['getCheckpointKeys', '200', await t.http.get('/.well-known/dateline-keys.json')],
      [
        'verifyCheckpoint',
        '200',
        await t.http.post(`/api/live-blogs/${id}/checkpoint/verification`).set(auditor).send(checkpoint),
      ],
      ['getEvidenceBundle', '200', await t.http.get(`/api/live-blogs/${id}/evidence?revision=3`).set(auditor)],
      ['getActivity', '200', await t.http.get(`/api/newsroom/live-blogs/${id}/activity?afterRevision=35`).set(editor)],
      ['listAccounts', '200', await t.http.get('/api/accounts').set(admin)],
      ['listWebhooks', '200', await t.http.get('/api/webhooks').set(admin)],
      ['getOEmbed', '200', await t.http.get(`/oembed?url=${encodeURIComponent(`${t.url}/live/${id}`)}`)],
      ['getJsonFeed', '200', { status: feed.status, body: JSON.parse(feed.text) }],
    ];
    const invalid = answers.flatMap(([operationId, status, answer]) => {
      const response = responseOf(operationId, status);
      const [, media] = Object.entries(response.content as Json)[0] as [string, Json];
      const schema = JSON.parse(
        JSON.stringify(toJsonSchema(media.schema)).replaceAll('"#/components', '"dateline#/components'),
      );
      const valid = answer.status === Number(status) && ajv.validate(schema, answer.body);
      return valid ? [] : [{ operationId, status: answer.status, errors: ajv.errorsText(ajv.errors) }];
    });
    expect(invalid).toEqual([]);
  });

  it("generates types (openapi-typescript) with which a --strict program reads the article's revision and title", async () => {
    const types = astToString(await openapiTS(openapi as Parameters<typeof openapiTS>[0]));
    writeFileSync(join(folder, 'dateline-api.ts'), types);
    const program = join(folder, 'reader.ts');
    writeFileSync(
      program,
      [
        "import type { operations } from './dateline-api.js';",
        "type Article = operations['getArticle']['responses'][200]['content']['application/json'];",
        'export function line(article: Article): string {',
        '  const revision: number = article.revision;',
        '  const title: string = article.title;',
        '  const first: string | undefined = article.updates[0]?.body;',
        '  // @ts-expect-error: a revision is a number, not a string',
        '  const wrong: string = article.revision;',
        "  return title + ' at revision ' + revision.toFixed(0) + ': ' + (first ?? wrong);",
        '}',
        '',
      ].join('\n'),
    );
    const compiled = ts.createProgram([program], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(compiled)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    expect(types).toMatch(/revision: number;/);
  });
  it("is what the client package's types were generated from: packages/client/src/openapi.ts is up to date", async () => {
    // When this fails, the server's API changed: `npm run client:types` regenerates the file.
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(await typesOf(openapi));
  });
});

describe('/asyncapi.json', () => {
  it('is an AsyncAPI 3.0 document that @asyncapi/parser accepts with no error or warning', async () => {
    const { body } = await t.http.get('/asyncapi.json').expect(200);
    expect(body.asyncapi).toBe('3.0.0');
    // The parser's ESM build does not load under Node's own resolver; its CommonJS build does.
    const { Parser } = require('@asyncapi/parser');
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(body));
    const serious = (diagnostics as { severity: number; message: string; path: string[] }[])
      .filter((diagnostic) => diagnostic.severity <= 1)
      .map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`);
    expect(serious).toEqual([]);
    expect(document).toBeDefined();
    expect(
      document
        .channels()
        .all()
        .map((channel: { address(): string }) => channel.address()),
    ).toEqual(['/live', '/newsroom']);
    const names = document
      .messages()
      .all()
      .map((message: { name(): string }) => message.name());
    expect(names).toEqual(
      expect.arrayContaining(['subscribe', 'unsubscribe', 'event', 'readers', 'goodbye', 'join', 'editors']),
    );
    expect(body.components.schemas.LiveErrorDetail.properties.code.enum).toEqual([
      'invalid',
      'not_found',
      'rate_limited',
      'too_many_subscriptions',
      'unavailable',
    ]);
  });
});

describe('/asyncapi.json payloads', () => {
  it('describes what the /live namespace really sends: acks, errors, events and counts match their messages', async () => {
    const { body } = await t.http.get('/asyncapi.json').expect(200);
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'sockets', components: body.components });
    const check = (message: string, payload: unknown) => {
      const schema = JSON.parse(
        JSON.stringify(body.channels.live.messages[message].payload).replaceAll(
          '"#/components',
          '"sockets#/components',
        ),
      );
      return ajv.validate(schema, payload) ? [] : [`${message}: ${ajv.errorsText(ajv.errors)}`];
    };
    const id = 'kyrgyzstan-2010-04-08';
    const fresh = await connectReader(t.url);
    const returning = await connectReader(t.url);
    try {
      const withArticle = await fresh.subscribe(id);
      const { revision: head, epoch } = withArticle as { revision: number; epoch: string };
      const withEvents = await returning.subscribe(id, { afterRevision: head - 2, epoch });
      const refused = await returning.subscribe('Not A Story');
      await t.http
        .post(`/api/live-blogs/${id}/updates`)
        .set(bearer(t.token('editor')))
        .send({ kind: 'report', body: 'Pushed to both readers' })
        .expect(201);
      await fresh.waitForRevision(head + 1);
      await waitFor(() => fresh.readers.length > 0, 15_000, 'a readers count');
      const unsubscribed = await new Promise((resolve) =>
        fresh.socket.emit('unsubscribe', { liveBlogId: id }, resolve),
      );
      expect([withArticle, withEvents, refused].map((ack) => Object.keys(ack).sort())).toEqual([
        ['article', 'epoch', 'ok', 'revision'],
        ['epoch', 'events', 'ok', 'recovered', 'revision'],
        ['error', 'ok'],
      ]);
      expect([
        ...check('subscribeAck', withArticle),
        ...check('subscribeAck', withEvents),
        ...check('subscribeAck', refused),
        ...check('event', fresh.events[0]),
        ...check('readers', fresh.readers[0]),
        ...check('unsubscribeAck', unsubscribed),
        ...check('subscribe', { liveBlogId: id, afterRevision: head }),
      ]).toEqual([]);
      // The schemas are strict enough to refuse what the server never sends.
      expect(check('event', { ...fresh.events[0], revision: 'one' })).not.toEqual([]);
    } finally {
      fresh.close();
      returning.close();
    }
  });
});

function hasSchemas(response: Json): boolean {
  const media = Object.values((response.content ?? {}) as Json);
  return media.length > 0 && media.every((each) => each.schema && (each.schema.$ref || each.schema.type));
}

function responseOf(operationId: string, status: string): Json {
  const found = operations().find(({ operation }) => operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found.operation.responses[status];
}
