import { cancelMeeting, recorded, rescheduleMeeting } from '@rendezvous/domain/testing';
import type { OutgoingEmail } from '@rendezvous/notifications';
import type { Mailer } from '../mail/port';
import { rig, scheduled, times } from './rig.fixture';

const hostKey = 'm-1:meeting-scheduled:user:u-1:0';
const guestKey = 'm-1:meeting-scheduled:guest:g-1:0';

/** A mailer whose sends wait at a gate until the test opens it. */
function gated(inner: Mailer): Mailer & { open(): void; waiting(): number } {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let waiting = 0;
  return {
    open: () => open(),
    waiting: () => waiting,
    async send(email: OutgoingEmail) {
      waiting++;
      await gate;
      return inner.send(email);
    },
    close: () => inner.close(),
  };
}

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition not met in time');
};

describe('the dispatcher started and stopped', () => {
  it('sends at-once emails as soon as the facts arrive, and reminders when the clock reaches them', async () => {
    const r = rig();
    const dispatcher = r.dispatcher();
    await dispatcher.start();
    await r.append(scheduled('m-1'));
    await until(() => r.mailer.sent().length === 2);
    await r.clock.advanceTo(times.startsSoonDue);
    await dispatcher.idle();
    expect(r.sentKeys().slice(2).sort()).toEqual(['m-1:meeting-starts-soon:guest:g-1:0', 'm-1:meeting-starts-soon:user:u-1:0']);
    await dispatcher.stop();
  });

  it('stop() waits for the sends in flight, records them, starts no new one and saves the checkpoint', async () => {
    const r = rig();
    await r.append(scheduled('m-1'), scheduled('m-2'));
    const mailer = gated(r.mailer);
    const dispatcher = r.dispatcher({ mailer, concurrency: 1 });
    await dispatcher.start();
    await until(() => mailer.waiting() === 2);
    let stopped = false;
    const stopping = dispatcher.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(stopped).toBe(false);
    mailer.open();
    await stopping;
    // One meeting's confirmations were in flight and went out; the other's were never started.
    const sentMeeting = r.mailer.sent()[0]!.email.meetingId;
    const other = sentMeeting === 'm-1' ? 'm-2' : 'm-1';
    expect(r.sentKeys().sort()).toEqual([`${sentMeeting}:meeting-scheduled:guest:g-1:0`, `${sentMeeting}:meeting-scheduled:user:u-1:0`]);
    expect((await dispatcher.emails(other)).filter((e) => e.notification === 'meeting-scheduled').map((e) => e.state)).toEqual(['due', 'due']);
    for (const sent of r.mailer.sent()) expect((await r.deliveries(sent.email.idempotencyKey)).map((e) => e.type)).toEqual(['EmailClaimed', 'EmailSent']);
    // The checkpoint is the due index's: the position of the last meeting fact it folded.
    expect(await r.checkpoints.load('d-1')).toEqual({ position: 2n, at: times.scheduledAt });
    expect(r.logs.filter((l) => l.kind === 'dispatcher').map((l) => l.msg)).toEqual(['dispatcher started', 'dispatcher stopped']);
  });

  it('resumes after a restart without sending anything twice', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    const first = r.dispatcher();
    await first.start();
    await until(() => r.mailer.sent().length === 2);
    await first.stop();

    await r.append(recorded(rescheduleMeeting({ meetingId: 'm-1', now: '2026-03-01T10:00:00Z', start: '2026-03-03T09:00:00Z' })));
    await r.clock.advanceTo('2026-03-01T10:00:00Z');
    const second = r.dispatcher();
    await second.start();
    await second.idle();
    expect(r.sentKeys().slice(2).sort()).toEqual(['m-1:meeting-rescheduled:guest:g-1:1', 'm-1:meeting-rescheduled:user:u-1:1']);
    await second.stop();
    const started = r.logs.filter((l) => l.kind === 'dispatcher' && l.msg === 'dispatcher started');
    expect(started[1]?.kind === 'dispatcher' && started[1].detail).toBe(
      // A fresh in-memory index reads the two meeting facts again, not the four delivery records between them.
      'due index at position 6 (2 facts folded now), 1 meetings with pending work; last checkpoint at position 1, last tick 2026-03-01T09:00:00Z',
    );
    expect(new Set(r.sentKeys()).size).toBe(r.sentKeys().length);
  });

  it('catches up after downtime: sends what fell due, skips the reminder that came too late', async () => {
    const r = rig();
    const first = r.dispatcher();
    await first.start();
    await first.stop();
    await r.append(scheduled('m-1'));
    await r.clock.advanceTo('2026-03-02T09:05:00Z');
    const second = r.dispatcher();
    await second.start();
    await second.idle();
    await second.stop();
    expect(r.sentKeys().sort()).toEqual([guestKey, hostKey]);
    expect((await second.emails('m-1')).map((e) => `${e.notification} ${e.audience} ${e.state}`)).toEqual([
      'meeting-scheduled user sent',
      'meeting-scheduled guest sent',
      'meeting-starts-soon user skipped',
      'meeting-starts-soon guest skipped',
    ]);
  });

  it('shows every email of a meeting with its state and reason', async () => {
    const r = rig();
    await r.append(scheduled('m-1', 2));
    r.mailer.failWhen((email) => (email.idempotencyKey === 'm-1:meeting-scheduled:guest:g-2:0' ? 'transient' : undefined));
    const dispatcher = r.dispatcher({ isSuppressed: async (email) => (email === 'guest-1@example.com' ? 'restricted by the recipient' : undefined) });
    await dispatcher.tick();
    const sent = r.mailer.sent()[0]!;
    expect(await dispatcher.emails('m-1')).toEqual([
      {
        idempotencyKey: hostKey,
        notification: 'meeting-scheduled',
        audience: 'user',
        recipientId: 'u-1',
        to: 'hanna@example.com',
        dueAt: times.scheduledAt,
        state: 'sent',
        reason: `sent at ${times.scheduledAt} as ${sent.messageId} by dispatcher d-1 (attempt 1)`,
        attempts: 1,
        sentAt: times.scheduledAt,
        messageId: sent.messageId,
      },
      {
        idempotencyKey: guestKey,
        notification: 'meeting-scheduled',
        audience: 'guest',
        recipientId: 'g-1',
        to: 'guest-1@example.com',
        dueAt: times.scheduledAt,
        state: 'skipped',
        reason: `skipped at ${times.scheduledAt}: restricted by the recipient`,
        attempts: 0,
      },
      {
        idempotencyKey: 'm-1:meeting-scheduled:guest:g-2:0',
        notification: 'meeting-scheduled',
        audience: 'guest',
        recipientId: 'g-2',
        to: 'guest-2@example.com',
        dueAt: times.scheduledAt,
        state: 'retrying',
        reason: 'attempt 1 failed: email m-1:meeting-scheduled:guest:g-2:0 was not sent: refused by failWhen (transient); next attempt at 2026-03-01T09:00:00.750Z',
        attempts: 1,
        nextAttemptAt: '2026-03-01T09:00:00.750Z',
      },
      ...['u-1', 'g-1', 'g-2'].map((id, i) => ({
        idempotencyKey: `m-1:meeting-starts-soon:${i === 0 ? 'user' : 'guest'}:${id}:0`,
        notification: 'meeting-starts-soon',
        audience: i === 0 ? 'user' : 'guest',
        recipientId: id,
        to: i === 0 ? 'hanna@example.com' : `guest-${i}@example.com`,
        dueAt: times.startsSoonDue,
        state: 'planned',
        reason: expect.stringContaining(`pending: due at ${times.startsSoonDue}`),
        attempts: 0,
      })),
    ]);
  });

  it('reports a cancelled meeting reminder as withdrawn', async () => {
    const r = rig();
    await r.append(scheduled('m-1'), recorded(cancelMeeting({ now: '2026-03-01T10:00:00Z' })));
    await r.clock.advanceTo('2026-03-01T10:00:00Z');
    const dispatcher = r.dispatcher();
    await dispatcher.tick();
    expect((await dispatcher.emails('m-1')).filter((e) => e.notification === 'meeting-starts-soon').map((e) => e.state)).toEqual(['withdrawn', 'withdrawn']);
  });

  it('refuses settings under which a claim could run out during its send', () => {
    const r = rig();
    expect(() => r.dispatcher({ leaseMs: 1_000, sendTimeoutMs: 900, storeTimeoutMs: 100 })).toThrow(
      'createDispatcher: leaseMs (1000) must exceed sendTimeoutMs + 2 × storeTimeoutMs (1100): a claim must outlast the send and its record',
    );
    expect(() => r.dispatcher({ dispatcherId: 'web 1' })).toThrow('createDispatcher: dispatcherId "web 1" must be 1 to 200 visible ASCII characters');
  });
});
