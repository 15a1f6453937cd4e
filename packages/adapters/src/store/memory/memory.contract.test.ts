import type { DomainEvent } from '@rendezvous/domain';
import { describeEventStoreContract, type HeldAppend } from '@rendezvous/adapters/testing';
import { jsonSerializer, type EventSerializer } from '../serializer';
import { createInMemoryEventStore } from './store';

describeEventStoreContract('the in-memory store', async () => {
  // An in-memory append is in flight while its events are serialized: a serializer that waits
  // on a gate for one stream holds an append there, as a slow transaction would.
  const gates = new Map<string, { entered: () => void; open: Promise<void> }>();
  const serializer: EventSerializer = {
    async serialize(streamId, event) {
      const gate = gates.get(streamId);
      if (gate !== undefined) {
        gate.entered();
        await gate.open;
      }
      return jsonSerializer.serialize(streamId, event);
    },
    deserialize: (streamId, version, stored) => jsonSerializer.deserialize(streamId, version, stored),
  };
  const store = createInMemoryEventStore({ serializer });
  const holdAppend = async (streamId: string, events: readonly DomainEvent[]): Promise<HeldAppend> => {
    let entered: () => void = () => undefined;
    let open: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (entered = resolve));
    gates.set(streamId, { entered, open: new Promise<void>((resolve) => (open = resolve)) });
    const appending = store.append(streamId, events, { kind: 'any' });
    await arrived;
    return {
      async commit() {
        gates.delete(streamId);
        open();
        await appending;
      },
    };
  };
  return { store, holdAppend, teardown: () => store.close(), writeRaw: (streamId, record) => store.writeRaw(streamId, record) };
});
