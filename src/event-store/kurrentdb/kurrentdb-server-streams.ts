import { randomUUID } from 'node:crypto';
import {
  jsonEvent,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type KurrentDBClient,
  type ReadStreamOptions,
} from '@kurrent/kurrentdb-client';

/** The records of one server stream; a stream that does not exist reads as empty, as the port says. */
export async function readServerStream(client: KurrentDBClient, serverStream: string, options?: ReadStreamOptions) {
  const records = [];
  try {
    for await (const resolved of client.readStream(serverStream, options)) {
      if (resolved.event) records.push(resolved.event);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return records;
}

/** The first event of the epoch stream wins: a second node starting at once finds it and reads it back. */
export async function readOrCreateEpoch(client: KurrentDBClient, stream: string): Promise<string> {
  const read = async () => {
    const [first] = await readServerStream(client, stream, { maxCount: 1 });
    const epoch = (first?.data as { epoch?: unknown } | undefined)?.epoch;
    return typeof epoch === 'string' ? epoch : null;
  };
  const existing = await read();
  if (existing) return existing;
  try {
    await client.appendToStream(stream, jsonEvent({ type: 'StoreCreated', data: { epoch: randomUUID() } }), {
      streamState: NO_STREAM,
    });
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
  }
  const epoch = await read();
  if (!epoch) throw new Error(`stream ${stream} holds no epoch`);
  return epoch;
}
