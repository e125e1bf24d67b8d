import { request, type Answer } from './fault-node.js';

/** A write the server answered 201: the revision it gave, and the id its events must carry. */
export interface Acknowledged {
  readonly correlationId: string;
  readonly revision: number;
  readonly command: string;
}

export interface BurstLog {
  readonly acknowledged: Acknowledged[];
  /** Writes sent and never answered: the node died under them (committed or not, both are fine). */
  unanswered: number;
  /** Answers other than 201, by status (a 409 when five concurrent retries all lost, for example). */
  readonly refused: Map<number, number>;
}

export const newBurstLog = (): BurstLog => ({ acknowledged: [], unanswered: 0, refused: new Map() });

interface Write {
  readonly command: string;
  readonly method: 'POST' | 'PUT';
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/**
 * One editor writing as fast as the node answers until it stops answering: mostly new updates, and
 * corrections and retractions of its own earlier ones, casualty figures and places, each with its
 * own X-Correlation-Id (stored on every event the write appends) and Idempotency-Key.
 */
export async function editUntilGone(
  storyUrl: string,
  token: string,
  name: string,
  log: BurstLog,
  stopped: () => boolean,
): Promise<void> {
  const mine: string[] = [];
  for (let index = 0; !stopped(); index++) {
    const correlationId = `${name}-${index}`;
    const write = nextWrite(correlationId, index, mine);
    let answer: Answer;
    try {
      answer = await request(`${storyUrl}${write.path}`, write.method, token, write.body, {
        'X-Correlation-Id': correlationId,
        'Idempotency-Key': correlationId,
      });
    } catch {
      log.unanswered++;
      return;
    }
    if (answer.status !== 201) {
      log.refused.set(answer.status, (log.refused.get(answer.status) ?? 0) + 1);
      continue;
    }
    log.acknowledged.push({ correlationId, revision: answer.body.revision as number, command: write.command });
    if (write.command === 'post') mine.push(correlationId);
    if (write.command === 'retract') mine.splice(mine.indexOf(write.path.split('/')[2]!), 1);
  }
}

function nextWrite(id: string, index: number, mine: readonly string[]): Write {
  const earlier = mine[index % Math.max(mine.length, 1)];
  if (earlier && index % 7 === 3) {
    return {
      command: 'retract',
      method: 'POST',
      path: `/updates/${earlier}/retraction`,
      body: { reason: `Retracted by ${id}` },
    };
  }
  if (earlier && index % 5 === 2) {
    return {
      command: 'correct',
      method: 'POST',
      path: `/updates/${earlier}/corrections`,
      body: { body: `Corrected by ${id}`, reason: 'a name was misspelt' },
    };
  }
  if (index % 11 === 6) {
    return {
      command: 'figures',
      method: 'POST',
      path: '/casualty-figures',
      body: { dead: { count: index, qualifier: 'exact' }, source: `Source ${id}` },
    };
  }
  if (index % 13 === 9) {
    return { command: 'place', method: 'PUT', path: `/locations/Place-${index % 3}`, body: { status: `Status ${id}` } };
  }
  return {
    command: 'post',
    method: 'POST',
    path: '/updates',
    body: { kind: 'report', body: `Post ${id}`, updateId: id },
  };
}
