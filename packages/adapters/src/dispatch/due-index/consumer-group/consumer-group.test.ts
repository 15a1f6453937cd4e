// The PostgreSQL due index fed by an EventStoreDB consumer group, over the real wire (the
// in-process server, or EVENTSTORE_URL): the server splits the meeting facts between the
// processes, each fact is indexed and acked once, and the facts a dead process held go to the others.
import { EventStoreDBClient } from '@eventstore/db-client';
import { meetingStream } from '@rendezvous/domain';
import { createEventStoreDbStore } from '../../../store/eventstoredb';
import { isolation, serverUnderTest, type ServerUnderTest } from '../../../store/eventstoredb/server-under-test';
import type { EventStore, StoredEvent } from '../../../store/port';
import { testSchema, type TestSchema } from '../../../store/postgres/test-schema';
import { scheduled, times } from '../../rig.fixture';
import { createPostgresDueIndex, type PostgresDueIndex } from '../postgres';
import { killableGroupClient, type KillableGroupClient } from './killable-client.fixture';

jest.setTimeout(60_000);

let server: ServerUnderTest;
let database: TestSchema;
let store: EventStore;
const clients: EventStoreDBClient[] = [];
const indexes: PostgresDueIndex[] = [];

beforeEach(async () => {
  server = await serverUnderTest();
  database = testSchema('group_feed_test');
  store = createEventStoreDbStore({ client: EventStoreDBClient.connectionString(server.url), ...isolation(server) });
});
afterEach(async () => {
  await Promise.all(indexes.splice(0).map((index) => index.close()));
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
  await store.close();
  await database.drop();
  await server.stop();
});

/** One process's index handle, with a client of its own for the group. */
async function openProcess(): Promise<{ member: KillableGroupClient; index: PostgresDueIndex }> {
  const client = EventStoreDBClient.connectionString(server.url);
  clients.push(client);
  const member = killableGroupClient(client);
  const index = await createPostgresDueIndex({ pool: database.pool, schema: database.schema, consumerGroup: { client: member.client, ...isolation(server), retryDelayMs: 50 } });
  indexes.push(index);
  return { member, index };
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

async function bookMeetings(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await store.append(meetingStream(`m-${i}`), [scheduled(`m-${i}`)], { kind: 'noStream' });
}

const nothing = (): void => undefined;

it('splits the meeting facts between the processes, each indexed and acked once', async () => {
  const processes = [await openProcess(), await openProcess(), await openProcess()];
  // All three join before the facts come, so the server has three members to share them with.
  await Promise.all(processes.map(({ index }) => index.catchUp(store, 5_000)));
  await bookMeetings(30);
  const [first] = processes;
  await until(async () => (await first!.index.size()) === 30);
  await Promise.all(processes.map(({ index }) => index.catchUp(store, 5_000)));
  expect(processes.map(({ member }) => member.acked).reduce((a, b) => a + b)).toBe(30);
  expect(processes.every(({ member }) => member.acked > 0)).toBe(true);
  const due = await first!.index.take('checker', Date.parse('2100-01-01T00:00:00Z'), Date.parse('2100-01-01T00:01:00Z'), 100);
  expect(new Set(due.map((m) => m.dueMs))).toEqual(new Set([Date.parse(times.scheduledAt)]));
});

it('gives the facts a dead process held unacked to the others, which index them', async () => {
  const dying = await openProcess();
  const living = await openProcess();
  // The dying process takes its facts and never gets to index them: its reads hang until it dies.
  let die: (error: Error) => void = nothing;
  const death = new Promise<never>((_, reject) => (die = reject));
  death.catch(nothing);
  let held = 0;
  const stuck: EventStore = {
    ...store,
    readStream: () => ({
      [Symbol.asyncIterator]: () => ({
        next: () => {
          held++;
          return death as Promise<IteratorResult<StoredEvent>>;
        },
      }),
    }),
  };
  await Promise.all([dying.index.catchUp(stuck, 60_000), living.index.catchUp(store, 5_000)]);
  await bookMeetings(10);
  await until(async () => held > 0 && held + (await living.index.size()) >= 10);
  expect(await living.index.size()).toBeLessThan(10);
  dying.member.kill();
  die(new Error('injected: the process is dead'));
  await until(async () => (await living.index.size()) === 10);
  expect(living.member.redelivered).toBe(held);
  expect(living.member.acked).toBe(10);
});
