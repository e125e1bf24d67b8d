/**
 * P4's and P4b's baseline: bare Fastify serving the article's (or the reader page's) bytes from
 * memory with the very headers Dateline sent with them (security headers, ETag, Cache-Control,
 * type), and the same 304 on If-None-Match: the same bytes on the wire, none of the work. Started
 * by bench/article.ts and bench/reader-page.ts as a process of its own: argv[2] is a JSON file of
 * { body, headers, path? } (path: the route, the article's by default).
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const { body, headers, path } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as {
  body: string;
  headers: Record<string, string>;
  path?: string;
};
const bytes = Buffer.from(body);
const { 'content-type': type, ...common } = headers;
const app = Fastify();
app.get(path ?? '/api/live-blogs/:id', (request, reply) => {
  reply.headers(common);
  if (request.headers['if-none-match'] === common.etag) return reply.code(304).send();
  return reply.type(type!).send(bytes);
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.(url);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
