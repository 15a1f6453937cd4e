// The consumer-group feed with a KurrentDBClient (@kurrent/kurrentdb-client), the successor of
// db-client: the same calls fit, and the index is fed over the wire.
import { meetingStream } from '@rendezvous/domain';
import { createEventStoreDbStore } from '../../../store/eventstoredb';
import { isolation, serverUnderTest } from '../../../store/eventstoredb/server-under-test';
import { testSchema } from '../../../store/postgres/test-schema';
import { scheduled } from '../../rig.fixture';
import { createPostgresDueIndex } from '../postgres';
// Imported after the server on purpose: both clients register their generated protobuf classes
// on one global namespace and the last loaded wins (see EVENTSTOREDB.md).
import { KurrentDBClient } from '@kurrent/kurrentdb-client';

jest.setTimeout(60_000);

it('indexes the meeting facts through a consumer group joined with a KurrentDBClient', async () => {
  const server = await serverUnderTest();
  const database = testSchema('group_kurrent_test');
  const client = KurrentDBClient.connectionString(server.url.replace(/^esdb:/, 'kurrentdb:'));
  const store = createEventStoreDbStore({ client, ...isolation(server) });
  const index = await createPostgresDueIndex({ pool: database.pool, schema: database.schema, consumerGroup: { client, ...isolation(server) } });
  try {
    for (let i = 0; i < 5; i++) await store.append(meetingStream(`m-${i}`), [scheduled(`m-${i}`)], { kind: 'noStream' });
    let indexed = 0;
    while (indexed < 5) indexed += await index.catchUp(store, 5_000);
    expect(indexed).toBe(5);
    expect(await index.size()).toBe(5);
  } finally {
    await index.close();
    await store.close();
    await database.drop();
    await server.stop();
  }
});
