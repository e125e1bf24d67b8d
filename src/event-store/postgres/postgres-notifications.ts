import { Client, type ClientConfig } from 'pg';
import { Subject, type Observable } from 'rxjs';

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5000;

/**
 * One LISTEN connection shared by every subscriber of a store. Notifications only wake the
 * subscribers, which then read the table: one lost while the connection is down costs latency,
 * never an event. On a drop it reconnects with backoff and wakes everyone once it listens again.
 */
export class PostgresNotifications {
  private readonly wakes = new Subject<void>();
  private client: Client | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private started = false;
  private stopped = false;

  constructor(
    private readonly connection: ClientConfig,
    private readonly channel: string,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Wakes on every notification on the channel, and after each reconnect. Starts listening on first use. */
  get wakeUps(): Observable<void> {
    if (!this.started) {
      this.started = true;
      void this.connect();
    }
    return this.wakes;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.wakes.complete();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client(this.connection);
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client));
    client.on('notification', () => this.wakes.next());
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch (error) {
      this.dropped(client, error as Error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
    // Appends that committed while no connection listened announced themselves to nobody.
    this.wakes.next();
  }

  /** Called once per failure of a connection: forgets it and tries again later. */
  private dropped(client: Client, error?: Error): void {
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.client === client) this.client = null;
    if (this.stopped || this.retryTimer) return;
    if (error) this.onError(error);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}
