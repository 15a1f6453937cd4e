import { escapeIdentifier, Pool } from 'pg';
import { call, hoursFromNow, outboxEmails, outboxWith, scheduleBody, startTestBackend, testDatabaseUrl, type BackendUnderTest, type StoreKind } from './fixture';

// The whole life of a meeting through every meeting route, as a client drives it over HTTP,
// with the emails the live dispatcher writes to the .eml outbox. Run once per store.

const problemType = (slug: string) => `https://rendezvous.example/problems/${slug}`;
const entryLink = (html: string): string => {
  const href = /href="(https:\/\/[^"]+\/m\/[^"/?]+\?[^"]+)"/.exec(html)?.[1];
  if (href === undefined) throw new Error('no entry link in the email');
  return href.replace(/&amp;/g, '&');
};

/** Declares the lifecycle tests against one store. */
export function describeLifecycle(kind: StoreKind): void {
  describe(`the example backend on the ${kind} store`, () => {
    let t: BackendUnderTest;
    beforeAll(async () => {
      t = await startTestBackend(kind);
    });
    afterAll(async () => {
      await t.stop();
    });

    it('runs a meeting from booking to review through every route, and the dispatcher writes its emails', async () => {
      const api = (method: string, path: string, options?: Parameters<typeof call>[3]) => call(t.url, method, path, options);

      const branding = await api('PUT', '/accounts/acme/branding', { json: { companyName: 'Acme', hostname: 'meet.acme.example' } });
      expect([branding.status, branding.body]).toEqual([200, { version: 0, changed: true }]);

      const booking = scheduleBody();
      const created = await api('POST', '/meetings', { json: booking });
      expect(created.status).toBe(201);
      const id = created.body.meetingId as string;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(created.body).toEqual({ meetingId: id, version: 0 });
      expect(created.headers.get('location')).toBe(`/meetings/${id}`);
      expect(created.headers.get('etag')).toBe('"0"');

      const read = await api('GET', `/meetings/${id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        meetingId: id,
        status: 'scheduled',
        start: booking['start'],
        host: { userId: 'u-hanna', name: 'Hanna de Vries', email: 'hanna@example.com' },
        guests: [{ guestId: 'g-gus', name: 'Gus Guest', email: 'gus@example.org' }],
        version: 0,
      });

      const booked = await outboxWith(t.outbox, 'the two meeting-scheduled emails', (e) => e.meetingId === id && e.notification === 'meeting-scheduled', 2);
      expect(booked.map((e) => e.to[0]?.email).sort()).toEqual(['gus@example.org', 'hanna@example.com']);
      const toGus = (await outboxEmails(t.outbox)).find((e) => e.meetingId === id && e.to[0]?.email === 'gus@example.org');
      expect(toGus?.eml).toContain('From: Acme <no-reply@meet.acme.example>');
      expect(toGus?.eml).toContain('METHOD:REQUEST');
      // Through the live dispatcher and the .eml mailer: the guest can reply to the host (CONTRACT §2.15), the host gets no Reply-To.
      expect(toGus?.eml).toContain('Reply-To: Hanna de Vries <hanna@example.com>');
      const toHanna = (await outboxEmails(t.outbox)).find((e) => e.meetingId === id && e.to[0]?.email === 'hanna@example.com');
      expect(toHanna?.eml).toMatch(/^Subject:/m);
      expect(toHanna?.eml).not.toMatch(/^Reply-To:/im);

      // The guest's entry link verifies; the same link naming someone else does not.
      const link = entryLink(toGus?.html ?? '');
      const verified = await api('GET', `/links/verify?url=${encodeURIComponent(link)}`);
      expect([verified.status, verified.body]).toEqual([200, { meetingId: id, audience: 'guest', recipient: 'g-gus', status: 'scheduled' }]);
      const tampered = await api('GET', `/links/verify?url=${encodeURIComponent(link.replace('r=g-gus', 'r=g-eve'))}`);
      expect(tampered.status).toBe(403);
      expect(tampered.contentType).toContain('application/problem+json');
      expect(tampered.body).toMatchObject({ type: problemType('link-not-valid'), reason: 'bad-signature' });

      const newStart = hoursFromNow(72);
      const moved = await api('POST', `/meetings/${id}/reschedule`, { json: { start: newStart, reason: 'A clash in my calendar', by: 'user' }, headers: { 'if-match': '"0"' } });
      expect([moved.status, moved.body]).toEqual([200, { version: 1 }]);
      const stale = await api('POST', `/meetings/${id}/reschedule`, { json: { start: hoursFromNow(96), reason: 'Again', by: 'user' }, headers: { 'if-match': '0' } });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ type: problemType('version-conflict'), expectedVersion: 0, currentVersion: 1 });
      expect(stale.body.detail).toBe(`meeting ${id} is at version 1, not 0 (If-Match); someone changed it since you read it: GET /meetings/${id} and decide again`);

      const newHost = { userId: 'u-ivo', name: 'Ivo Jansen', email: 'ivo@example.com', timezone: 'Europe/Amsterdam' };
      expect((await api('POST', `/meetings/${id}/reassign`, { json: { host: newHost, hostAvailable: false } })).body).toEqual({ version: 2 });
      const ada = { guestId: 'g-ada', name: 'Ada Lovelace', email: 'ada@example.net' };
      expect((await api('POST', `/meetings/${id}/guests`, { json: { guest: ada } })).body).toEqual({ version: 3 });
      const again = await api('POST', `/meetings/${id}/guests`, { json: { guest: { ...ada, guestId: 'g-ada-2', email: 'ADA@example.net' } } });
      expect(again.status).toBe(409);
      expect(again.body.detail).toBe(`ADA@example.net is already a guest of meeting ${id} (guest g-ada); each address is invited once`);

      // The lifecycle: LIVE refuses a reschedule with a sentence, then end, wrap-up, review.
      expect((await api('POST', `/meetings/${id}/start`)).body).toEqual({ version: 4 });
      expect((await api('GET', `/meetings/${id}`)).body.status).toBe('live');
      const refused = await api('POST', `/meetings/${id}/reschedule`, { json: { start: hoursFromNow(100), reason: 'Later', by: 'guest' } });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        type: problemType('lifecycle-rule'),
        title: 'Not allowed at this point of the meeting',
        detail: `meeting ${id} is LIVE; a LIVE meeting cannot be rescheduled`,
        instance: `/meetings/${id}/reschedule`,
      });
      expect((await api('POST', `/meetings/${id}/cancel`, { json: { reason: 'No', by: 'user' } })).status).toBe(409);
      expect((await api('POST', `/meetings/${id}/end`, { json: {} })).body).toEqual({ version: 5 });
      expect((await api('POST', `/meetings/${id}/wrap-up`, { json: { note: 'Thanks!\nNext steps attached.' } })).body).toEqual({ version: 6 });
      expect((await api('POST', `/meetings/${id}/wrap-up`, { json: { note: 'Once more' } })).status).toBe(409);
      expect((await api('POST', `/meetings/${id}/reviews`, { json: { guestId: 'g-gus', rating: 5, comment: 'Very helpful' } })).body).toEqual({ version: 7 });
      const stranger = await api('POST', `/meetings/${id}/reviews`, { json: { guestId: 'g-eve', rating: 4 } });
      expect([stranger.status, stranger.body.field]).toEqual([422, 'guestId']);
      const outOfRange = await api('POST', `/meetings/${id}/reviews`, { json: { guestId: 'g-ada', rating: 6 } });
      expect([outOfRange.status, outOfRange.body.field]).toEqual([422, 'rating']);

      const done = await api('GET', `/meetings/${id}`);
      expect(done.body).toMatchObject({ status: 'completed', start: newStart, host: { userId: 'u-ivo' }, version: 7 });
      expect(done.body.guests.map((g: { guestId: string }) => g.guestId)).toEqual(['g-gus', 'g-ada']);

      // Every email the history asks for at once reaches the outbox, each exactly once.
      const expected = [
        'meeting-scheduled user hanna@example.com',
        'meeting-scheduled guest gus@example.org',
        'meeting-rescheduled user hanna@example.com',
        'meeting-rescheduled guest gus@example.org',
        'meeting-scheduled user ivo@example.com',
        'meeting-cancelled user hanna@example.com',
        'meeting-scheduled guest ada@example.net',
        'wrap-up guest gus@example.org',
        'wrap-up guest ada@example.net',
      ];
      const sent = await outboxWith(t.outbox, 'all nine emails of the meeting', (e) => e.meetingId === id, expected.length);
      expect(sent.map((e) => `${e.notification} ${e.audience} ${e.to[0]?.email ?? ''}`).sort()).toEqual([...expected].sort());

      const emails = await api('GET', `/meetings/${id}/emails`);
      expect(emails.status).toBe(200);
      expect(emails.body.meetingId).toBe(id);
      const states = (emails.body.emails as { notification: string; audience: string; state: string }[]).map((e) => `${e.notification} ${e.audience} ${e.state}`);
      expect(states).toEqual(expect.arrayContaining(['wrap-up guest sent', 'meeting-cancelled user sent', 'review guest planned']));

      const logged = t.logs.filter((entry) => entry.msg === 'email sent' && entry['meetingId'] === id);
      expect(logged).toHaveLength(expected.length);
      const requests = t.logs.filter((entry) => entry.msg === 'request');
      expect(requests.find((entry) => entry['path'] === `/meetings/${id}/reschedule` && entry['status'] === 409)).toMatchObject({ method: 'POST', ms: expect.any(Number) });
    });

    it('cancels a planned meeting, and a cancelled one refuses to start', async () => {
      const created = await call(t.url, 'POST', '/meetings', { json: scheduleBody({ meetingId: `m-cancel-${kind}` }) });
      expect(created.body).toEqual({ meetingId: `m-cancel-${kind}`, version: 0 });
      expect((await call(t.url, 'POST', `/meetings/m-cancel-${kind}/cancel`, { json: { reason: 'We found the answer by email', by: 'guest' } })).body).toEqual({ version: 1 });
      expect((await call(t.url, 'GET', `/meetings/m-cancel-${kind}`)).body.status).toBe('cancelled');
      const start = await call(t.url, 'POST', `/meetings/m-cancel-${kind}/start`);
      expect([start.status, start.body.detail]).toEqual([409, `meeting m-cancel-${kind} is cancelled; a cancelled meeting cannot be started`]);
      const twice = await call(t.url, 'POST', '/meetings', { json: scheduleBody({ meetingId: `m-cancel-${kind}` }) });
      expect([twice.status, twice.body.type]).toEqual([409, problemType('meeting-already-scheduled')]);
      await outboxWith(t.outbox, 'the cancellation to host and guest', (e) => e.meetingId === `m-cancel-${kind}` && e.notification === 'meeting-cancelled', 2);
      // The guest's link from the confirmation still verifies, and says the meeting is cancelled.
      const [confirmation] = await outboxWith(t.outbox, 'the confirmation to the guest', (e) => e.meetingId === `m-cancel-${kind}` && e.notification === 'meeting-scheduled' && e.audience === 'guest');
      const link = entryLink(confirmation?.html ?? '');
      const verified = await call(t.url, 'GET', `/links/verify?url=${encodeURIComponent(link)}`);
      expect([verified.status, verified.body]).toEqual([200, { meetingId: `m-cancel-${kind}`, audience: 'guest', recipient: 'g-gus', status: 'cancelled' }]);
    });

    if (kind === 'postgres') {
      it('stores no personal value in clear: the encrypting serializer is on', async () => {
        const pool = new Pool({ connectionString: testDatabaseUrl });
        try {
          const { rows } = await pool.query<{ data: string }>(`SELECT data::text AS data FROM ${escapeIdentifier(t.schema ?? '')}.events`);
          expect(rows.length).toBeGreaterThan(0);
          const all = rows.map((row) => row.data).join('\n');
          for (const secret of ['gus@example.org', 'Gus Guest', 'hanna@example.com', '+31 20 123 4567', 'A clash in my calendar']) expect(all).not.toContain(secret);
        } finally {
          await pool.end();
        }
      });
    }
  });
}
