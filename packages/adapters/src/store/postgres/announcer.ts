import type { Pool } from 'pg';

/**
 * Tells other processes' subscribers that something was appended, without slowing appends down.
 * PostgreSQL serializes the commits of every transaction that notifies, cluster-wide, and each
 * notification is a transaction of its own with a commit to flush. So the NOTIFY is not part of
 * an append: after an append commits, one `pg_notify` goes out on its own, and appends that
 * finish while it is on its way, or within `gapMs` after it, share the next one. A busy process
 * sends at most about 1000 / `gapMs` notifications a second however fast it appends; a quiet one
 * notifies at once. Subscribers poll as well, so a lost notification only costs latency.
 */
export class Announcer {
  private busy: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly pool: Pool,
    private readonly channel: string,
    private readonly gapMs = 20,
  ) {}

  /** Announces appends made up to now (soon, shared with other announcements). */
  announce(): void {
    if (this.busy !== undefined) {
      this.again = true;
      return;
    }
    this.busy = this.send().finally(() => {
      this.busy = undefined;
      if (this.again) {
        this.again = false;
        this.announce();
      }
    });
  }

  private async send(): Promise<void> {
    await this.pool.query('SELECT pg_notify($1, $2)', [this.channel, '']).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, this.gapMs));
  }

  /** Resolves once no announcement is on its way (before the pool is ended). */
  async settle(): Promise<void> {
    while (this.busy !== undefined) await this.busy;
  }
}
