// The contract kits of @rendezvous/adapters/testing, as a user runs them: against our in-memory
// store and mailer as installed, and against a store of the user's own.
const { createInMemoryEventStore, createInMemoryMailer } = require('@rendezvous/adapters');
const { describeEventStoreContract, describeMailerContract, receivedFromOutgoing } = require('@rendezvous/adapters/testing');
const { createArrayStore } = require('./own-store.cjs');

describeEventStoreContract('the installed in-memory store', async () => {
  const store = createInMemoryEventStore();
  return { store, teardown: () => store.close(), writeRaw: (streamId, record) => store.writeRaw(streamId, record) };
});

describeEventStoreContract("the consumer's own array store", async () => {
  const store = createArrayStore();
  return { store, teardown: () => store.close(), writeRaw: (streamId, record) => store.writeRaw(streamId, record) };
});

describeMailerContract('the installed in-memory mailer', async () => {
  const mailer = createInMemoryMailer();
  return {
    mailer,
    received: async () => mailer.sent().map((s) => receivedFromOutgoing(s.email, s.messageId)),
    teardown: () => mailer.close(),
  };
});
