import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { currentSchemaVersion, type DomainEvent } from '@rendezvous/domain';
import { startInProcessEventStoreDb, type InProcessEventStoreDb } from '../../testing/esdb-server';
import { CorruptEventError, VersionConflictError } from '../errors';
import type { EventStore, StoredEvent } from '../port';
import { jsonSerializer, type EventSerializer } from '../serializer';
import { createEventStoreDbStore } from './store';

const at = '2026-03-02T09:00:00Z';
const started = (meetingId: string): DomainEvent => ({ type: 'MeetingStarted', occurredAt: at, data: { meetingId } });
const ended = (meetingId: string): DomainEvent => ({ type: 'MeetingEnded', occurredAt: at, data: { meetingId } });

async function collect<A>(iterable: AsyncIterable<A>): Promise<A[]> {
  const items: A[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const where = (events: readonly StoredEvent[]): string[] => events.map((e) => `${e.streamId}@${e.version}`);

let server: InProcessEventStoreDb;
let raw: EventStoreDBClient;
let stores: EventStore[];

function storeWith(options: { streamPrefix?: string; serializer?: EventSerializer; url?: string } = {}): EventStore {
  const { url, ...rest } = options;
  const store = createEventStoreDbStore({ client: EventStoreDBClient.connectionString(url ?? server.url), ...rest });
  stores.push(store);
  return store;
}

beforeEach(async () => {
  server = await startInProcessEventStoreDb();
  raw = EventStoreDBClient.connectionString(server.url);
  stores = [];
});
afterEach(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await raw.dispose();
  await server.stop();
});

describe('what the server holds', () => {
  it('is the domain type as event type, the payload as JSON data, the envelope as metadata', async () => {
    await storeWith().append('meeting-m-1', [started('m-1')], { kind: 'noStream' });
    const [read] = await collect(raw.readStream('meeting-m-1'));
    expect([read?.event?.type, read?.event?.isJson, read?.event?.data, read?.event?.metadata]).toEqual([
      'MeetingStarted', true, { meetingId: 'm-1' }, { occurredAt: at, schemaVersion: currentSchemaVersion },
    ]);
  });

  it('puts stream names under the prefix, and reads them back without it', async () => {
    const store = storeWith({ streamPrefix: 'tenant-1/' });
    const { position } = await store.append('meeting-m-1', [started('m-1')], { kind: 'noStream' });
    const [read] = await collect(raw.readStream('tenant-1/meeting-m-1'));
    expect(read?.event?.position?.commit).toBe(position);
    expect(where(await collect(store.readStream('meeting-m-1')))).toEqual(['meeting-m-1@0']);
  });
});

describe('conflicts', () => {
  it('carry the client error as cause and the actual version', async () => {
    const store = storeWith();
    await store.append('meeting-m-1', [started('m-1'), ended('m-1')], { kind: 'noStream' });
    const error: unknown = await store.append('meeting-m-1', [started('m-1')], { kind: 'exact', version: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionConflictError);
    expect((error as VersionConflictError).message).toBe('stream meeting-m-1: expected version 0, but it is at version 1');
    expect(((error as VersionConflictError).cause as { type?: string }).type).toBe('wrong-expected-version');
  });

  it('are found also with a client told not to throw on append failures', async () => {
    const store = storeWith({ url: `${server.url}&throwOnAppendFailure=false` });
    await store.append('meeting-m-1', [started('m-1')], { kind: 'noStream' });
    const error: unknown = await store.append('meeting-m-1', [ended('m-1')], { kind: 'noStream' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionConflictError);
    expect((error as VersionConflictError).actual).toBe(0);
  });
});

describe('reads', () => {
  it('stream: a reader that stops early is not sent the rest of a long stream', async () => {
    const store = storeWith();
    const notes: DomainEvent[] = Array.from({ length: 150 }, (_, n) => ({
      type: 'WrapUpNoteLeft',
      occurredAt: at,
      data: { meetingId: 'm-1', note: `note ${n}: ${'x'.repeat(1500)}` },
    }));
    await store.append('meeting-m-1', notes, { kind: 'noStream' });
    const first: number[] = [];
    for await (const stored of store.readStream('meeting-m-1')) {
      first.push(stored.version);
      if (first.length === 3) break;
    }
    expect(first).toEqual([0, 1, 2]);
    expect(server.eventsSent()).toBeLessThan(100);
    // The cancelled read must really end: db-client's dispose() waits for it.
    const closing = store.close().then(() => 'closed');
    const hung = new Promise((resolve) => setTimeout(() => resolve('hung'), 3000).unref());
    expect(await Promise.race([closing, hung])).toBe('closed');
  });

  it('skip system events and other prefixes; an event without the envelope is corrupt', async () => {
    const mine = storeWith({ streamPrefix: 'a/' });
    const theirs = storeWith({ streamPrefix: 'b/' });
    await mine.append('meeting-1', [started('1')], { kind: 'noStream' });
    await theirs.append('meeting-1', [started('1'), ended('1')], { kind: 'noStream' });
    await raw.appendToStream('a/$meta', [jsonEvent({ type: '$metadata', data: { $maxAge: 1 } })]);
    expect([where(await collect(mine.readAll())), where(await collect(theirs.readAll()))]).toEqual([['meeting-1@0'], ['meeting-1@0', 'meeting-1@1']]);
    await raw.appendToStream('a/meeting-1', [jsonEvent({ type: 'MeetingEnded', data: { meetingId: '1' } })]);
    const error: unknown = await collect(mine.readAll()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptEventError);
    expect((error as CorruptEventError).message).toMatch(/^stream meeting-1 version 1 does not decode: metadata: is not \{ occurredAt/);
  });
});

describe('subscriptions', () => {
  it('filter event types on the server: filtered-out events never cross the wire', async () => {
    const store = storeWith();
    await store.append('meeting-m-1', Array.from({ length: 40 }, () => started('m-1')), { kind: 'noStream' });
    await store.append('meeting-m-1', [ended('m-1')], { kind: 'streamExists' });
    const sentBefore = server.eventsSent();
    const seen: StoredEvent[] = [];
    let arrived: () => void = () => undefined;
    const one = new Promise<void>((resolve) => (arrived = resolve));
    const subscription = store.subscribe(
      (stored) => {
        seen.push(stored);
        arrived();
      },
      { eventTypes: ['MeetingEnded'] },
    );
    await one;
    await subscription.close();
    expect([where(seen), server.eventsSent() - sentBefore]).toEqual([['meeting-m-1@40'], 1]);
  });

  it('stop with an error when the server goes away', async () => {
    const store = storeWith();
    await store.append('meeting-m-1', [started('m-1')], { kind: 'noStream' });
    let arrived: () => void = () => undefined;
    const one = new Promise<void>((resolve) => (arrived = resolve));
    const subscription = store.subscribe(() => arrived());
    await one;
    await server.stop();
    await expect(subscription.done).rejects.toThrow();
  });
});

describe('the serializer', () => {
  it('is used for every write and read', async () => {
    const calls: string[] = [];
    const tagging: EventSerializer = {
      async serialize(streamId, event) {
        calls.push(`serialize ${streamId}`);
        const record = await jsonSerializer.serialize(streamId, event);
        return { ...record, data: { sealed: JSON.stringify(record.data) } };
      },
      async deserialize(streamId, version, stored) {
        calls.push(`deserialize ${streamId}@${version}`);
        return jsonSerializer.deserialize(streamId, version, { ...stored, data: JSON.parse((stored.data as { sealed: string }).sealed) });
      },
    };
    const store = storeWith({ serializer: tagging });
    await store.append('meeting-m-1', [started('m-1')], { kind: 'noStream' });
    const [onServer] = await collect(raw.readStream('meeting-m-1'));
    expect(onServer?.event?.data).toEqual({ sealed: '{"meetingId":"m-1"}' });
    expect((await collect(store.readAll())).map((e) => e.event)).toEqual([started('m-1')]);
    expect(calls).toEqual(['serialize meeting-m-1', 'deserialize meeting-m-1@0']);
  });
});

describe('close', () => {
  it('ends a read in progress with a clear error instead of leaving it waiting', async () => {
    const store = storeWith();
    await store.append('meeting-m-1', Array.from({ length: 200 }, () => started('m-1')), { kind: 'noStream' });
    const versions: number[] = [];
    const reading = (async () => {
      for await (const stored of store.readStream('meeting-m-1')) {
        versions.push(stored.version);
        if (versions.length === 2) await store.close();
      }
    })();
    await expect(reading).rejects.toThrow('the EventStoreDB event store was closed during a read');
    expect(versions).toEqual([0, 1]);
  });


  it('refuses further use with a clear error', async () => {
    const store = storeWith({ streamPrefix: `${randomUUID()}-` });
    await store.close();
    await expect(store.append('meeting-m-1', [started('m-1')], { kind: 'any' })).rejects.toThrow('the EventStoreDB event store is closed');
  });
});
