import type { OutgoingEmail } from '@rendezvous/notifications';
import { messageIdFor } from '../mail/message-id';
import { isMailDeliveryError, type Mailer } from '../mail/port';
import type { ReceivedEmail } from '../mail/received/received-email';

/** What the contract needs from a mailer under test: the mailer and a way to see what arrived. */
export interface MailerUnderTest {
  readonly mailer: Mailer;
  /** Everything delivered so far, in the order it was sent. */
  received(): Promise<ReceivedEmail[]>;
  /** Closes the mailer and whatever receives its emails. */
  teardown(): Promise<void>;
}

let sampleCounter = 0;

/** A valid email with distinct key and `sentAt` per call; override what a test is about. */
export function sampleOutgoingEmail(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  sampleCounter += 1;
  // One minute apart, so mailers that order by `sentAt` (the .eml folder) keep the sending order.
  const sentAt = new Date(Date.UTC(2026, 2, 2, 9, sampleCounter)).toISOString().replace('.000Z', 'Z');
  return {
    idempotencyKey: `meeting-scheduled/m-1/guest/g-${sampleCounter}/0`,
    notification: 'meeting-scheduled',
    audience: 'guest',
    meetingId: 'm-1',
    accountId: 'a-1',
    from: { name: 'Acme', email: 'no-reply@meet.acme.com' },
    to: [{ name: 'Jan de Vries', email: 'jan@example.nl' }],
    bcc: [],
    subject: 'Your meeting with Alice',
    text: 'Hello Jan,\n\nsee you on Monday.\n',
    html: '<p>Hello Jan,</p><p>see you on Monday.</p>',
    attachments: [],
    sentAt,
    ...overrides,
  };
}

/** A VCALENDAR with CRLF line ends, as the ICS builder produces it (docs/CONTRACT.md §2.12). */
export function sampleIcs(method: 'REQUEST' | 'CANCEL', summary = 'Kennismaking met Zoë'): string {
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rendezvous//contract//EN', `METHOD:${method}`,
    'BEGIN:VEVENT', 'UID:m-1@meet.acme.com', `SEQUENCE:${method === 'CANCEL' ? 1 : 0}`,
    'DTSTAMP:20260301T090000Z', 'DTSTART:20260302T090000Z', 'DTEND:20260302T093000Z', `SUMMARY:${summary}`,
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}

const lines = (s: string) => s.replace(/\r\n/g, '\n').trimEnd();

/** Every byte value, twice: catches any text-mode or charset mangling of an attachment. */
const binary = Buffer.from([...Array.from({ length: 256 }, (_, i) => i), ...Array.from({ length: 256 }, (_, i) => 255 - i)]);

/**
 * The jest suite every Mailer must pass. Authors of other mail adapters (SES, Postmark, ...) run it
 * with a factory that builds a fresh mailer and a way to read what it delivered.
 */
export function describeMailerContract(name: string, factory: () => Promise<MailerUnderTest>): void {
  describe(`Mailer contract: ${name}`, () => {
    let under: MailerUnderTest;
    beforeEach(async () => {
      under = await factory();
    });
    afterEach(async () => {
      await under.teardown();
    });

    const sendOne = async (email: OutgoingEmail): Promise<ReceivedEmail> => {
      const receipt = await under.mailer.send(email);
      expect(receipt.messageId).toBe(messageIdFor(email));
      const received = await under.received();
      expect(received).toHaveLength(1);
      return received[0]!;
    };

    it('delivers a plain email under the Message-ID derived from its idempotency key', async () => {
      const email = sampleOutgoingEmail();
      const got = await sendOne(email);
      expect(got.messageId).toBe(messageIdFor(email));
      expect(got.from).toEqual({ name: 'Acme', email: 'no-reply@meet.acme.com' });
      expect(got.to).toEqual([{ name: 'Jan de Vries', email: 'jan@example.nl' }]);
      expect(got.envelopeRecipients).toEqual(['jan@example.nl']);
      expect(got.subject).toBe('Your meeting with Alice');
      expect(lines(got.text)).toBe('Hello Jan,\n\nsee you on Monday.');
      expect(lines(got.html)).toBe('<p>Hello Jan,</p><p>see you on Monday.</p>');
      expect(got.attachments).toEqual([]);
      expect(got.calendar).toBeUndefined();
    });

    it('marks a MIME email as automatic and names its idempotency key', async () => {
      const email = sampleOutgoingEmail();
      const got = await sendOne(email);
      if (got.headers === undefined) return; // a mailer without MIME has no headers to check
      expect(got.headers.get('auto-submitted')).toBe('auto-generated');
      expect(got.headers.get('x-rendezvous-key')).toBe(email.idempotencyKey);
      expect(got.headers.get('message-id')).toBe(messageIdFor(email));
    });

    it.each(['REQUEST', 'CANCEL'] as const)('carries a calendar invitation with METHOD:%s', async (method) => {
      const ics = sampleIcs(method);
      const got = await sendOne(sampleOutgoingEmail({ calendar: { method, ics } }));
      expect(got.calendar?.method).toBe(method);
      expect(lines(got.calendar?.ics ?? '')).toBe(lines(ics));
      expect(got.attachments).toEqual([]);
    });

    it('delivers attachments byte for byte, with their names and types', async () => {
      const attachments = [
        { filename: 'agenda.pdf', contentType: 'application/pdf', content: binary },
        { filename: 'Notulen één 📝.txt', contentType: 'text/plain', content: Buffer.from('regel 1\r\nregel 2 — ok\n', 'utf8') },
      ];
      const got = await sendOne(sampleOutgoingEmail({ attachments, calendar: { method: 'REQUEST', ics: sampleIcs('REQUEST') } }));
      expect(got.attachments.map((a) => [a.filename, a.contentType, a.content.toString('base64')])).toEqual(
        attachments.map((a) => [a.filename, a.contentType, a.content.toString('base64')]),
      );
      expect(got.calendar?.method).toBe('REQUEST');
    });

    it('carries Reply-To as a real header, delivering to nobody (docs/CONTRACT.md §2.15)', async () => {
      const email = sampleOutgoingEmail({ replyTo: { name: 'Hanna de Vries', email: 'hanna@acme.com' } });
      const got = await sendOne(email);
      expect(got.replyTo).toEqual({ name: 'Hanna de Vries', email: 'hanna@acme.com' });
      expect(got.envelopeRecipients).toEqual(['jan@example.nl']);
      if (got.headers === undefined) return; // a mailer without MIME has no headers to check
      expect(got.headers.get('reply-to')).toContain('<hanna@acme.com>');
    });

    it('adds no Reply-To to an email without one (host emails)', async () => {
      const got = await sendOne(sampleOutgoingEmail({ audience: 'user' }));
      expect(got.replyTo).toBeUndefined();
      expect(got.headers?.has('reply-to') ?? false).toBe(false);
    });

    it('delivers blind copies through the envelope only, never in a header', async () => {
      const email = sampleOutgoingEmail({ bcc: ['archive@acme.com', 'JAN@example.nl'] });
      const got = await sendOne(email);
      expect(got.to).toEqual([{ name: 'Jan de Vries', email: 'jan@example.nl' }]);
      expect(got.envelopeRecipients).toEqual(['jan@example.nl', 'archive@acme.com']);
      expect(got.headers?.has('bcc') ?? false).toBe(false);
      expect([...(got.headers?.values() ?? [])].join('\n')).not.toContain('archive@acme.com');
    });

    it('keeps unicode subjects, names and bodies intact', async () => {
      const email = sampleOutgoingEmail({
        from: { name: 'Zoë & Søren B.V.', email: 'no-reply@meet.acme.com' },
        to: [{ name: 'Jürgen Ümlaut', email: 'jurgen@example.de' }, { name: '', email: 'second@example.nl' }],
        replyTo: { name: 'Zoë Ødegård', email: 'zoe@acme.com' },
        subject: 'Afspraak bevestigd: één gesprek 🎉 op maandag',
        text: 'Tot maandag! 👋 Groeten, Zoë\n',
        html: '<p>Tot maandag! 👋</p>',
      });
      const got = await sendOne(email);
      expect(got.subject).toBe('Afspraak bevestigd: één gesprek 🎉 op maandag');
      expect(got.from.name).toBe('Zoë & Søren B.V.');
      expect(got.to).toEqual([{ name: 'Jürgen Ümlaut', email: 'jurgen@example.de' }, { name: '', email: 'second@example.nl' }]);
      expect(got.replyTo).toEqual({ name: 'Zoë Ødegård', email: 'zoe@acme.com' });
      expect(lines(got.text)).toBe('Tot maandag! 👋 Groeten, Zoë');
      expect(lines(got.html)).toBe('<p>Tot maandag! 👋</p>');
    });

    it('cannot be made to add a header through a name or subject holding a line break', async () => {
      const email = sampleOutgoingEmail({
        from: { name: 'Acme\r\nBcc: thief@evil.test', email: 'no-reply@meet.acme.com' },
        to: [{ name: 'Jan\nX-Injected: yes', email: 'jan@example.nl' }],
        replyTo: { name: 'Hanna\r\nBcc: thief@evil.test', email: 'hanna@acme.com' },
        subject: 'Hello\r\nX-Injected: yes',
      });
      const got = await sendOne(email);
      expect(got.from.name).toBe('Acme Bcc: thief@evil.test');
      expect(got.to[0]?.name).toBe('Jan X-Injected: yes');
      expect(got.replyTo).toEqual({ name: 'Hanna Bcc: thief@evil.test', email: 'hanna@acme.com' });
      expect(got.subject.replace(/\s+/g, ' ')).toBe('Hello X-Injected: yes');
      expect(got.envelopeRecipients).toEqual(['jan@example.nl']);
      expect(got.headers?.has('x-injected') ?? false).toBe(false);
      expect(got.headers?.has('bcc') ?? false).toBe(false);
    });

    it('delivers several emails in order, each under its own Message-ID, and a retry under the same one', async () => {
      const emails = [sampleOutgoingEmail(), sampleOutgoingEmail(), sampleOutgoingEmail()];
      for (const email of emails) await under.mailer.send(email);
      const retry = await under.mailer.send(emails[1]!);
      expect(retry.messageId).toBe(messageIdFor(emails[1]!));
      const ids = (await under.received()).map((r) => r.messageId);
      // A mailer may drop the retry (the .eml folder does) or deliver it again (SMTP does).
      expect(ids.slice(0, 3)).toEqual(emails.map(messageIdFor));
      expect(ids.slice(3)).toEqual(ids.length === 4 ? [messageIdFor(emails[1]!)] : []);
      expect(new Set(ids.slice(0, 3)).size).toBe(3);
    });

    it('refuses an invalid address permanently, before anything is delivered', async () => {
      const email = sampleOutgoingEmail({ bcc: ['not an address'] });
      const error: unknown = await under.mailer.send(email).then(() => undefined, (e: unknown) => e);
      expect(isMailDeliveryError(error)).toBe(true);
      expect(error).toMatchObject({ kind: 'permanent', reason: 'invalid-address', idempotencyKey: email.idempotencyKey });
      expect((error as Error).message).toContain('bcc.0');
      expect(await under.received()).toEqual([]);
    });

    it('refuses an invalid Reply-To address permanently, naming the field', async () => {
      const email = sampleOutgoingEmail({ replyTo: { name: 'Hanna', email: 'hanna at acme' } });
      const error: unknown = await under.mailer.send(email).then(() => undefined, (e: unknown) => e);
      expect(error).toMatchObject({ kind: 'permanent', reason: 'invalid-address', idempotencyKey: email.idempotencyKey });
      expect((error as Error).message).toContain('replyTo');
      expect(await under.received()).toEqual([]);
    });

    it('fails sends after close() as transient, so the next process sends them', async () => {
      await under.mailer.close();
      await under.mailer.close();
      const error: unknown = await under.mailer.send(sampleOutgoingEmail()).then(() => undefined, (e: unknown) => e);
      expect(error).toMatchObject({ kind: 'transient', reason: 'closed' });
    });
  });
}
