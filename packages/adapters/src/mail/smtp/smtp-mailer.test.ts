import { createServer } from 'node:net';
import { describeMailerContract, sampleIcs, sampleOutgoingEmail } from '../../testing/mailer-contract';
import { messageIdFor } from '../message-id';
import { receivedFromMime } from '../received/received-from-mime';
import { startSmtpCaptureServer, type CaptureServer } from './capture-server';
import { createSmtpMailer } from './smtp-mailer';

describeMailerContract('SMTP (smtp-server + mailparser)', async () => {
  const server = await startSmtpCaptureServer();
  const mailer = createSmtpMailer({ url: server.url, timeoutMs: 5_000 });
  return {
    mailer,
    received: () => Promise.all(server.messages().map((m) => receivedFromMime(m.raw, m.rcptTo))),
    teardown: async () => {
      await mailer.close();
      await server.close();
    },
  };
});

const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('SMTP mailer', () => {
  let server: CaptureServer;
  let mailer: ReturnType<typeof createSmtpMailer>;
  beforeEach(async () => {
    server = await startSmtpCaptureServer({ size: 64 * 1024 });
    mailer = createSmtpMailer({ url: server.url, timeoutMs: 2_000, now: () => new Date('2026-03-02T09:00:01Z') });
  });
  afterEach(async () => {
    await mailer.close();
    await server.close();
  });

  it('sends the MIME a calendar client expects: text, html and text/calendar alternatives plus invite.ics', async () => {
    const email = sampleOutgoingEmail({
      bcc: ['archive@acme.com'],
      calendar: { method: 'CANCEL', ics: sampleIcs('CANCEL') },
      attachments: [{ filename: 'agenda.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4') }],
      sentAt: '2026-03-02T09:00:00Z',
    });
    const receipt = await mailer.send(email);
    expect(receipt).toEqual({ messageId: messageIdFor(email), acceptedAt: '2026-03-02T09:00:01.000Z', response: expect.stringMatching(/^250 /) });
    const [message] = server.messages();
    expect(message?.mailFrom).toBe('no-reply@meet.acme.com');
    expect(message?.rcptTo).toEqual(['jan@example.nl', 'archive@acme.com']);
    const raw = message!.raw.toString('utf8');
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    expect(head).toMatch(/^Content-Type: multipart\/mixed;/m);
    expect(head).toContain(`Message-ID: ${messageIdFor(email)}`);
    expect(head).toContain('Date: Mon, 02 Mar 2026 09:00:00 +0000');
    expect(head).toContain('Auto-Submitted: auto-generated');
    expect(head).toContain(`X-Rendezvous-Key: ${email.idempotencyKey}`);
    expect(head).not.toMatch(/^(Bcc|X-Mailer):/im);
    expect(raw).not.toContain('archive@acme.com');
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    expect(raw).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=CANCEL$/m);
    expect(raw).toMatch(/^Content-Type: application\/ics; name=invite\.ics$/m);
    expect(raw).toMatch(/^Content-Disposition: attachment; filename=agenda\.pdf$/m);
    const parsed = await receivedFromMime(message!.raw, message!.rcptTo);
    expect(parsed.calendar?.method).toBe('CANCEL');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['agenda.pdf']);
  });

  it('encodes a name holding CR/LF inside one header line', async () => {
    await mailer.send(sampleOutgoingEmail({ to: [{ name: 'Jan\r\nBcc: thief@evil.test', email: 'jan@example.nl' }] }));
    const raw = server.messages()[0]!.raw.toString('utf8');
    expect(raw).toMatch(/^To: "?Jan Bcc: thief@evil\.test"? <jan@example\.nl>$/m);
    expect(raw).not.toMatch(/^Bcc:/im);
    expect(server.messages()[0]?.rcptTo).toEqual(['jan@example.nl']);
  });

  it.each([
    [{ at: 'data', code: 451, message: '4.3.0 Try again later' }, 'transient', 'deferred', 451],
    [{ at: 'rcpt', code: 450, message: '4.2.1 Mailbox busy' }, 'transient', 'deferred', 450],
    [{ at: 'data', code: 554, message: '5.7.1 Message refused' }, 'permanent', 'rejected', 554],
    [{ at: 'rcpt', code: 550, message: '5.1.1 No such user' }, 'permanent', 'invalid-address', 550],
  ] as const)('classifies a server answer %j as %s %s', async (fault, kind, reason, code) => {
    server.setFault(fault);
    const email = sampleOutgoingEmail();
    const error = await failureOf(mailer.send(email));
    expect(error).toMatchObject({ kind, reason, code, idempotencyKey: email.idempotencyKey });
    expect((error as Error).message).toContain(String(code));
    expect(server.messages()).toEqual([]);
  });

  it('classifies a message over the server size limit as permanently too big', async () => {
    const big = { filename: 'big.bin', contentType: 'application/octet-stream', content: Buffer.alloc(100 * 1024, 7) };
    expect(await failureOf(mailer.send(sampleOutgoingEmail({ attachments: [big] })))).toMatchObject({
      kind: 'permanent',
      reason: 'message-too-big',
      code: 552,
    });
  });

  it('reports recipients the server refused while it took the email for the others', async () => {
    server.setFault({ at: 'rcpt', code: 550, message: '5.1.1 No such user', only: ['gone@acme.com'] });
    const receipt = await mailer.send(sampleOutgoingEmail({ bcc: ['gone@acme.com'] }));
    expect(receipt.rejected).toEqual(['gone@acme.com']);
    expect(server.messages().map((m) => m.rcptTo)).toEqual([['jan@example.nl']]);
  });

  it('fails as a transient timeout when the server never answers, and recovers', async () => {
    server.setFault({ at: 'data', hang: true });
    const quick = createSmtpMailer({ url: server.url, timeoutMs: 300 });
    const started = Date.now();
    const error = await failureOf(quick.send(sampleOutgoingEmail()));
    expect(error).toMatchObject({ kind: 'transient', reason: 'timeout' });
    expect((error as Error).message).toContain('no answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
    // The retry goes through on the same (pooled) mailer once the server answers again.
    server.setFault(undefined);
    const retry = sampleOutgoingEmail();
    expect((await quick.send(retry)).messageId).toBe(messageIdFor(retry));
    expect(server.messages()).toHaveLength(1);
    await quick.close();
  });

  it('fails as a transient connection error when nothing listens on the port', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
      });
    });
    const nowhere = createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, timeoutMs: 2_000 });
    expect(await failureOf(nowhere.send(sampleOutgoingEmail()))).toMatchObject({ kind: 'transient', reason: 'connection' });
    await nowhere.close();
  });

  it('sends concurrent emails over the pool, and without a pool too', async () => {
    const emails = Array.from({ length: 6 }, () => sampleOutgoingEmail());
    await Promise.all(emails.map((e) => mailer.send(e)));
    const single = createSmtpMailer({ transport: { host: '127.0.0.1', port: server.port }, pool: false });
    await single.send(sampleOutgoingEmail());
    await single.close();
    expect(server.messages()).toHaveLength(7);
  });
});
