import { call, eventually, hoursFromNow, outboxEmails, outboxWith, scheduleBody, startTestBackend, type BackendUnderTest, type StoreKind } from './fixture';

// A person's rights over HTTP: export everything held about them, restrict (no more emails),
// erase (their data unreadable everywhere, and no email goes to their address again).

/** Declares the privacy tests against one store. */
export function describePrivacy(kind: StoreKind): void {
  describe(`privacy routes on the ${kind} store`, () => {
    let t: BackendUnderTest;
    beforeAll(async () => {
      t = await startTestBackend(kind);
    });
    afterAll(async () => {
      await t.stop();
    });

    it('exports, restricts and erases by email address; erased and restricted people get no further email', async () => {
      const rita = { guestId: 'g-rita', name: 'Rita Restricted', email: 'rita@example.com', phone: '+1 555 0100' };
      const booking = scheduleBody({ meetingId: 'm-privacy', description: 'Gus would like to talk about his mortgage' });
      await call(t.url, 'POST', '/meetings', { json: { ...booking, guests: [...(booking['guests'] as object[]), rita] } });
      await outboxWith(t.outbox, 'the three confirmations', (e) => e.meetingId === 'm-privacy', 3);

      const gus = await call(t.url, 'GET', '/privacy/subjects/gus%40example.org');
      expect(gus.status).toBe(200);
      expect(gus.body).toMatchObject({ email: 'gus@example.org', erased: false, restricted: false });
      expect(gus.body.subjects).toEqual([
        {
          subject: 'email:gus@example.org',
          erased: false,
          restricted: false,
          events: [
            {
              streamId: 'meeting-m-privacy',
              version: 0,
              type: 'MeetingScheduled',
              occurredAt: expect.any(String),
              fields: {
                'data.guests.0.name': 'Gus Guest',
                'data.guests.0.email': 'gus@example.org',
                'data.guests.0.phone': '+44 20 7946 0000',
                'data.description': 'Gus would like to talk about his mortgage',
              },
            },
          ],
        },
      ]);
      const host = await call(t.url, 'GET', '/privacy/subjects/HANNA@example.com');
      expect(host.body.subjects.map((s: { subject: string }) => s.subject)).toEqual(['email:hanna@example.com', 'user:u-hanna']);
      expect(host.body.subjects[1].events[0].fields['data.host.phone']).toBe('+31 20 123 4567');

      expect((await call(t.url, 'POST', '/privacy/subjects/rita@example.com/restrict')).body).toEqual({ email: 'rita@example.com', restricted: true, subjects: ['email:rita@example.com'] });
      expect((await call(t.url, 'DELETE', '/privacy/subjects/gus@example.org')).body).toEqual({ email: 'gus@example.org', erased: true, subjects: ['email:gus@example.org'] });

      const erased = await call(t.url, 'GET', '/privacy/subjects/gus@example.org');
      expect(erased.body).toMatchObject({ erased: true, subjects: [{ subject: 'email:gus@example.org', erased: true, events: [] }] });
      const meeting = await call(t.url, 'GET', '/meetings/m-privacy');
      expect(meeting.body.guests[0]).toMatchObject({ guestId: 'g-gus', name: '[erased]', email: expect.stringMatching(/^erased-[0-9a-f]{16}@erased\.invalid$/) });
      expect(meeting.body.description).toBe('[erased]');
      const everything = JSON.stringify([erased.body, meeting.body]);
      for (const secret of ['Gus Guest', '+44 20 7946 0000', 'mortgage']) expect(everything).not.toContain(secret);

      // A reschedule emails everyone: the host gets it, the restricted and the erased guest do not.
      const before = (await outboxEmails(t.outbox)).length;
      expect((await call(t.url, 'POST', '/meetings/m-privacy/reschedule', { json: { start: hoursFromNow(60), reason: 'Room booked', by: 'user' } })).status).toBe(200);
      await outboxWith(t.outbox, 'the reschedule to the host', (e) => e.meetingId === 'm-privacy' && e.notification === 'meeting-rescheduled');
      // The erased guest is not even planned (the meeting is folded from the store as it reads
      // now, with the address erased); the restricted one is skipped when it falls due.
      const skipped = await eventually('both guest reschedules to be withheld', async () => {
        const { emails } = (await call(t.url, 'GET', '/meetings/m-privacy/emails')).body as { emails: { notification: string; audience: string; recipientId: string; state: string; reason: string }[] };
        const guests = emails.filter((e) => e.notification === 'meeting-rescheduled' && e.audience === 'guest');
        return guests.length === 2 && guests.every((e) => e.state === 'skipped' || e.state === 'suppressed') ? guests : undefined;
      });
      expect(skipped.map((e) => `${e.recipientId} ${e.state}: ${e.reason.replace(/^skipped at \S+: /, '')}`).sort()).toEqual([
        "g-gus suppressed: not sent: the recipient's address was erased",
        'g-rita skipped: the recipient restricted the processing of their data',
      ]);
      const after = await outboxEmails(t.outbox);
      expect(after.length).toBe(before + 1);
      expect(after.slice(before).map((e) => e.to[0]?.email)).toEqual(['hanna@example.com']);

      expect((await call(t.url, 'DELETE', '/privacy/subjects/rita@example.com/restrict')).body).toMatchObject({ restricted: false });
      expect((await call(t.url, 'GET', '/privacy/subjects/rita@example.com')).body.restricted).toBe(false);
      const invalid = await call(t.url, 'GET', '/privacy/subjects/not-an-address');
      expect([invalid.status, invalid.body.field]).toEqual([422, 'email']);
      // The address is personal: request logs name the route, not the person.
      expect(t.logs.filter((entry) => entry.msg === 'request' && String(entry['path']).startsWith('/privacy')).every((entry) => !String(entry['path']).includes('@'))).toBe(true);
    });
  });
}
