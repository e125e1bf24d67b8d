// A writer of multi-event batches straight through the EventStore port (the adapter EVENT_STORE
// names, as built in dist/), for test/faults/crash.spec.ts: no command of the app appends several
// events today, so this is what shows whether a SIGKILL can leave a batch half-written. It appends
// batches of 2 to 5 events to one stream as fast as the store takes them and prints
// "<batch> <first revision>" for each append the store acknowledged. Arguments: stream, batch prefix.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';

const dist = (path) => new URL(`../../../dist/${path}`, import.meta.url).href;
const { loadConfig } = await import(dist('config/config.js'));
const { openEventStore } = await import(dist('event-store/event-store.module.js'));

const [stream, prefix] = process.argv.slice(2);
const store = await openEventStore(loadConfig(process.env));
for (let index = 0; ; index++) {
  const batch = `${prefix}-${index}`;
  const size = 2 + (index % 4);
  const events = Array.from({ length: size }, (_, part) => ({
    eventId: randomUUID(),
    type: 'BatchPart',
    data: { batch, part, size },
    metadata: {},
  }));
  const result = await store.append(stream, events, { expectedRevision: 'any' });
  process.stdout.write(`${batch} ${result.nextRevision - size}\n`);
}
