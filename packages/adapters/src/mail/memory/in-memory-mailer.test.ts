import { describeMailerContract, sampleOutgoingEmail } from '../../testing/mailer-contract';
import { messageIdFor } from '../message-id';
import { receivedFromOutgoing } from '../received/received-email';
import { createInMemoryMailer } from './in-memory-mailer';

describeMailerContract('in-memory', async () => {
  const mailer = createInMemoryMailer();
  return {
    mailer,
    received: async () => mailer.sent().map((s) => receivedFromOutgoing(s.email, s.messageId)),
    teardown: () => mailer.close(),
  };
});

const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe('in-memory mailer', () => {
  const at = new Date('2026-03-02T09:00:05Z');

  it('records each accepted email with its Message-ID and acceptance time', async () => {
    const mailer = createInMemoryMailer({ now: () => at });
    const email = sampleOutgoingEmail();
    const receipt = await mailer.send(email);
    expect(receipt).toEqual({ messageId: messageIdFor(email), acceptedAt: '2026-03-02T09:00:05.000Z', response: '250 accepted in memory' });
    expect(mailer.sent()).toEqual([{ email, messageId: messageIdFor(email), acceptedAt: '2026-03-02T09:00:05.000Z' }]);
  });

  it('fails the next N sends with the injected kind, then sends again', async () => {
    const mailer = createInMemoryMailer();
    mailer.failNext(2, 'transient');
    mailer.failNext(1, 'permanent', 'message-too-big');
    const email = sampleOutgoingEmail();
    expect(await failureOf(mailer.send(email))).toMatchObject({ kind: 'transient', reason: 'deferred', idempotencyKey: email.idempotencyKey });
    expect(await failureOf(mailer.send(email))).toMatchObject({ kind: 'transient', reason: 'deferred' });
    expect(await failureOf(mailer.send(email))).toMatchObject({ kind: 'permanent', reason: 'message-too-big' });
    await mailer.send(email);
    expect(mailer.sent().map((s) => s.email)).toEqual([email]);
    expect(mailer.attempts()).toBe(4);
  });

  it('fails the emails a predicate picks, every time', async () => {
    const mailer = createInMemoryMailer();
    mailer.failWhen((e) => (e.to.some((p) => p.email === 'gone@example.com') ? 'permanent' : undefined));
    const bad = sampleOutgoingEmail({ to: [{ name: 'Gone', email: 'gone@example.com' }] });
    expect(await failureOf(mailer.send(bad))).toMatchObject({ kind: 'permanent', reason: 'rejected' });
    expect(await failureOf(mailer.send(bad))).toMatchObject({ kind: 'permanent', reason: 'rejected' });
    await mailer.send(sampleOutgoingEmail());
    expect(mailer.sent()).toHaveLength(1);
  });

  it('hangs a send until its timeout, then fails it as a transient timeout', async () => {
    jest.useFakeTimers();
    try {
      const mailer = createInMemoryMailer({ hangTimeoutMs: 5_000 });
      mailer.hangNext();
      const pending = failureOf(mailer.send(sampleOutgoingEmail()));
      await jest.advanceTimersByTimeAsync(4_999);
      let settled = false;
      void pending.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect(await pending).toMatchObject({ kind: 'transient', reason: 'timeout' });
      expect(mailer.sent()).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('releases a send hung without a timeout when closed', async () => {
    const mailer = createInMemoryMailer();
    mailer.hangNext(1);
    const pending = failureOf(mailer.send(sampleOutgoingEmail()));
    await mailer.close();
    expect(await pending).toMatchObject({ kind: 'transient', reason: 'closed' });
  });

  it('clear() forgets sent emails, attempts and pending faults', async () => {
    const mailer = createInMemoryMailer();
    await mailer.send(sampleOutgoingEmail());
    mailer.failNext(3, 'permanent');
    mailer.clear();
    await mailer.send(sampleOutgoingEmail());
    expect(mailer.sent()).toHaveLength(1);
    expect(mailer.attempts()).toBe(1);
  });
});
