import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME, COOKIE_SCHEME } from './auth/index.js';
import { APP_CONFIG, type AppConfig } from './config/index.js';

/** The one version of the HTTP and socket APIs the documents describe. */
export const API_VERSION = '1';

const TAGS: readonly (readonly [string, string])[] = [
  ['readers', 'Public: the article, its updates page by page, the change feed, feeds and oEmbed (DESIGN §4, §4c)'],
  ['editors', 'Writes by editors; each answers 201 with the new revision as ETag (DESIGN §4)'],
  ['newsroom', "The editors' console: who wrote what (DESIGN §4)"],
  ['auditors', 'The stored history, past states, diffs, figures and the hash chain (DESIGN §4)'],
  ['proof', 'Signed checkpoints, their keys, verification and evidence bundles (DESIGN §4b)'],
  ['admins', 'Lawful redaction (DESIGN §3a)'],
  ['accounts', 'Accounts for signing in, managed by admins (DESIGN §6a)'],
  ['webhooks', 'Standard Webhooks endpoints, managed by admins (DESIGN §4d)'],
  ['questions', "Readers' questions to the desk, answered in the story by editors (DESIGN §4e)"],
  ['push', "Web Push: follow a story's key events and breaking news (DESIGN §4f)"],
];

/**
 * The OpenAPI document of the HTTP API, generated from the controllers, their DTOs and response
 * classes (served at /docs-json, browsable at /docs). Security comes from @Roles (the guard's own
 * metadata): a route without it is public and says so with an empty `security`.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = app.get<AppConfig>(APP_CONFIG);
  const builder = new DocumentBuilder()
    .setTitle('Dateline')
    .setDescription(
      'Event-sourced live blogs: readers, editors and auditors (docs/design.md §4). Errors are RFC 9457 ' +
        'problem details (`application/problem+json`). The socket API is described by the AsyncAPI document ' +
        'at /asyncapi.json.',
    )
    .setVersion(API_VERSION)
    .setLicense(
      'UNLICENSED (not licensed for use by others)',
      'https://docs.npmjs.com/cli/configuring-npm/package-json#license',
    )
    .addServer(
      config.operations.publicUrl ?? '/',
      config.operations.publicUrl ? 'this site' : 'the site serving this document',
    )
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'an API token (`npm run token`) or a session token',
      },
      BEARER_SCHEME,
    )
    .addCookieAuth(
      'dateline_session',
      {
        type: 'apiKey',
        in: 'cookie',
        description: 'the session of an account signed in at /signin; writes also need the X-CSRF-Token header',
      },
      COOKIE_SCHEME,
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build());
  for (const operation of operationsOf(document)) {
    // Public routes say so; @Roles on a class and on its routes may name a scheme twice.
    operation.security = unique(operation.security ?? []);
    const responses = operation.responses as Record<string, { description: string; content?: unknown }>;
    for (const [status, response] of Object.entries(responses)) {
      // Nest adds an empty 200 to a PUT or DELETE whose own answer (a 201, a 204) is described at the class.
      const placeholder = response.description === '' && !response.content;
      if (placeholder && Object.keys(responses).some((other) => other !== status && other.startsWith('2'))) {
        delete responses[status];
        continue;
      }
      // The same status described twice (a controller's list and @Roles both name 401) joins its descriptions.
      response.description = unique(response.description.split('\n\n')).join('\n\n');
    }
  }
  return document;
}

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

function operationsOf(document: OpenAPIObject): Operation[] {
  const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
  return Object.values(document.paths).flatMap((path) => methods.flatMap((method) => path[method] ?? []));
}

function unique<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
