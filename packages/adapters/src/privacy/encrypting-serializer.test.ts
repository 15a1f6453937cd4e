import { createDecipheriv } from 'node:crypto';
import * as E from 'fp-ts/Either';
import { decodeEvent, encodeEvent, erasedEmail, erasedText, erasedUrl, type DomainEvent } from '@rendezvous/domain';
import { CorruptEventError, jsonSerializer, type SerializedEvent } from '@rendezvous/adapters';
import { createEncryptingSerializer } from './encrypting-serializer';
import { fieldAad, parseEnvelope } from './field-cipher';
import { createInMemoryKeyStore } from './memory-keys';
import { personalValues, sampleHistory, sampleScheduled } from './samples';
import { subjectId } from './subjects';

const stream = 'meeting-m-1';
const gus = subjectId({ email: 'gus@example.com' });
const greta = subjectId({ email: 'greta@example.org' });
const hanna = subjectId({ userId: 'u-1' });

function setup() {
  const keyStore = createInMemoryKeyStore();
  const serializer = createEncryptingSerializer({ keyStore });
  const writeAll = async (events: DomainEvent[]) => Promise.all(events.map((e) => serializer.serialize(stream, e)));
  const readAll = async (stored: SerializedEvent[]) => Promise.all(stored.map((s, version) => serializer.deserialize(stream, version, s)));
  return { keyStore, serializer, writeAll, readAll };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at stored JSON
const dataOf = (s: SerializedEvent | undefined) => s?.data as Record<string, any>;

describe('the encrypting serializer', () => {
  it('round-trips every event of a meeting and stores no personal value in clear', async () => {
    const { writeAll, readAll } = setup();
    const history = sampleHistory();
    const stored = [];
    for (const e of history) stored.push(...(await writeAll([e]))); // in order: parties first
    expect(await readAll(stored)).toEqual(history);

    const text = JSON.stringify(stored);
    // Whole values (spaces, @ and dots never occur in base64), so a random ciphertext cannot match.
    for (const secret of personalValues) {
      expect(text).not.toContain(secret);
    }
    const first = dataOf(stored[0]);
    // Ids, time zones and the meeting type stay in clear: stores and planning route by them.
    expect(first['meetingId']).toBe('m-1');
    expect(first['host'].userId).toBe('u-1');
    expect(first['host'].timezone).toBe('Europe/Amsterdam');
    expect(first['guests'][1].timezone).toBe('Europe/Berlin');
    expect(first['meetingType']).toEqual({ name: 'Intro call', durationMinutes: 30 });
    expect(first['guests'][0].name).toMatch(/^enc:v1:[0-9a-f]{32}:[A-Za-z0-9+/]+=*$/);
  });

  it('seals with AES-256-GCM under the subject key, the stream and field path as associated data', async () => {
    const { keyStore, writeAll } = setup();
    const [stored] = await writeAll([sampleScheduled()]);
    const envelope = parseEnvelope(dataOf(stored)['guests'][0].name);
    const key = await keyStore.existingKey(gus);
    expect(envelope?.handles).toEqual([(await keyStore.subjectKey(gus)).handle]);
    const decrypt = (aad: Buffer) => {
      const sealed = envelope!.sealed;
      const d = createDecipheriv('aes-256-gcm', key!, sealed.subarray(0, 12));
      d.setAAD(aad);
      d.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([d.update(sealed.subarray(12, sealed.length - 16)), d.final()]).toString('utf8');
    };
    expect(decrypt(fieldAad(stream, 'data.guests.0.name'))).toBe('Gus Guest');
    expect(() => decrypt(fieldAad(stream, 'data.guests.0.phone'))).toThrow('Unsupported state or unable to authenticate data');
    expect(() => decrypt(fieldAad('meeting-m-2', 'data.guests.0.name'))).toThrow('Unsupported state or unable to authenticate data');
  });

  it('uses a fresh IV per value: the same name twice gives two different ciphertexts', async () => {
    const { writeAll } = setup();
    const [a, b] = await writeAll([sampleScheduled(), sampleScheduled()]);
    expect(dataOf(a)['host'].name).not.toBe(dataOf(b)['host'].name);
  });

  it('reads an erased guest back as markers that still decode, leaving everyone else readable', async () => {
    const { keyStore, writeAll, readAll } = setup();
    const stored = await writeAll([sampleScheduled()]);
    const gusHandle = (await keyStore.subjectKey(gus)).handle;
    await keyStore.destroy(gus);
    const [event] = await readAll(stored);
    if (event?.type !== 'MeetingScheduled') throw new Error('expected MeetingScheduled');
    expect(event.data.guests[0]).toEqual({ guestId: 'g-1', name: erasedText, email: erasedEmail(gusHandle.slice(0, 16)), phone: erasedText });
    expect(event.data.guests[1]).toEqual({ guestId: 'g-2', name: 'Greta Second', email: 'greta@example.org', timezone: 'Europe/Berlin' });
    expect(event.data.host.name).toBe('Hanna Host');
    // Gus booked the meeting, so the description was his too.
    expect(event.data.description).toBe(erasedText);
    expect(E.isRight(decodeEvent(encodeEvent(event)))).toBe(true);
  });

  it('reads an erased host as markers that still pass the codecs, the profile URL included', async () => {
    const { keyStore, writeAll, readAll } = setup();
    const stored = await writeAll([sampleScheduled()]);
    await keyStore.destroy(hanna);
    const [event] = await readAll(stored);
    if (event?.type !== 'MeetingScheduled') throw new Error('expected MeetingScheduled');
    expect(event.data.host).toMatchObject({
      userId: 'u-1', name: erasedText, phone: erasedText, jobTitle: erasedText, timezone: 'Europe/Amsterdam',
      location: { name: erasedText, city: erasedText, country: erasedText }, profileUrl: erasedUrl,
    });
    expect(event.data.host.email).toMatch(/^erased-[0-9a-f]{16}@erased\.invalid$/);
    expect(event.data.description).toBe('Talk about the Hoofddorp office move');
  });

  it('erases free text with its writer: a guest reason with any guest, a note with the host, a comment with its reviewer', async () => {
    const { keyStore, writeAll, readAll } = setup();
    const stored = [];
    for (const e of sampleHistory()) stored.push(...(await writeAll([e])));
    await keyStore.destroy(greta); // a guest who did not write the comment, nor book
    const afterGreta = await readAll(stored);
    expect(afterGreta[1]?.data).toMatchObject({ reason: erasedText });
    expect(afterGreta[5]?.data).toMatchObject({ note: 'Hanna sends the floor plan' });
    expect(afterGreta[6]?.data).toMatchObject({ comment: 'Gus liked it' });
    await keyStore.destroy(gus);
    expect((await readAll(stored))[6]?.data).toMatchObject({ comment: erasedText });
    await keyStore.destroy(hanna);
    expect((await readAll(stored))[5]?.data).toMatchObject({ note: erasedText });
  });

  it('gives host-side text to the host in office: after a reassign, the new host', async () => {
    const { keyStore, writeAll } = setup();
    const host = { userId: 'u-2', name: 'Otto Other', email: 'otto@example.com', timezone: 'Europe/Amsterdam' };
    const [, , cancelled] = [
      ...(await writeAll([sampleScheduled()])),
      ...(await writeAll([{ type: 'MeetingReassigned', occurredAt: '2026-03-01T10:00:00Z', data: { meetingId: 'm-1', host, hostAvailable: true } }])),
      ...(await writeAll([{ type: 'MeetingCancelled', occurredAt: '2026-03-01T11:00:00Z', data: { meetingId: 'm-1', reason: 'Otto is away', by: 'user' } }])),
    ];
    expect(parseEnvelope(dataOf(cancelled)['reason'])?.handles).toEqual([(await keyStore.subjectKey(subjectId({ userId: 'u-2' }))).handle]);
  });

  it('rejects an altered ciphertext naming the stream, version and field', async () => {
    const { serializer, writeAll } = setup();
    const [stored] = await writeAll([sampleScheduled()]);
    const data = structuredClone(dataOf(stored));
    const envelope: string = data['guests'][0].name;
    const flipped = envelope.slice(0, -6) + (envelope.at(-6) === 'A' ? 'B' : 'A') + envelope.slice(-5);
    data['guests'][0].name = flipped;
    await expect(serializer.deserialize(stream, 7, { ...stored!, data })).rejects.toThrow(
      new CorruptEventError(stream, 7, [{ path: 'data.guests.0.name', message: 'encrypted value does not authenticate (altered, or moved from another field or stream)' }]),
    );
  });

  it('rejects a ciphertext moved to another field of the same person or to another stream', async () => {
    const { serializer, writeAll } = setup();
    const [stored] = await writeAll([sampleScheduled()]);
    const data = structuredClone(dataOf(stored));
    data['guests'][0].phone = data['guests'][0].name;
    await expect(serializer.deserialize(stream, 0, { ...stored!, data })).rejects.toThrow('data.guests.0.phone: encrypted value does not authenticate');
    await expect(serializer.deserialize('meeting-m-2', 0, stored!)).rejects.toThrow('stream meeting-m-2 version 0 does not decode: data.host.name');
  });

  it('rejects a malformed envelope and one sealed by another key store, without revealing keys', async () => {
    const { serializer, keyStore, writeAll } = setup();
    const [stored] = await writeAll([sampleScheduled()]);
    const data = structuredClone(dataOf(stored));
    data['host'].name = 'enc:v1:nothex:AAAA';
    await expect(serializer.deserialize(stream, 0, { ...stored!, data })).rejects.toThrow('data.host.name: encrypted value is malformed');
    const other = createEncryptingSerializer({ keyStore: createInMemoryKeyStore() });
    const error: unknown = await other.deserialize(stream, 0, stored!).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptEventError);
    expect((error as Error).message).toContain('encrypted under a key this key store never issued');
    const key = (await keyStore.existingKey(hanna))!;
    expect((error as Error).message).not.toContain(key.toString('hex'));
    expect((error as Error).message).not.toContain(key.toString('base64'));
  });

  it('still reads events written in clear before encryption was switched on', async () => {
    const { serializer } = setup();
    const plain = await jsonSerializer.serialize(stream, sampleScheduled());
    expect(await serializer.deserialize(stream, 0, plain)).toEqual(sampleScheduled());
  });

  it('gives a subject seen again after erasure a fresh key: old data stays erased, new data reads', async () => {
    const { keyStore, writeAll, readAll } = setup();
    const [before] = await writeAll([sampleScheduled()]);
    await keyStore.destroy(gus);
    expect(await keyStore.isDestroyed(gus)).toBe(true);
    const [after] = await writeAll([sampleScheduled()]);
    expect(await keyStore.isDestroyed(gus)).toBe(false);
    const [oldEvent, newEvent] = await readAll([before!, after!]);
    expect(oldEvent?.data).toMatchObject({ guests: [{ name: erasedText }, { name: 'Greta Second' }] });
    expect(newEvent?.data).toMatchObject({ guests: [{ name: 'Gus Guest' }, { name: 'Greta Second' }] });
  });

  it('keeps erasure markers and unknown event types as they are', async () => {
    const { keyStore, writeAll, readAll, serializer } = setup();
    const [stored] = await writeAll([sampleScheduled()]);
    await keyStore.destroy(gus);
    const [erased] = await readAll([stored!]);
    const [rewritten] = await writeAll([erased!]);
    expect(dataOf(rewritten)['guests'][0].name).toBe(erasedText);
    await expect(serializer.deserialize(stream, 3, { type: 'MeetingExploded', occurredAt: '2026-03-01T09:00:00Z', schemaVersion: 2, data: {} })).rejects.toThrow(
      'stream meeting-m-1 version 3 does not decode: type: unknown event type "MeetingExploded"',
    );
  });
});
