import type { ClientConfig } from 'pg';
import { Client, escapeIdentifier } from '../../peers/pg';

/**
 * Holds one connection that LISTENs for the store's append notifications and calls `onNotify`.
 * It is a connection of its own, outside the pool: a small pool must never have its only slot
 * taken by a listener while subscribers wait for it to read. A broken connection is dropped
 * and opened again at the next `ensure`; every (re)connect also calls `onNotify`, because
 * anything appended while nobody listened must be read now.
 */
export class Listener {
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onNotify: () => void,
  ) {}

  /** Starts listening unless already listening or connecting; errors wait for the next call. */
  ensure(): void {
    if (this.closed || this.client !== undefined || this.connecting !== undefined) return;
    this.connecting = this.connect()
      .catch(() => undefined)
      .finally(() => (this.connecting = undefined));
  }

  private async connect(): Promise<void> {
    const client = new Client(this.config);
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.onNotify();
    });
    client.on('error', () => {
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      this.onNotify();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${escapeIdentifier(this.channel)}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.onNotify();
  }

  /** Stops listening and closes the connection. */
  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
