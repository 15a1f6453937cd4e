import type { DomainEvent } from '@rendezvous/domain';
import { VersionConflictError } from '../errors';
import type { AppendResult, EventStore, ExpectedVersion, ReadAllOptions, ReadStreamOptions, StoredEvent, Subscription } from '../port';
import { jsonSerializer, type EventSerializer, type SerializedEvent } from '../serializer';
import { detach, type RawRecord } from './records';
import { follow } from './subscription';
import { Wakeup } from './wakeup';

/** Options of the in-memory store. */
export interface InMemoryEventStoreOptions {
  /** How events become stored records and back; default: plain JSON through the domain codecs. */
  readonly serializer?: EventSerializer;
}

/** The in-memory store: the full port, plus test hooks that reach the stored records. */
export interface InMemoryEventStore extends EventStore {
  /** Every record as stored (serialized, before decoding), in global order; copies. */
  rawRecords(): readonly RawRecord[];
  /** Appends an already-serialized record as is, bypassing the serializer (e.g. to plant a corrupt one). */
  writeRaw(streamId: string, record: SerializedEvent): Promise<void>;
}

/** Whether a stream at `actual` (-1: absent) meets what the writer expected. */
export function meetsExpected(expected: ExpectedVersion, actual: number): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'noStream':
      return actual === -1;
    case 'streamExists':
      return actual >= 0;
    case 'exact':
      return actual === expected.version;
  }
}

/** Creates an event store that keeps serialized events in this process's memory. */
export function createInMemoryEventStore(options: InMemoryEventStoreOptions = {}): InMemoryEventStore {
  const serializer = options.serializer ?? jsonSerializer;
  const log: RawRecord[] = [];
  const streams = new Map<string, RawRecord[]>();
  const wakeup = new Wakeup();
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) throw new Error('the in-memory event store is closed');
  };

  const decode = async (raw: RawRecord): Promise<StoredEvent> => ({
    streamId: raw.streamId,
    version: raw.version,
    position: raw.position,
    event: await serializer.deserialize(raw.streamId, raw.version, detach(raw.record)),
  });

  // Synchronous from the version check to the last push: nothing can interleave, so a batch is
  // all or nothing and exactly one of two racing writers wins a version.
  const write = (streamId: string, records: readonly SerializedEvent[], expected: ExpectedVersion): AppendResult => {
    ensureOpen();
    const stream = streams.get(streamId) ?? [];
    const actual = stream.length - 1;
    if (!meetsExpected(expected, actual)) throw new VersionConflictError(streamId, expected, actual);
    for (const record of records) {
      const raw: RawRecord = { streamId, version: stream.length, position: BigInt(log.length + 1), record: detach(record) };
      stream.push(raw);
      log.push(raw);
    }
    streams.set(streamId, stream);
    wakeup.notify();
    return { nextVersion: stream.length - 1, position: BigInt(log.length) };
  };

  return {
    async append(streamId: string, events: readonly DomainEvent[], expected: ExpectedVersion): Promise<AppendResult> {
      ensureOpen();
      if (events.length === 0) throw new RangeError(`append to stream ${streamId}: no events given`);
      // One at a time, in order: a serializer may create per-person keys on first sight.
      const records: SerializedEvent[] = [];
      for (const event of events) records.push(await serializer.serialize(streamId, event));
      return write(streamId, records, expected);
    },

    async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
      const stream = streams.get(streamId) ?? [];
      const end = stream.length;
      for (let version = Math.max(0, options.fromVersion ?? 0); version < end; version++) {
        yield await decode(stream[version] as RawRecord);
      }
    },

    async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
      const types = options.eventTypes === undefined ? undefined : new Set(options.eventTypes);
      const end = log.length;
      for (let index = Math.max(0, Number(options.after ?? 0n)); index < end; index++) {
        const raw = log[index] as RawRecord;
        if (types === undefined || types.has(raw.record.type)) yield await decode(raw);
      }
    },

    subscribe(handler, subscribeOptions) {
      ensureOpen();
      const subscription = follow({ at: (index) => log[index], decode, wakeup }, handler, subscribeOptions);
      subscriptions.add(subscription);
      subscription.done.finally(() => subscriptions.delete(subscription)).catch(() => undefined);
      return subscription;
    },

    async close() {
      closed = true;
      await Promise.all([...subscriptions].map((s) => s.close()));
    },

    rawRecords() {
      return log.map((raw) => ({ ...raw, record: detach(raw.record) }));
    },

    async writeRaw(streamId, record) {
      write(streamId, [record], { kind: 'any' });
    },
  };
}
