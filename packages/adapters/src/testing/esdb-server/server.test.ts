import {
  EventStoreDBClient,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  START,
  BACKWARDS,
  END,
  type AllStreamResolvedEvent,
  type Position,
} from '@eventstore/db-client';
import { startInProcessEventStoreDb, type InProcessEventStoreDb } from './server';

let server: InProcessEventStoreDb;
let client: EventStoreDBClient;

beforeEach(async () => {
  server = await startInProcessEventStoreDb();
  client = EventStoreDBClient.connectionString(server.url);
});
afterEach(async () => {
  await client.dispose();
  await server.stop();
});

const event = (type: string, n: number) => jsonEvent({ type, data: { n }, metadata: { m: n } });

async function failure(run: () => Promise<unknown>): Promise<Record<string, unknown>> {
  return run().then(
    () => ({}),
    (error: unknown) => error as Record<string, unknown>,
  );
}

async function take<A>(iterable: AsyncIterable<A>, count: number): Promise<A[]> {
  const items: A[] = [];
  if (count === 0) return items;
  for await (const item of iterable) {
    items.push(item);
    if (items.length === count) break;
  }
  return items;
}

describe('Append', () => {
  it('answers with the new revision and a commit position equal to the prepare position', async () => {
    const first = await client.appendToStream('s-1', [event('a', 0), event('b', 1)], { expectedRevision: 'no_stream' });
    const second = await client.appendToStream('s-1', [event('c', 2)], { expectedRevision: 1n });
    expect([first.success, first.nextExpectedRevision, second.nextExpectedRevision]).toEqual([true, 1n, 2n]);
    expect(first.position?.commit).toBe(first.position?.prepare);
    expect(second.position!.commit > first.position!.commit).toBe(true);
  });

  it('refuses what the expected revision rules out, naming expected and current', async () => {
    await client.appendToStream('s-1', [event('a', 0), event('b', 1)]);
    const cases = [
      ['s-1', 'no_stream', 1n],
      ['s-1', 5n, 1n],
      ['s-2', 'stream_exists', 'no_stream'],
      ['s-2', 0n, 'no_stream'],
    ] as const;
    for (const [stream, expectedRevision, actual] of cases) {
      const error = await failure(() => client.appendToStream(stream, [event('c', 2)], { expectedRevision }));
      expect([error['type'], error['streamName'], error['expectedVersion'], error['actualVersion']]).toEqual(['wrong-expected-version', stream, expectedRevision, actual]);
    }
    const read = await take(client.readStream('s-1'), 10);
    expect(read.map((e) => e.event?.type)).toEqual(['a', 'b']);
  });

  it('appends with any, and with stream_exists to a stream that has events', async () => {
    await client.appendToStream('s-1', [event('a', 0)], { expectedRevision: 'any' });
    const result = await client.appendToStream('s-1', [event('b', 1)], { expectedRevision: 'stream_exists' });
    expect(result.nextExpectedRevision).toBe(1n);
  });
});

describe('Read of a stream', () => {
  it('returns each event as written: id, type, JSON data, metadata, revision, position, created', async () => {
    const written = event('a', 7);
    const before = Date.now();
    const { position } = await client.appendToStream('s-1', [written]);
    const [read] = await take(client.readStream('s-1'), 1);
    const recorded = read?.event;
    expect([recorded?.id, recorded?.streamId, recorded?.type, recorded?.revision, recorded?.data, recorded?.metadata, recorded?.isJson]).toEqual([
      written.id, 's-1', 'a', 0n, { n: 7 }, { m: 7 }, true,
    ]);
    expect([recorded?.position, read?.commitPosition]).toEqual([position, position?.commit]);
    expect(Math.abs((recorded?.created.getTime() ?? 0) - before)).toBeLessThan(5000);
  });

  it('answers stream-not-found for a stream without events', async () => {
    const error = await failure(() => take(client.readStream('nope'), 1));
    expect([error['type'], error['streamName']]).toEqual(['stream-not-found', 'nope']);
  });

  it('reads forwards from a revision, backwards from the end, up to a count', async () => {
    await client.appendToStream('s-1', [0, 1, 2, 3, 4].map((n) => event('a', n)));
    const revisions = async (options: Parameters<EventStoreDBClient['readStream']>[1]) =>
      (await take(client.readStream('s-1', options), 99)).map((e) => e.event?.revision);
    expect(await revisions({ fromRevision: 3n })).toEqual([3n, 4n]);
    expect(await revisions({ fromRevision: 9n })).toEqual([]);
    expect(await revisions({ fromRevision: 1n, maxCount: 2 })).toEqual([1n, 2n]);
    expect(await revisions({ fromRevision: END, direction: BACKWARDS, maxCount: 2 })).toEqual([4n, 3n]);
  });

  it('streams a long read: a reader that stops early has not been sent the whole stream', async () => {
    const events = Array.from({ length: 150 }, (_, n) => jsonEvent({ type: 'a', data: { n, padding: 'x'.repeat(2000) } }));
    await client.appendToStream('long', events);
    expect((await take(client.readStream('long'), 5)).length).toBe(5);
    expect(server.eventsSent()).toBeLessThan(100);
  });
});

describe('Read of $all', () => {
  it('starts with the server’s own events, then every append in commit order', async () => {
    await client.appendToStream('s-1', [event('a', 0)]);
    await client.appendToStream('s-2', [event('b', 0)]);
    const all = await take(client.readAll(), 99);
    expect(all.map((e) => `${e.event?.streamId}:${e.event?.type}`)).toEqual(['$settings:$settings', '$$$scavenges:$metadata', 's-1:a', 's-2:b']);
    const positions = all.map((e) => e.commitPosition!);
    expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
  });

  it('reads forwards from a position inclusively, backwards from it exclusively', async () => {
    await client.appendToStream('s-1', [event('a', 0), event('b', 1), event('c', 2)]);
    const all = await take(client.readAll(), 99);
    const from = all[3]!.event!.position;
    const rest = await take(client.readAll({ fromPosition: from }), 99);
    expect(rest.map((e) => e.event?.type)).toEqual(['b', 'c']);
    const before = await take(client.readAll({ fromPosition: from, direction: BACKWARDS, maxCount: 2 }), 99);
    expect(before.map((e) => e.event?.type)).toEqual(['a', '$metadata']);
  });

  it('can start empty of system events', async () => {
    const bare = await startInProcessEventStoreDb({ systemEvents: false });
    const bareClient = EventStoreDBClient.connectionString(bare.url);
    expect(await take(bareClient.readAll(), 99)).toEqual([]);
    await bareClient.dispose();
    await bare.stop();
  });
});

describe('subscription to $all', () => {
  it('confirms, catches up, says so, then delivers live appends, filtered by event type', async () => {
    await client.appendToStream('s-1', [event('a', 0), event('skip', 1)]);
    const subscription = client.subscribeToAll({ fromPosition: START, filter: eventTypeFilter({ regex: '^(?:a|b)$' }) });
    const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', () => resolve()));
    const received: string[] = [];
    const live = (async () => {
      for await (const resolved of subscription) {
        received.push(`${resolved.event?.streamId}:${resolved.event?.type}`);
        if (received.length === 3) break;
      }
    })();
    await caughtUp;
    expect(received).toEqual(['s-1:a']);
    await client.appendToStream('s-2', [event('skip', 2), event('b', 3), event('a', 4)]);
    await live;
    await subscription.unsubscribe();
    expect(received).toEqual(['s-1:a', 's-2:b', 's-2:a']);
  });

  it('starts strictly after a position and filters by stream prefix', async () => {
    await client.appendToStream('keep-1', [event('a', 0), event('a', 1)]);
    await client.appendToStream('other', [event('a', 2)]);
    await client.appendToStream('keep-2', [event('a', 3)]);
    const all = await take(client.readAll(), 99);
    const subscription = client.subscribeToAll({ fromPosition: all[2]!.event!.position, filter: streamNameFilter({ prefixes: ['keep-'] }) });
    const received = await take(subscription, 2);
    await subscription.unsubscribe();
    expect(received.map((e) => `${e.event?.streamId}@${e.event?.revision}`)).toEqual(['keep-1@1', 'keep-2@0']);
  });

  it('sends checkpoints every window × interval records scanned, past filtered-out events', async () => {
    await client.appendToStream('s-1', Array.from({ length: 10 }, (_, n) => event('skip', n)));
    const checkpoints: Position[] = [];
    const filter = eventTypeFilter({ prefixes: ['wanted'], maxSearchWindow: 2, checkpointInterval: 2, checkpointReached: (_s, p) => void checkpoints.push(p) });
    const subscription = client.subscribeToAll({ fromPosition: START, filter });
    const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', () => resolve()));
    subscription.on('data', (_e: AllStreamResolvedEvent) => undefined);
    await caughtUp;
    await subscription.unsubscribe();
    const all = await take(client.readAll(), 99);
    // 12 records (2 system + 10) scanned, one checkpoint per 4: after records 4, 8 and 12.
    expect(checkpoints.map((p) => p.commit)).toEqual([3, 7, 11].map((i) => all[i]!.commitPosition));
  });

  it('to a stream: follows one stream from after a revision, even before it exists', async () => {
    const subscription = client.subscribeToStream('s-1', { fromRevision: 0n });
    await client.appendToStream('other', [event('x', 0)]);
    await client.appendToStream('s-1', [event('a', 0), event('b', 1), event('c', 2)]);
    const received = await take(subscription, 2);
    await subscription.unsubscribe();
    expect(received.map((e) => `${e.event?.type}@${e.event?.revision}`)).toEqual(['b@1', 'c@2']);
  });

  it('ends open subscriptions when the server stops', async () => {
    const subscription = client.subscribeToAll({ fromPosition: END });
    const ended = new Promise<unknown>((resolve) => {
      subscription.on('error', resolve);
      subscription.on('end', () => resolve('end'));
      subscription.on('close', () => resolve('close'));
    });
    subscription.on('data', () => undefined);
    await new Promise<void>((resolve) => subscription.once('confirmation', () => resolve()));
    await server.stop();
    expect(await ended).toBeDefined();
  });
});
