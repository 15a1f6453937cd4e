import { describeEventStoreContract } from '@rendezvous/adapters/testing';
import { createInMemoryEventStore } from './store';

describeEventStoreContract('the in-memory store', async () => {
  const store = createInMemoryEventStore();
  return { store, teardown: () => store.close(), writeRaw: (streamId, record) => store.writeRaw(streamId, record) };
});
