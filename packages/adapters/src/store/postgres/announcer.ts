import type { Pool } from 'pg';

/**
 * Tells other processes' subscribers that something was appended, without slowing appends down.
 * PostgreSQL serializes the commits of every transaction that notifies, cluster-wide, so the
 * NOTIFY is not part of an append: after an append commits, one `pg_notify` goes out on its own,
 * and appends that finish while it is on its way share the next one. A process sends at most one
 * notification at a time, however many appends it makes. Subscribers poll as well, so a lost
 * notification only costs latency.
 */
export class Announcer {
  private inFlight: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
  ) {}

  /** Announces appends made up to now (soon, shared with other announcements). */
  announce(): void {
    if (this.inFlight !== undefined) {
      this.again = true;
      return;
    }
    this.inFlight = this.send().finally(() => {
      this.inFlight = undefined;
      if (this.again) {
        this.again = false;
        this.announce();
      }
    });
  }

  private async send(): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']).catch(() => undefined);
  }

  /** Resolves once no announcement is on its way (before the pool is ended). */
  async settle(): Promise<void> {
    while (this.inFlight !== undefined) await this.inFlight;
  }
}
