import { isolation, serverUnderTest } from './server-under-test';
import { smokePath } from './smoke-path';
import { createEventStoreDbStore } from './store';
// Imported after the server on purpose: both clients register their generated protobuf classes
// on one global namespace and the last loaded wins; kurrentdb-client needs its own (see EVENTSTOREDB.md).
import { KurrentDBClient } from '@kurrent/kurrentdb-client';

it('runs the smoke path with a KurrentDBClient (appends over grpc-js, reads over its Rust bridge)', async () => {
  const server = await serverUnderTest();
  const client = KurrentDBClient.connectionString(server.url.replace(/^esdb:/, 'kurrentdb:'));
  const store = createEventStoreDbStore({ client, ...isolation(server) });
  try {
    await smokePath(store);
  } finally {
    await store.close();
    await server.stop();
  }
});
