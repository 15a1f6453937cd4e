import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '@rendezvous/domain';
import { VersionConflictError } from '../errors';
import type { AppendResult, EventStore, ExpectedVersion, ReadAllOptions, ReadStreamOptions, StoredEvent, Subscription, SubscriptionHandler } from '../port';
import { jsonSerializer, type EventSerializer } from '../serializer';
import type { EventDataLike, EventStoreDbClientLike, RecordedEventLike } from './client';
import { isStreamNotFound, streamStateOf, versionConflictOf, versionOf } from './expected';
import { streamNames } from './names';
import { eventDataOf, serializedOf } from './records';
import { Interrupts } from './interrupts';
import { whileOpen } from './reading';
import { commitPositionOf, selectionOf, type Selected } from './selection';
import { follow } from './subscription';

/** Options of the EventStoreDB store. */
export interface EventStoreDbStoreOptions {
  /** An `EventStoreDBClient` (@eventstore/db-client) or a `KurrentDBClient` (@kurrent/kurrentdb-client). */
  readonly client: EventStoreDbClientLike;
  /** How events become stored records and back; default: plain JSON through the domain codecs. */
  readonly serializer?: EventSerializer;
  /**
   * Prepended to every stream name on the server; readAll and subscribe then see only streams
   * under it. Lets several applications or test runs share one server. Default: none.
   */
  readonly streamPrefix?: string;
}

/** Creates an event store over EventStoreDB/KurrentDB; close() disposes the client. */
export function createEventStoreDbStore(options: EventStoreDbStoreOptions): EventStore {
  const { client } = options;
  const serializer = options.serializer ?? jsonSerializer;
  const names = streamNames(options.streamPrefix);
  const subscriptions = new Set<Subscription>();
  let isClosed = false;
  const reads = new Interrupts();

  const ensureOpen = (): void => {
    if (isClosed) throw new Error('the EventStoreDB event store is closed');
  };

  const decode = async (recorded: RecordedEventLike, streamId: string, position: bigint): Promise<StoredEvent> => {
    const version = Number(recorded.revision);
    const event = await serializer.deserialize(streamId, version, serializedOf(recorded, streamId, version));
    return { streamId, version, position, event };
  };
  const decodeSelected = (selected: Selected): Promise<StoredEvent> => decode(selected.recorded, selected.streamId, selected.position);

  return {
    async append(streamId: string, events: readonly DomainEvent[], expected: ExpectedVersion): Promise<AppendResult> {
      ensureOpen();
      if (events.length === 0) throw new RangeError(`append to stream ${streamId}: no events given`);
      // One at a time, in order: a serializer may create per-person keys on first sight.
      const data: EventDataLike[] = [];
      for (const event of events) data.push(eventDataOf(await serializer.serialize(streamId, event), randomUUID()));
      const state = streamStateOf(expected);
      let result;
      try {
        result = await client.appendToStream(names.toServer(streamId), data, { expectedRevision: state, streamState: state });
      } catch (error) {
        throw versionConflictOf(error, streamId, expected) ?? error;
      }
      // A client built with throwOnAppendFailure: false reports conflicts instead of throwing.
      if (!result.success) throw new VersionConflictError(streamId, expected, versionOf(result.nextExpectedRevision));
      if (result.position === undefined) throw new Error(`EventStoreDB appended to ${streamId} but sent no position; the adapter needs a server of version 20.6.1 or later`);
      return { nextVersion: Number(result.nextExpectedRevision), position: result.position.commit };
    },

    async *readStream(streamId: string, readOptions: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
      ensureOpen();
      const reading = client.readStream(names.toServer(streamId), { fromRevision: BigInt(readOptions.fromVersion ?? 0) });
      try {
        for await (const resolved of whileOpen(reading, reads)) {
          if (resolved.event === undefined) continue;
          yield await decode(resolved.event, streamId, commitPositionOf(resolved, resolved.event));
        }
      } catch (error) {
        if (!isStreamNotFound(error)) throw error;
      }
    },

    async *readAll(readOptions: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
      ensureOpen();
      const selection = selectionOf(names, readOptions);
      const reading = client.readAll({ fromPosition: selection.fromPosition, filter: selection.filter });
      for await (const resolved of whileOpen(reading, reads)) {
        const selected = selection.pick(resolved);
        if (selected !== undefined) yield await decodeSelected(selected);
      }
    },

    subscribe(handler: SubscriptionHandler, subscribeOptions: ReadAllOptions = {}): Subscription {
      ensureOpen();
      const selection = selectionOf(names, subscribeOptions);
      const source = client.subscribeToAll({ fromPosition: selection.fromPosition, filter: selection.filter });
      const subscription = follow(source, selection, decodeSelected, handler);
      subscriptions.add(subscription);
      void subscription.done.catch(() => undefined).then(() => subscriptions.delete(subscription));
      return subscription;
    },

    async close(): Promise<void> {
      if (isClosed) return;
      isClosed = true;
      reads.interrupt();
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      await client.dispose();
    },
  };
}
