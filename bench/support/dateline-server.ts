/** Dateline with the reference story, forked by the push figures; tells its parent its URL over IPC. */
import { serveForBench } from './bench-server.js';

await serveForBench('fastify');
