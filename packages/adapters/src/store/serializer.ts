import * as E from 'fp-ts/Either';
import { decodeEvent, encodeEvent, type DomainEvent } from '@rendezvous/domain';
import { CorruptEventError } from './errors';

/** An event as a store keeps it: JSON-safe data plus the schema version it was written under. */
export interface SerializedEvent {
  readonly type: string;
  readonly occurredAt: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * The seam between events and stored bytes. Every store goes through one; per-person encryption
 * of personal fields plugs in here by wrapping the JSON serializer.
 */
export interface EventSerializer {
  /** Turns an event into what the store writes. */
  serialize(streamId: string, event: DomainEvent): Promise<SerializedEvent>;
  /** Turns what the store read back into an event; rejects with CorruptEventError. */
  deserialize(streamId: string, version: number, stored: SerializedEvent): Promise<DomainEvent>;
}

/** The default serializer: plain JSON through the domain codecs, upcasting on the way in. */
export const jsonSerializer: EventSerializer = {
  async serialize(_streamId, event) {
    return encodeEvent(event);
  },
  async deserialize(streamId, version, stored) {
    const decoded = decodeEvent(stored);
    if (E.isLeft(decoded)) throw new CorruptEventError(streamId, version, decoded.left.problems);
    return decoded.right;
  },
};
