import * as E from 'fp-ts/Either';
import { EventStoreDBClient } from '@eventstore/db-client';
import { encodeEvent, erasedText, isErasedEmail, type DomainEvent, type EventOf } from '@rendezvous/domain';
import { replay, type ReplayedEmail } from '@rendezvous/notifications';
import { createEventStoreDbStore } from '@rendezvous/adapters/eventstoredb';
import { createInMemoryEventStore, type EventStore } from '@rendezvous/adapters';
import { startInProcessEventStoreDb } from '../testing/esdb-server';
import { createEncryptingSerializer } from './encrypting-serializer';
import { createInMemoryKeyStore } from './memory-keys';
import type { KeyStore } from './keys';
import { eraseSubject } from './rights';
import { sampleHistory, sampleScheduled } from './samples';

// An erased guest stays a guest of their meetings, so replaying a history must still work; their
// address reads back as an `.invalid` marker, and planning must send it nothing.

const gus = ['Gus Guest', 'Gus@Example.com', 'gus@example.com', '+31 6 5555 0101'];

/** What each person is sent when nobody is erased (the replay's own rules, checked in notifications). */
const gusBefore = [
  '2026-03-01T09:00:00Z meeting-scheduled guest m-1',
  '2026-03-01T10:00:00Z meeting-rescheduled guest m-1',
  '2026-03-03T08:00:00Z meeting-starts-soon guest m-1',
  '2026-03-03T09:40:00Z wrap-up guest m-1',
  '2026-03-04T09:00:00Z meeting-scheduled guest m-2',
  '2026-03-05T09:00:00Z meeting-cancelled guest m-2',
];
const hannaLines = [
  '2026-03-01T09:00:00Z meeting-scheduled user m-1',
  '2026-03-01T10:00:00Z meeting-rescheduled user m-1',
  '2026-03-03T08:00:00Z meeting-starts-soon user m-1',
  '2026-03-04T09:00:00Z meeting-scheduled user m-2',
  '2026-03-05T09:00:00Z meeting-cancelled user m-2',
];
// Gus reviewed before his review request was due, so only Greta gets one.
const gretaLines = [
  '2026-03-01T09:00:00Z meeting-scheduled guest m-1',
  '2026-03-01T10:00:00Z meeting-rescheduled guest m-1',
  '2026-03-03T08:00:00Z meeting-starts-soon guest m-1',
  '2026-03-03T09:40:00Z wrap-up guest m-1',
  '2026-03-03T10:30:00Z review guest m-1',
  '2026-03-04T09:00:00Z meeting-scheduled guest m-2',
  '2026-03-05T09:00:00Z meeting-cancelled guest m-2',
];

/** Meeting m-1 as in the samples (Gus, Greta, later Ivo; rescheduled, held, reviewed), then m-2 with Gus and Greta, cancelled. */
function history(): { streamId: string; events: DomainEvent[] }[] {
  const base = sampleScheduled('m-2');
  const m2: EventOf<'MeetingScheduled'> = {
    ...base,
    occurredAt: '2026-03-04T09:00:00Z',
    data: { ...base.data, start: '2026-03-06T09:00:00Z', description: 'Follow-up' },
  };
  return [
    { streamId: 'meeting-m-1', events: sampleHistory('m-1') },
    { streamId: 'meeting-m-2', events: [m2, { type: 'MeetingCancelled', occurredAt: '2026-03-05T09:00:00Z', data: { meetingId: 'm-2', reason: 'Hanna is away', by: 'user' } }] },
  ];
}

/** The records a history file would hold, read back through the store: what a replay gets. */
async function records(store: EventStore): Promise<unknown[]> {
  const read: unknown[] = [];
  for await (const { event } of store.readAll()) read.push(encodeEvent(event));
  return read;
}

function replayed(records: readonly unknown[]): ReplayedEmail[] {
  const result = replay(records);
  if (E.isLeft(result)) throw new Error(result.left.message);
  return result.right;
}

/** One line per email to `address` (case-insensitive): when, which, to whom. */
const linesTo = (emails: readonly ReplayedEmail[], address: string): string[] =>
  emails.filter((e) => [...e.to, ...e.bcc].some((to) => to.toLowerCase() === address)).map((e) => `${e.sentAt} ${e.notification} ${e.audience} ${e.meetingId}`);

interface Opened {
  readonly store: EventStore;
  close(): Promise<void>;
}

const stores: [string, (keyStore: KeyStore) => Promise<Opened>][] = [
  ['in-memory store', async (keyStore) => {
    const store = createInMemoryEventStore({ serializer: createEncryptingSerializer({ keyStore }) });
    return { store, close: () => store.close() };
  }],
  ['EventStoreDB store', async (keyStore) => {
    const server = await startInProcessEventStoreDb();
    const store = createEventStoreDbStore({ client: EventStoreDBClient.connectionString(server.url), serializer: createEncryptingSerializer({ keyStore }) });
    return { store, close: async () => { await store.close(); await server.stop(); } };
  }],
];

describe.each(stores)('replaying a history with an erased guest, read from the %s', (_name, open) => {
  let keyStore: KeyStore;
  let opened: Opened;
  beforeEach(async () => {
    keyStore = createInMemoryKeyStore();
    opened = await open(keyStore);
    // In the order the events happened, so readAll returns them in time order, as a replay needs.
    for (const { streamId, events } of history()) await opened.store.append(streamId, events, { kind: 'noStream' });
  });
  afterEach(async () => opened.close());

  it('before the erasure, emails the guest like everyone else (so the test below can fail)', async () => {
    const emails = replayed(await records(opened.store));
    expect(linesTo(emails, 'gus@example.com')).toEqual(gusBefore);
  });

  it('after it, still runs, sends the guest nothing, and sends everyone else what they had', async () => {
    const before = replayed(await records(opened.store));
    await eraseSubject(keyStore, { email: 'gus@example.com' });
    const read = await records(opened.store);
    const scheduled = read[0] as ReturnType<typeof encodeEvent>;
    const [erasedGus] = scheduled.data['guests'] as { name: string; email: string }[];
    expect([erasedGus?.name, isErasedEmail(erasedGus?.email ?? '')]).toEqual([erasedText, true]);

    const after = replayed(read);
    expect(linesTo(after, 'gus@example.com')).toEqual([]);
    expect(after.filter((e) => [...e.to, ...e.bcc].some(isErasedEmail))).toEqual([]);
    for (const address of ['hanna@example.com', 'greta@example.org', 'ivo@example.net']) {
      expect(linesTo(after, address)).toEqual(linesTo(before, address));
    }
    expect(linesTo(after, 'hanna@example.com')).toEqual(hannaLines);
    expect(linesTo(after, 'greta@example.org')).toEqual(gretaLines);
    expect(after).toHaveLength(before.length - gusBefore.length);

    // Nor does any email to the others carry what was held about him.
    const everything = JSON.stringify(after).toLowerCase();
    expect(gus.filter((value) => everything.includes(value.toLowerCase()))).toEqual([]);
  });

  it("with the host erased, guests' emails carry no Reply-To and no profile link; before, the host's (docs/CONTRACT.md §2.15)", async () => {
    const guestEmails = (emails: readonly ReplayedEmail[]) => emails.filter((e) => e.audience === 'guest');
    const before = replayed(await records(opened.store));
    expect(new Set(guestEmails(before).map((e) => e.replyTo))).toEqual(new Set(['hanna@example.com']));
    expect(before.filter((e) => e.audience === 'user').map((e) => e.replyTo)).toEqual(hannaLines.map(() => undefined));
    expect(before.some((e) => e.html.includes('https://example.com/hanna'))).toBe(true);

    await eraseSubject(keyStore, { userId: 'u-1' });
    const after = replayed(await records(opened.store));
    expect(guestEmails(after).length).toBe(guestEmails(before).length);
    expect(after.filter((e) => 'replyTo' in e)).toEqual([]);
    expect(after.filter((e) => e.html.includes('href="https://erased.invalid/')).map((e) => e.idempotencyKey)).toEqual([]);
  });
});
