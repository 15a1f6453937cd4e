import type { StoredEvent } from '../port';
import type { EventSerializer } from '../serializer';

/** One row of the events table as the store selects it. */
export interface EventRow {
  readonly position: string;
  readonly stream_id: string;
  readonly version: number;
  readonly type: string;
  readonly data: unknown;
  readonly schema_version: number;
  readonly occurred_at: Date;
}

/** The columns every read selects, in EventRow's shape. */
export const eventColumns = 'position, stream_id, version, type, data, schema_version, occurred_at';

// Instants are written in their normalized UTC form (seconds, milliseconds only when non-zero);
// give them back in exactly that form.
function instantOf(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** Turns a row back into an event through the serializer; rejects with CorruptEventError. */
export async function storedEventOf(row: EventRow, serializer: EventSerializer): Promise<StoredEvent> {
  const event = await serializer.deserialize(row.stream_id, row.version, {
    type: row.type,
    occurredAt: instantOf(row.occurred_at),
    schemaVersion: row.schema_version,
    data: row.data,
  });
  return { streamId: row.stream_id, version: row.version, position: BigInt(row.position), event };
}
