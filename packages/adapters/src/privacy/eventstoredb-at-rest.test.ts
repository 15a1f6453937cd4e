import { EventStoreDBClient } from '@eventstore/db-client';
import { erasedText, isErasedEmail, type DomainEvent, type EventOf } from '@rendezvous/domain';
import { createEventStoreDbStore } from '@rendezvous/adapters/eventstoredb';
import { jsonSerializer, type EventSerializer, type EventStore } from '@rendezvous/adapters';
import { startInProcessEventStoreDb, type InProcessEventStoreDb } from '../testing/esdb-server';
import { createEncryptingSerializer } from './encrypting-serializer';
import { exportSubject } from './export';
import { createInMemoryKeyStore } from './memory-keys';
import type { KeyStore } from './keys';
import { eraseSubject } from './rights';
import { personalValues, sampleHistory, sampleScheduled } from './samples';

// What EventStoreDB holds of a guest, checked twice: over the wire with a raw client that knows
// nothing of our serializer, and as the bytes the in-process server keeps. Crypto-shredding
// must leave neither with the guest's name, email or phone, and must not need to rewrite them.

const gus = ['Gus Guest', 'Gus@Example.com', 'gus@example.com', '+31 6 5555 0101'];
// Free text the serializer seals for Gus too (his reason, his review): gone with him.
const gusText = ['Gus is ill', 'Gus liked it'];

let server: InProcessEventStoreDb;
let raw: EventStoreDBClient;
let keyStore: KeyStore;
let stores: EventStore[];

function storeWith(serializer: EventSerializer, streamPrefix?: string): EventStore {
  const client = EventStoreDBClient.connectionString(server.url);
  const store = createEventStoreDbStore({ client, serializer, ...(streamPrefix === undefined ? {} : { streamPrefix }) });
  stores.push(store);
  return store;
}

async function all<A>(iterable: AsyncIterable<A>): Promise<A[]> {
  const items: A[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const bytesOf = (value: unknown): Buffer => (value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(JSON.stringify(value) ?? ''));

/** Data and metadata of every non-system event, as a raw client reads them from $all. */
async function overTheWire(): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const resolved of raw.readAll()) {
    const event = resolved.event;
    if (event === undefined || event.type.startsWith('$')) continue;
    parts.push(Buffer.from(`${event.streamId} ${event.type}\n`), bytesOf(event.data), bytesOf(event.metadata));
  }
  return Buffer.concat(parts);
}

/** Every byte of data and metadata the server holds. */
const atRest = (): Buffer => Buffer.concat(server.storedBytes().flatMap((r) => [r.data, r.metadata]));

/** The values of `values` found in `dump`, compared case-insensitively (base64 holds no spaces, @ or dots). */
function found(dump: Buffer, values: readonly string[]): string[] {
  const text = dump.toString('utf8').toLowerCase();
  return values.filter((v) => text.includes(v.toLowerCase()));
}

async function fill(store: EventStore): Promise<void> {
  await store.append('meeting-m-1', sampleHistory('m-1'), { kind: 'noStream' });
  // Gus again, in a meeting another user hosts.
  const base = sampleScheduled('m-2');
  const second: EventOf<'MeetingScheduled'> = {
    ...base,
    data: { ...base.data, createdBy: 'user', guests: [{ guestId: 'g-9', name: 'Gus Guest', email: 'gus@example.com', phone: '+31 6 5555 0101' }] },
  };
  await store.append('meeting-m-2', [second], { kind: 'noStream' });
}

beforeEach(async () => {
  server = await startInProcessEventStoreDb();
  raw = EventStoreDBClient.connectionString(server.url);
  keyStore = createInMemoryKeyStore();
  stores = [];
});
afterEach(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await raw.dispose();
  await server.stop();
});

it('the scans find personal data that a plain store writes (the control)', async () => {
  await fill(storeWith(jsonSerializer));
  expect(found(await overTheWire(), gus)).toEqual(gus);
  expect(found(atRest(), gus)).toEqual(gus);
});

describe('EventStoreDB with the encrypting serializer', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = storeWith(createEncryptingSerializer({ keyStore }));
    await fill(store);
  });

  it('holds no personal value in clear, only envelopes, before any erasure', async () => {
    const wire = await overTheWire();
    expect(found(wire, personalValues)).toEqual([]);
    expect(found(atRest(), personalValues)).toEqual([]);
    expect(server.storedBytes().filter((r) => !r.streamName.startsWith('$')).map((r) => `${r.streamName}@${r.revision}`)).toEqual([
      ...sampleHistory('m-1').map((_, n) => `meeting-m-1@${n}`), 'meeting-m-2@0',
    ]);
    // What stays in clear does, so the scan reads the real payloads.
    expect(found(wire, ['enc:v1:', 'Intro call', '2026-03-02T09:00:00Z'])).toEqual(['enc:v1:', 'Intro call', '2026-03-02T09:00:00Z']);
    const held = await exportSubject(store, keyStore, { email: 'gus@example.com' });
    expect(held.events.map((e) => `${e.streamId}@${e.version}: ${Object.values(e.fields).join(', ')}`)).toEqual([
      'meeting-m-1@0: Gus Guest, Gus@Example.com, +31 6 5555 0101, Talk about the Hoofddorp office move',
      'meeting-m-1@1: Gus is ill',
      'meeting-m-1@6: Gus liked it',
      'meeting-m-2@0: Gus Guest, gus@example.com, +31 6 5555 0101',
    ]);
  });

  it('after erasing a guest, holds the same bytes, none of them his, and still decodes to markers', async () => {
    const before = atRest();
    await eraseSubject(keyStore, { email: 'GUS@example.com' });

    // Nothing was rewritten: erasure destroyed the key, not the events.
    expect(atRest().equals(before)).toBe(true);
    expect(found(await overTheWire(), [...gus, ...gusText])).toEqual([]);
    expect(found(atRest(), [...gus, ...gusText])).toEqual([]);

    const read = await all(store.readAll());
    expect(read.map((s) => `${s.streamId}@${s.version}`)).toEqual([...sampleHistory('m-1').map((_, n) => `meeting-m-1@${n}`), 'meeting-m-2@0']);
    const guestsOf = (event: DomainEvent | undefined) => (event?.type === 'MeetingScheduled' ? event.data.guests : []);
    const [m1Gus, greta] = guestsOf(read[0]?.event);
    expect([m1Gus?.guestId, m1Gus?.name, m1Gus?.phone, isErasedEmail(m1Gus?.email ?? '')]).toEqual(['g-1', erasedText, erasedText, true]);
    expect(greta).toEqual({ guestId: 'g-2', name: 'Greta Second', email: 'greta@example.org', timezone: 'Europe/Berlin' });
    const [m2Gus] = guestsOf(read[7]?.event);
    expect([m2Gus?.name, m2Gus?.phone, isErasedEmail(m2Gus?.email ?? '')]).toEqual([erasedText, erasedText, true]);
    expect(read[1]?.event.data).toEqual({ meetingId: 'm-1', start: '2026-03-03T09:00:00Z', reason: erasedText, by: 'guest' });

    expect(await exportSubject(store, keyStore, { email: 'gus@example.com' })).toEqual({
      subject: { email: 'gus@example.com' }, erased: true, restricted: false, events: [],
    });
    const gretaExport = await exportSubject(store, keyStore, { email: 'greta@example.org' });
    expect(gretaExport.events.map((e) => e.fields)).toEqual([{ 'data.guests.1.name': 'Greta Second', 'data.guests.1.email': 'greta@example.org' }]);
  });

  it('a second store over the same server reads the erased guest as markers too', async () => {
    await eraseSubject(keyStore, { email: 'gus@example.com' });
    const other = storeWith(createEncryptingSerializer({ keyStore }));
    const [scheduled] = await all(other.readStream('meeting-m-2'));
    const guest = scheduled?.event.type === 'MeetingScheduled' ? scheduled.event.data.guests[0] : undefined;
    expect([guest?.name, isErasedEmail(guest?.email ?? '')]).toEqual([erasedText, true]);
  });
});
