import type { DomainEvent } from '@rendezvous/domain';
import { createEncryptingSerializer, createInMemoryKeyStore, jsonSerializer, type EventSerializer, type SerializedEvent } from '@rendezvous/adapters';
import { streamOf } from '@rendezvous/domain';

/** An event as a store holds it, with the stream and version it is read back with. */
export interface StoredRecord {
  readonly streamId: string;
  readonly version: number;
  readonly record: SerializedEvent;
}

/** Serializes a history once (not timed), as a store would have written it. */
export async function storeHistory(events: readonly DomainEvent[], serializer: EventSerializer): Promise<StoredRecord[]> {
  const versions = new Map<string, number>();
  const stored: StoredRecord[] = [];
  for (const event of events) {
    const streamId = streamOf(event);
    const version = versions.get(streamId) ?? 0;
    versions.set(streamId, version + 1);
    // A round trip through JSON text: what comes back from a database is fresh objects.
    stored.push({ streamId, version, record: JSON.parse(JSON.stringify(await serializer.serialize(streamId, event))) as SerializedEvent });
  }
  return stored;
}

/** Decodes stored records back into events, one at a time, as a store's reader does. */
export async function readBack(stored: readonly StoredRecord[], serializer: EventSerializer): Promise<DomainEvent[]> {
  const events: DomainEvent[] = [];
  for (const { streamId, version, record } of stored) events.push(await serializer.deserialize(streamId, version, record));
  return events;
}

/** The two serializers compared: plain JSON, and per-person encryption with in-memory keys. */
export function serializers(): { plain: EventSerializer; encrypted: EventSerializer } {
  return { plain: jsonSerializer, encrypted: createEncryptingSerializer({ keyStore: createInMemoryKeyStore() }) };
}
