import { isDeliveryEvent } from '@rendezvous/domain';
import type { EventStore, StoredEvent } from '../store/port';
import { withDeadline } from './deadline';
import { Ledger } from './ledger';

/**
 * The delivery records of the emails being worked on, read from their delivery streams when a
 * meeting is folded (never the whole log), and kept up to date with this dispatcher's own
 * appends and with the re-reads after a lost race.
 */
export class Deliveries {
  readonly ledger = new Ledger();

  /** Reads delivery streams from the start (or from where this ledger stands). Rejects when a read fails or takes longer than `timeoutMs`. */
  async load(store: EventStore, streamIds: Iterable<string>, timeoutMs: number): Promise<void> {
    await Promise.all([...new Set(streamIds)].map((streamId) => withDeadline(this.read(store, streamId), timeoutMs, `reading ${streamId}`)));
  }

  /** Folds delivery records this dispatcher appended itself (ending at `lastVersion`). */
  recordOwn(streamId: string, lastVersion: number, events: readonly StoredEvent['event'][]): void {
    events.forEach((event, i) => {
      if (isDeliveryEvent(event)) this.ledger.apply(streamId, lastVersion - events.length + 1 + i, event);
    });
  }

  /** Reads a delivery stream again (after a lost race) so the ledger knows who holds what; a failed read changes nothing. */
  async refresh(store: EventStore, streamId: string, timeoutMs: number): Promise<void> {
    await withDeadline(this.read(store, streamId), timeoutMs, `reading ${streamId}`).catch(() => undefined);
  }

  private async read(store: EventStore, streamId: string): Promise<void> {
    for await (const stored of store.readStream(streamId, { fromVersion: (this.ledger.version(streamId) ?? -1) + 1 })) {
      if (isDeliveryEvent(stored.event)) this.ledger.apply(streamId, stored.version, stored.event);
    }
  }
}
