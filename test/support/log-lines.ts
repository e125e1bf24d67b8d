import type { DestinationStream } from 'pino';

/** A pino destination that keeps every line the app logs, parsed, and the raw text for searches. */
export class LogLines implements DestinationStream {
  readonly lines: Record<string, unknown>[] = [];
  private raw = '';

  write(line: string): void {
    this.raw += line;
    for (const text of line.split('\n')) if (text.trim() !== '') this.lines.push(JSON.parse(text));
  }

  get text(): string {
    return this.raw;
  }

  /** The access log line of the request with this id (its X-Request-Id), once it has been written. */
  async requestLine(requestId: string, timeoutMs = 2000): Promise<AccessLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.lines.find(
        (entry) => (entry.req as { id?: unknown } | undefined)?.id === requestId && 'res' in entry,
      );
      if (line) return line as unknown as AccessLine;
      if (Date.now() > deadline) throw new Error(`no access log line for request ${requestId}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

export interface AccessLine {
  readonly level: number;
  readonly msg: string;
  readonly req: { readonly id: string; readonly method: string; readonly url: string };
  readonly res: { readonly statusCode: number };
  readonly route: string | null;
  readonly responseTime: number;
  readonly author?: { readonly id: string; readonly name: string; readonly role: string };
}
