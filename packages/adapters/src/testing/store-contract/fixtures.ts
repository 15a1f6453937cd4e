import type { DomainEvent } from '@rendezvous/domain';
import type { EventStore, StoredEvent } from '../../store/port';
import type { SerializedEvent } from '../../store/serializer';

/** What a store factory hands the contract kit for one test. */
export interface StoreUnderTest {
  /** A store over empty storage. */
  readonly store: EventStore;
  /** Closes the store and removes its storage. */
  teardown(): Promise<void>;
  /**
   * Optional: writes an already-serialized record as is at the stream's next version, bypassing
   * the serializer, so the kit can plant a record that does not decode. Tests needing it pass
   * vacuously when it is absent.
   */
  writeRaw?(streamId: string, record: SerializedEvent): Promise<void>;
  /**
   * Optional: starts appending `events` to `streamId` (any version) and holds that append in
   * flight, uncommitted, once it has taken what an append takes before committing (its place in
   * the global order, its locks), until `commit()`. Resolves once it is held. The late-commit
   * test uses it to check that readers never step over such an append; without it, that test
   * only checks appends that run side by side.
   */
  holdAppend?(streamId: string, events: readonly DomainEvent[]): Promise<HeldAppend>;
}

/** An append a test holds in flight; `commit` lets it finish and resolves once it has. */
export interface HeldAppend {
  /** Lets the held append commit; resolves once it has. */
  commit(): Promise<void>;
}

/** Builds a fresh store for each test of the contract kit. */
export type StoreFactory = () => Promise<StoreUnderTest>;

/** Gives a test the store built for it. */
export type Subject = () => StoreUnderTest;

const at = '2026-03-02T09:00:00Z';

/** A valid MeetingStarted event. */
export function started(meetingId: string): DomainEvent {
  return { type: 'MeetingStarted', occurredAt: at, data: { meetingId } };
}

/** A valid MeetingEnded event. */
export function ended(meetingId: string): DomainEvent {
  return { type: 'MeetingEnded', occurredAt: at, data: { meetingId } };
}

/** A valid GuestInvited event for guest number `n`. */
export function invited(meetingId: string, n: number): DomainEvent {
  return {
    type: 'GuestInvited',
    occurredAt: at,
    data: { meetingId, guest: { guestId: `g-${n}`, name: `Guest ${n}`, email: `guest-${n}@example.com` } },
  };
}

/** `count` valid GuestInvited events numbered from `from`. */
export function invitations(meetingId: string, count: number, from = 0): DomainEvent[] {
  return Array.from({ length: count }, (_, i) => invited(meetingId, from + i));
}

/** Reads an async iterable to the end. */
export async function collect<A>(iterable: AsyncIterable<A>): Promise<A[]> {
  const items: A[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** What a test compares: where each event sits. */
export function coordinates(events: readonly StoredEvent[]): string[] {
  return events.map((e) => `${e.streamId}@${e.version}`);
}

/** Asserts positions strictly increase. */
export function expectIncreasingPositions(events: readonly StoredEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    const previous = (events[i - 1] as StoredEvent).position;
    const current = (events[i] as StoredEvent).position;
    if (current <= previous) throw new Error(`position ${current} at index ${i} does not follow ${previous}`);
  }
}

/** Resolves after `ms` milliseconds. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Settles like `promise`, or rejects saying `what` did not happen within `ms`. */
export function within<A>(promise: Promise<A>, ms: number, what: string): Promise<A> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A subscription handler that records events and lets a test wait for a count. */
export class Collector {
  readonly events: StoredEvent[] = [];
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  readonly handler = (stored: StoredEvent): void => {
    this.events.push(stored);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i] as { count: number; resolve: () => void };
      if (this.events.length < waiter.count) continue;
      this.waiters.splice(i, 1);
      waiter.resolve();
    }
  };

  /** Resolves once `count` events arrived; rejects after `timeoutMs` saying how many did. */
  until(count: number, timeoutMs = 5000): Promise<StoredEvent[]> {
    if (this.events.length >= count) return Promise.resolve(this.events);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${count} events, got ${this.events.length}`)), timeoutMs);
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.events);
        },
      });
    });
  }
}
