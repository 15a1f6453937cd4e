import type { DomainEvent } from '@rendezvous/domain';
import { jsonSerializer, type EventSerializer } from '../serializer';
import { createInMemoryEventStore } from './store';

const started: DomainEvent = { type: 'MeetingStarted', occurredAt: '2026-03-02T09:00:00Z', data: { meetingId: 'm-1' } };

async function all<A>(iterable: AsyncIterable<A>): Promise<A[]> {
  const items: A[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('the in-memory store', () => {
  it('keeps what the serializer wrote and reads back through it', async () => {
    // A serializer that marks what it writes, as per-person encryption would.
    const calls: string[] = [];
    const marking: EventSerializer = {
      async serialize(streamId, event) {
        calls.push(`serialize ${streamId}`);
        const record = await jsonSerializer.serialize(streamId, event);
        return { ...record, data: { sealed: JSON.stringify(record.data) } };
      },
      async deserialize(streamId, version, stored) {
        calls.push(`deserialize ${streamId}@${version}`);
        const { sealed } = stored.data as { sealed: string };
        return jsonSerializer.deserialize(streamId, version, { ...stored, data: JSON.parse(sealed) });
      },
    };
    const store = createInMemoryEventStore({ serializer: marking });
    await store.append('meeting-m-1', [started], { kind: 'noStream' });
    expect(store.rawRecords()).toEqual([
      {
        streamId: 'meeting-m-1',
        version: 0,
        position: 1n,
        record: { type: 'MeetingStarted', occurredAt: '2026-03-02T09:00:00Z', schemaVersion: 2, data: { sealed: '{"meetingId":"m-1"}' } },
      },
    ]);
    expect((await all(store.readStream('meeting-m-1'))).map((e) => e.event)).toEqual([started]);
    expect(calls).toEqual(['serialize meeting-m-1', 'deserialize meeting-m-1@0']);
  });

  it('is not changed by a caller that mutates an event after appending it', async () => {
    const store = createInMemoryEventStore();
    const event = { type: 'MeetingStarted', occurredAt: '2026-03-02T09:00:00Z', data: { meetingId: 'm-1' } } as DomainEvent & { data: { meetingId: string } };
    await store.append('meeting-m-1', [event], { kind: 'noStream' });
    event.data.meetingId = 'changed';
    const [read] = await all(store.readStream('meeting-m-1'));
    expect(read?.event).toEqual(started);
  });

  it('refuses an empty append and any append once closed, saying why', async () => {
    const store = createInMemoryEventStore();
    await expect(store.append('meeting-m-1', [], { kind: 'any' })).rejects.toThrow('append to stream meeting-m-1: no events given');
    await store.close();
    await expect(store.append('meeting-m-1', [started], { kind: 'any' })).rejects.toThrow('the in-memory event store is closed');
  });
});
