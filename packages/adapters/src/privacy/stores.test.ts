import * as E from 'fp-ts/Either';
import {
  checkMeetingEvent, erasedText, evolveMeeting, initialMeetingState, isErasedEmail,
  type DomainEvent, type MeetingEvent, type MeetingState,
} from '@rendezvous/domain';
import { randomBytes } from 'node:crypto';
import { escapeIdentifier, Pool } from 'pg';
import { createInMemoryEventStore, type EventStore } from '@rendezvous/adapters';
import { createPostgresEventStore } from '@rendezvous/adapters/postgres';
import { createEncryptingSerializer } from './encrypting-serializer';
import { exportSubject, subjectsByEmail } from './export';
import type { KeyStore } from './keys';
import { createInMemoryKeyStore } from './memory-keys';
import { createPostgresKeyStore } from './postgres-keys';
import { eraseSubject, isProcessingRestricted, restrictProcessing } from './rights';
import { personalValues, sampleHistory, sampleScheduled } from './samples';

// The whole path: events through an encrypting serializer into a real store, raw bytes checked
// for personal data before and after an erasure, histories replayed after it.

interface StoreHarness {
  readonly store: EventStore;
  readonly keyStore: KeyStore;
  /** Everything the store holds, as the text a database dump would show. */
  rawText(): Promise<string>;
  teardown(): Promise<void>;
}

async function all<A>(iterable: AsyncIterable<A>): Promise<A[]> {
  const items: A[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const gusValues = ['Gus Guest', 'Gus@Example.com', 'gus@example.com', '+31 6 5555 0101', 'Gus is ill', 'Gus liked it', 'Talk about the Hoofddorp office move'];

async function fill(store: EventStore): Promise<void> {
  await store.append('meeting-m-1', sampleHistory('m-1'), { kind: 'noStream' });
  // Gus again, in a meeting of his own that another user hosts.
  const second = sampleScheduled('m-2');
  const other: DomainEvent = {
    ...second,
    data: {
      ...second.data,
      description: 'Second opinion',
      createdBy: 'user',
      host: { userId: 'u-2', name: 'Otto Other', email: 'otto@example.com', timezone: 'Europe/Amsterdam' },
      guests: [{ guestId: 'g-9', name: 'Gus Guest', email: 'gus@example.com' }],
    },
  };
  await store.append('meeting-m-2', [other, { type: 'MeetingCancelled', occurredAt: '2026-03-01T12:00:00Z', data: { meetingId: 'm-2', reason: 'Otto is away', by: 'user' } }], { kind: 'noStream' });
  await store.append('user-u-1', [{ type: 'UserProfileUpdated', occurredAt: '2026-03-01T13:00:00Z', data: { userId: 'u-1', phone: '+31 20 555 0199' } }], { kind: 'noStream' });
}

function replays(events: readonly DomainEvent[]): MeetingState {
  let state: MeetingState = initialMeetingState;
  for (const event of events as MeetingEvent[]) {
    const verdict = checkMeetingEvent(state, event);
    if (E.isLeft(verdict)) throw new Error(verdict.left.message);
    state = evolveMeeting(state, event);
  }
  return state;
}

function describeEncryptedStore(name: string, open: () => Promise<StoreHarness>): void {
  describe(`personal data in the ${name}`, () => {
    let h: StoreHarness;
    beforeEach(async () => {
      h = await open();
      await fill(h.store);
    });
    afterEach(async () => h.teardown());

    it('is encrypted at rest, and reads back whole', async () => {
      const raw = await h.rawText();
      for (const value of [...personalValues, 'Otto Other', 'otto@example.com', 'Otto is away', 'Second opinion', '+31 20 555 0199']) {
        expect(raw).not.toContain(value);
      }
      expect(raw).toContain('meeting-m-1');
      const read = await all(h.store.readStream('meeting-m-1'));
      expect(read.map((s) => s.event)).toEqual(sampleHistory('m-1'));
    });

    it('exports exactly what is held about one guest, across meetings', async () => {
      expect(await exportSubject(h.store, h.keyStore, { email: 'GUS@example.com' })).toEqual({
        subject: { email: 'GUS@example.com' },
        erased: false,
        restricted: false,
        events: [
          {
            streamId: 'meeting-m-1', version: 0, type: 'MeetingScheduled', occurredAt: '2026-03-01T09:00:00Z',
            fields: {
              'data.guests.0.name': 'Gus Guest', 'data.guests.0.email': 'Gus@Example.com', 'data.guests.0.phone': '+31 6 5555 0101',
              'data.description': 'Talk about the Hoofddorp office move',
            },
          },
          { streamId: 'meeting-m-1', version: 1, type: 'MeetingRescheduled', occurredAt: '2026-03-01T10:00:00Z', fields: { 'data.reason': 'Gus is ill' } },
          { streamId: 'meeting-m-1', version: 6, type: 'MeetingReviewed', occurredAt: '2026-03-03T10:00:00Z', fields: { 'data.comment': 'Gus liked it' } },
          {
            streamId: 'meeting-m-2', version: 0, type: 'MeetingScheduled', occurredAt: '2026-03-01T09:00:00Z',
            fields: { 'data.guests.0.name': 'Gus Guest', 'data.guests.0.email': 'gus@example.com' },
          },
        ],
      });
      // Invited after the reschedule, Ivo did not write its reason.
      expect((await exportSubject(h.store, h.keyStore, { email: 'ivo@example.net' })).events.map((e) => `${e.type}: ${Object.keys(e.fields).join(', ')}`)).toEqual([
        'GuestInvited: data.guest.name, data.guest.email, data.guest.phone',
      ]);
      const host = await exportSubject(h.store, h.keyStore, { userId: 'u-1' });
      expect(host.events.map((e) => `${e.streamId}@${e.version} ${e.type}: ${Object.keys(e.fields).length}`)).toEqual([
        'meeting-m-1@0 MeetingScheduled: 8', 'meeting-m-1@5 WrapUpNoteLeft: 1', 'user-u-1@0 UserProfileUpdated: 1',
      ]);
      expect(await subjectsByEmail(h.store, 'Hanna@example.com')).toEqual([{ email: 'hanna@example.com' }, { userId: 'u-1' }]);
    });

    it('after erasing a guest, holds nothing of them, and every history still decodes and replays', async () => {
      await restrictProcessing(h.keyStore, { email: 'gus@example.com' });
      await eraseSubject(h.keyStore, { email: 'gus@example.com' });
      const raw = await h.rawText();
      for (const value of gusValues) expect(raw).not.toContain(value);

      const m1 = (await all(h.store.readStream('meeting-m-1'))).map((s) => s.event);
      const state = replays(m1);
      if (state.kind !== 'existing') throw new Error('the meeting should exist');
      expect(state.guests.map((g) => g.name)).toEqual([erasedText, 'Greta Second', 'Ivo Invited']);
      expect(isErasedEmail(state.guests[0]!.email)).toBe(true);
      expect(state.description).toBe(erasedText);
      expect(state.reviews).toEqual({ 'g-1': { rating: 5, comment: erasedText } });
      expect(state.host.name).toBe('Hanna Host');
      expect(state.wrapUpNote).toBe('Hanna sends the floor plan');
      const m2 = replays((await all(h.store.readStream('meeting-m-2'))).map((s) => s.event));
      expect(m2.kind === 'existing' && m2.cancellation).toEqual({ reason: 'Otto is away', by: 'user' });

      expect(await all(h.store.readAll())).toHaveLength(10);
      expect(await exportSubject(h.store, h.keyStore, { email: 'gus@example.com' })).toEqual({
        subject: { email: 'gus@example.com' }, erased: true, restricted: true, events: [],
      });
      expect(await isProcessingRestricted(h.keyStore, { email: 'greta@example.org' })).toBe(false);
    });
  });
}

describeEncryptedStore('in-memory store', async () => {
  const keyStore = createInMemoryKeyStore();
  const store = createInMemoryEventStore({ serializer: createEncryptingSerializer({ keyStore }) });
  return {
    store,
    keyStore,
    rawText: async () => JSON.stringify(store.rawRecords(), (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
    teardown: async () => store.close(),
  };
});

describeEncryptedStore('PostgreSQL store', async () => {
  const schema = `privacy_store_test_${randomBytes(6).toString('hex')}`;
  const pool = new Pool({ connectionString: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test' });
  const keyStore = await createPostgresKeyStore({ pool, schema });
  const store = await createPostgresEventStore({ pool, schema, serializer: createEncryptingSerializer({ keyStore }) });
  const s = escapeIdentifier(schema);
  return {
    store,
    keyStore,
    // The events' data as PostgreSQL holds it, then every row of every table of the schema.
    async rawText() {
      const events = await pool.query<{ data: string }>(`SELECT data::text AS data FROM ${s}.events ORDER BY position`);
      const tables = await pool.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1`, [schema]);
      const rows = await Promise.all(tables.rows.map((t) => pool.query<{ row: string }>(`SELECT row_to_json(r)::text AS row FROM ${s}.${escapeIdentifier(t.name)} r`)));
      expect(events.rowCount).toBe(10);
      return [...events.rows.map((r) => r.data), ...rows.flatMap((r) => r.rows.map((x) => x.row))].join('\n');
    },
    async teardown() {
      await store.close();
      await keyStore.close();
      await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      await pool.end();
    },
  };
});
