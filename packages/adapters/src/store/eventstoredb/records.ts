import { CorruptEventError } from '../errors';
import type { SerializedEvent } from '../serializer';
import type { EventDataLike, JsonPayload, RecordedEventLike } from './client';

/** What the adapter keeps in an event's metadata: the envelope fields that are not the payload. */
interface EnvelopeMetadata {
  readonly occurredAt: string;
  readonly schemaVersion: number;
}

/**
 * A serialized event as EventStoreDB event data: the event type stays the server's event type
 * (so server-side filters and the admin UI see it), the payload is the JSON data, and the rest of
 * the envelope goes into the metadata.
 */
export function eventDataOf(record: SerializedEvent, id: string): EventDataLike {
  const metadata: EnvelopeMetadata = { occurredAt: record.occurredAt, schemaVersion: record.schemaVersion };
  // Serializers produce JSON-safe data (their contract); the client JSON-encodes whatever it gets.
  return { id, contentType: 'application/json', type: record.type, data: record.data as JsonPayload, metadata: { ...metadata } };
}

function isEnvelope(metadata: unknown): metadata is EnvelopeMetadata {
  if (typeof metadata !== 'object' || metadata === null) return false;
  const { occurredAt, schemaVersion } = metadata as Record<string, unknown>;
  return typeof occurredAt === 'string' && typeof schemaVersion === 'number';
}

/** Rebuilds the serialized event from what the server returned; rejects a record with no envelope. */
export function serializedOf(recorded: RecordedEventLike, streamId: string, version: number): SerializedEvent {
  if (!isEnvelope(recorded.metadata)) {
    throw new CorruptEventError(streamId, version, [
      { path: 'metadata', message: 'is not { occurredAt: string, schemaVersion: number }; the event was not written by this adapter' },
    ]);
  }
  return { type: recorded.type, occurredAt: recorded.metadata.occurredAt, schemaVersion: recorded.metadata.schemaVersion, data: recorded.data };
}
