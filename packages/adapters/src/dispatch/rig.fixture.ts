// For the dispatcher tests: an in-memory store, mailer and checkpoint store on a virtual clock,
// meetings to schedule, and readers of what the store recorded.
import { aGuest, aHost, recorded, scheduleMeeting } from '@rendezvous/domain/testing';
import { isDeliveryEvent, meetingStream, type DeliveryEvent, type DomainEvent, type ScheduleMeeting } from '@rendezvous/domain';
import { createRenderer } from '@rendezvous/notifications';
import { createVirtualClock, type VirtualClock } from '../clock';
import { createInMemoryMailer, type InMemoryMailer } from '../mail/memory/in-memory-mailer';
import { createInMemoryEventStore, type InMemoryEventStore } from '../store/memory';
import { createInMemoryCheckpointStore } from './checkpoints/memory';
import type { CheckpointStore } from './checkpoints/port';
import { createDispatcher, type Dispatcher } from './dispatcher';
import type { DispatcherOptions } from './options';
import type { DispatchLogEntry } from './report';

/** Scheduled 2026-03-01 09:00Z; the meeting starts 2026-03-02 09:00Z, so starts-soon is due 08:00Z. */
export const times = {
  scheduledAt: '2026-03-01T09:00:00Z',
  startsSoonDue: '2026-03-02T08:00:00Z',
  start: '2026-03-02T09:00:00Z',
} as const;

/** The MeetingScheduled of meeting `id` with `guests` guests (g-1...), host u-1. */
export function scheduled(id: string, guests = 1, overrides: Partial<ScheduleMeeting> = {}): DomainEvent {
  return recorded(
    scheduleMeeting({
      meetingId: id,
      now: times.scheduledAt,
      start: times.start,
      host: aHost(),
      guests: Array.from({ length: guests }, (_, i) => aGuest({ guestId: `g-${i + 1}`, name: `Guest ${i + 1}`, email: `guest-${i + 1}@example.com` })),
      ...overrides,
    }),
  );
}

/** Everything a dispatcher test works with. */
export interface Rig {
  readonly store: InMemoryEventStore;
  readonly mailer: InMemoryMailer;
  readonly clock: VirtualClock;
  readonly checkpoints: CheckpointStore;
  readonly logs: DispatchLogEntry[];
  /** A dispatcher on this rig (options override the rig's parts). */
  dispatcher(overrides?: Partial<DispatcherOptions>): Dispatcher;
  /** Appends facts to their meeting streams. */
  append(...events: DomainEvent[]): Promise<void>;
  /** The delivery events of one email, in order. */
  deliveries(key: string): Promise<DeliveryEvent[]>;
  /** Keys of the emails the mailer accepted, in order (duplicates kept). */
  sentKeys(): string[];
}

/** A fresh rig with the clock at `start`. */
export function rig(start: string = times.scheduledAt): Rig {
  const store = createInMemoryEventStore();
  const clock = createVirtualClock(start);
  const mailer = createInMemoryMailer({ now: () => new Date(clock.now()) });
  const checkpoints = createInMemoryCheckpointStore();
  const renderer = createRenderer({ linkSecret: 'dispatcher-test-secret' });
  const logs: DispatchLogEntry[] = [];
  return {
    store,
    mailer,
    clock,
    checkpoints,
    logs,
    dispatcher: (overrides = {}) =>
      createDispatcher({
        store,
        mailer,
        renderer,
        clock,
        checkpoints,
        dispatcherId: 'd-1',
        leaseMs: 60_000,
        retry: { baseDelayMs: 1_000, maxDelayMs: 60_000, random: () => 0.5 },
        sendTimeoutMs: 200,
        storeTimeoutMs: 200,
        log: (entry) => logs.push(entry),
        ...overrides,
      }),
    async append(...events) {
      for (const event of events) {
        if (!('meetingId' in event.data)) throw new Error('rig.append: meeting events only');
        await store.append(meetingStream(event.data.meetingId), [event], { kind: 'any' });
      }
    },
    async deliveries(key) {
      const found: DeliveryEvent[] = [];
      for await (const { event } of store.readAll()) if (isDeliveryEvent(event) && event.data.idempotencyKey === key) found.push(event);
      return found;
    },
    sentKeys: () => mailer.sent().map((s) => s.email.idempotencyKey),
  };
}
