import { randomUUID } from 'node:crypto';
import {
  jsonEvent,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type KurrentDBClient,
  type ReadStreamOptions,
} from '@kurrent/kurrentdb-client';
import type { StoreEpochs } from '../store-epochs.js';

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

/**
 * The store's epochs: each event of the epoch stream names one, the last is the current one. The
 * first is written with `no_stream`, so of two nodes starting at once one wins and both read it
 * back; a new epoch (`newEpoch`, after a restore) is appended at the revision read.
 */
export async function readOrCreateEpochs(
  client: KurrentDBClient,
  stream: string,
  newEpoch = false,
): Promise<StoreEpochs> {
  const read = async () => {
    const records = await readServerStream(client, stream);
    return records
      .map((record) => (record.data as { epoch?: unknown } | undefined)?.epoch)
      .filter((epoch): epoch is string => typeof epoch === 'string');
  };
  let epochs = await read();
  const renewing = epochs.length > 0 && newEpoch;
  if (epochs.length === 0 || renewing) {
    const type = renewing ? 'StoreEpochRenewed' : 'StoreCreated';
    try {
      await client.appendToStream(stream, jsonEvent({ type, data: { epoch: randomUUID() } }), {
        streamState: renewing ? BigInt(epochs.length - 1) : NO_STREAM,
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    epochs = await read();
  }
  const epoch = epochs.at(-1);
  if (!epoch) throw new Error(`stream ${stream} holds no epoch`);
  return { epoch, earlierEpochs: epochs.slice(0, -1) };
}
