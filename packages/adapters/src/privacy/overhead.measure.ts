// What encryption costs: serialize + deserialize of 10,000 MeetingScheduled events, plain JSON
// against the encrypting serializer with the in-memory key store. Not a test (timings vary by
// machine); run it with `npx tsx packages/adapters/src/privacy/overhead.measure.ts`.
import { performance } from 'node:perf_hooks';
import type { EventOf } from '@rendezvous/domain';
import { jsonSerializer, type EventSerializer } from '../store/serializer';
import { createEncryptingSerializer } from './encrypting-serializer';
import { createInMemoryKeyStore } from './memory-keys';
import { sampleScheduled } from './samples';
import { personalFields } from './subjects';

const count = 10_000;

/** The events: the same three people every time, or new guests in every meeting. */
function events(freshGuests: boolean): EventOf<'MeetingScheduled'>[] {
  return Array.from({ length: count }, (_, i) => {
    const event = sampleScheduled(`m-${i}`);
    if (!freshGuests) return event;
    const guests = event.data.guests.map((g) => ({ ...g, email: `${i}-${g.email}` }));
    return { ...event, data: { ...event.data, guests } };
  });
}

async function roundTrips(serializer: EventSerializer, batch: EventOf<'MeetingScheduled'>[]): Promise<{ write: number; read: number }> {
  const t0 = performance.now();
  const stored = [];
  for (const event of batch) stored.push(await serializer.serialize(`meeting-${event.data.meetingId}`, event));
  const t1 = performance.now();
  for (const [i, record] of stored.entries()) await serializer.deserialize(`meeting-${batch[i]?.data.meetingId ?? ''}`, 0, record);
  return { write: t1 - t0, read: performance.now() - t1 };
}

async function measure(label: string, make: () => EventSerializer, freshGuests: boolean): Promise<void> {
  const batch = events(freshGuests);
  await roundTrips(make(), batch.slice(0, 1000)); // warm up the JIT
  const { write, read } = await roundTrips(make(), batch);
  const perEvent = ((write + read) * 1000) / count;
  console.log(`${label.padEnd(44)} serialize ${write.toFixed(0).padStart(5)} ms  deserialize ${read.toFixed(0).padStart(5)} ms  (${perEvent.toFixed(1)} µs per event round trip)`);
}

async function main(): Promise<void> {
  const fields = personalFields('MeetingScheduled', sampleScheduled().data).length;
  console.log(`${count} MeetingScheduled events (${fields} personal fields each), Node ${process.version}`);
  await measure('plain JSON', () => jsonSerializer, false);
  await measure('encrypted, same 3 subjects', () => createEncryptingSerializer({ keyStore: createInMemoryKeyStore() }), false);
  await measure('encrypted, new guests (2 new keys) per event', () => createEncryptingSerializer({ keyStore: createInMemoryKeyStore() }), true);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
