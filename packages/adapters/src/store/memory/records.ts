import type { SerializedEvent } from '../serializer';

/** One event exactly as the in-memory store holds it: serialized, with where it sits. */
export interface RawRecord {
  readonly streamId: string;
  readonly version: number;
  readonly position: bigint;
  readonly record: SerializedEvent;
}

// A store keeps bytes, not live objects: cloning through JSON means a caller that mutates an
// event after appending it cannot change history, and the stored shape is what a real store keeps.
export function detach(record: SerializedEvent): SerializedEvent {
  return JSON.parse(JSON.stringify(record)) as SerializedEvent;
}
