/**
 * The projection both readers build: events by type and bookings by account, plus the
 * checkpoint. Small and bounded on purpose, so any growth in memory is the reader's own.
 */
export class Tally {
  readonly byType = new Map<string, number>();
  readonly bookingsByAccount = new Map<string, number>();
  events = 0;
  checkpoint = 0n;

  apply(position: bigint, type: string, data: unknown): void {
    this.events += 1;
    this.checkpoint = position;
    this.byType.set(type, (this.byType.get(type) ?? 0) + 1);
    if (type === 'MeetingScheduled') {
      const account = (data as { accountId: string }).accountId;
      this.bookingsByAccount.set(account, (this.bookingsByAccount.get(account) ?? 0) + 1);
    }
  }

  /** A fingerprint to compare two readers' results. */
  summary(): string {
    const sorted = (m: Map<string, number>): string => [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',');
    return `${this.events}@${this.checkpoint} ${sorted(this.byType)} ${sorted(this.bookingsByAccount)}`;
  }
}
