import { escapeIdentifier, type Pool, type PoolClient } from 'pg';

/**
 * Holds one connection that LISTENs for the store's append notifications and calls `onNotify`.
 * A broken connection is dropped and opened again at the next `ensure`; every (re)connect also
 * calls `onNotify`, because anything appended while nobody listened must be read now.
 */
export class Listener {
  private client: PoolClient | undefined;
  private connecting: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly pool: Pool,
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
    const client = await this.pool.connect();
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.onNotify();
    });
    client.on('error', (error) => {
      if (this.client === client) this.client = undefined;
      client.release(error);
      this.onNotify();
    });
    try {
      await client.query(`LISTEN ${escapeIdentifier(this.channel)}`);
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    if (this.closed) {
      client.release(true);
      return;
    }
    this.client = client;
    this.onNotify();
  }

  /** Stops listening and gives the connection up (it is not reused: it still holds LISTEN state). */
  async close(): Promise<void> {
    this.closed = true;
    await this.connecting;
    this.client?.release(true);
    this.client = undefined;
  }
}
