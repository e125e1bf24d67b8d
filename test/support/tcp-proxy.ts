import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy to a real server, for cutting one app's connection to it without touching the
 * server (other tests use it): `refuse` closes every connection and the port, `blackhole` keeps
 * the connections and the port open but carries no byte either way, `restore` forwards again.
 */
export class TcpProxy {
  private server: Server;
  private readonly pairs = new Set<{ client: Socket; upstream?: Socket }>();
  private mode: 'forward' | 'blackhole' = 'forward';
  port = 0;

  private constructor(private readonly target: { host: string; port: number }) {
    this.server = this.newServer();
  }

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target);
    await proxy.listen();
    return proxy;
  }

  /** Connections are reset and new ones refused (the port is closed). */
  async refuse(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Every byte is held: queries on open connections and new connections wait forever. */
  blackhole(): void {
    this.mode = 'blackhole';
    for (const pair of this.pairs) {
      if (pair.upstream) {
        pair.client.unpipe(pair.upstream);
        pair.upstream.unpipe(pair.client);
        pair.client.pause();
        pair.upstream.pause();
      }
    }
  }

  /** Forwards again: connections held by a blackhole are reset; a closed port is opened again. */
  async restore(): Promise<void> {
    if (this.mode === 'blackhole') this.dropAll();
    this.mode = 'forward';
    if (!this.server.listening) {
      this.server = this.newServer();
      await this.listen(this.port);
    }
  }

  async close(): Promise<void> {
    this.dropAll();
    if (this.server.listening) await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private newServer(): Server {
    return createServer((client) => {
      const pair: { client: Socket; upstream?: Socket } = { client };
      this.pairs.add(pair);
      client.on('error', () => undefined);
      client.on('close', () => {
        pair.upstream?.destroy();
        this.pairs.delete(pair);
      });
      if (this.mode === 'blackhole') return client.pause();
      const upstream = createConnection(this.target);
      pair.upstream = upstream;
      upstream.on('error', () => client.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
    });
  }

  private async listen(port = 0): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as { port: number }).port;
  }

  private dropAll(): void {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream?.destroy();
    }
    this.pairs.clear();
  }
}
