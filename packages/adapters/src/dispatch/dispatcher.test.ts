import { aHost, cancelMeeting, recorded } from '@rendezvous/domain/testing';
import { messageIdFor } from '../mail/message-id';
import { rig, scheduled, times } from './rig.fixture';

const hostKey = 'm-1:meeting-scheduled:user:u-1:0';
const guestKey = 'm-1:meeting-scheduled:guest:g-1:0';

describe('the dispatcher', () => {
  it('sends each due email once, claiming it first and recording it after', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    const dispatcher = r.dispatcher();
    const report = await dispatcher.tick();
    expect(report).toEqual({ now: times.scheduledAt, sent: 2, retrying: 0, failed: 0, skipped: 0, waiting: 0, nextWakeAt: '2026-03-02T08:00:00Z' });
    expect(r.sentKeys().sort()).toEqual([guestKey, hostKey]);
    const guest = r.mailer.sent().find((s) => s.email.idempotencyKey === guestKey);
    expect((await r.deliveries(guestKey)).map((e) => e.type)).toEqual(['EmailClaimed', 'EmailSent']);
    expect((await r.deliveries(guestKey))[1]?.data).toEqual({
      idempotencyKey: guestKey,
      meetingId: 'm-1',
      notification: 'meeting-scheduled',
      audience: 'guest',
      recipientId: 'g-1',
      dueAt: times.scheduledAt,
      messageId: guest?.messageId,
      dispatcherId: 'd-1',
      attempt: 1,
    });
    expect((await dispatcher.tick()).sent).toBe(0);
    expect(r.mailer.attempts()).toBe(2);
  });

  it('renders with the due time as sentAt, so every copy and the replay agree', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    await r.clock.advanceTo('2026-03-01T09:05:00Z');
    await r.dispatcher().tick();
    expect(r.mailer.sent().map((s) => s.email.sentAt)).toEqual([times.scheduledAt, times.scheduledAt]);
  });

  it('sends starts-soon at its due time on the clock, and not before', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    const dispatcher = r.dispatcher();
    await dispatcher.tick();
    await r.clock.advanceTo('2026-03-02T07:59:59Z');
    expect((await dispatcher.tick()).sent).toBe(0);
    await r.clock.advanceTo(times.startsSoonDue);
    expect((await dispatcher.tick()).sent).toBe(2);
    expect(r.sentKeys().slice(2).sort()).toEqual(['m-1:meeting-starts-soon:guest:g-1:0', 'm-1:meeting-starts-soon:user:u-1:0']);
  });

  it('lets a cancel that lands a millisecond before the due time win', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    const dispatcher = r.dispatcher();
    await dispatcher.tick();
    await r.append(recorded(cancelMeeting({ now: '2026-03-02T07:59:59.999Z' })));
    await r.clock.advanceTo(times.startsSoonDue);
    const report = await dispatcher.tick();
    expect(report.sent).toBe(2);
    expect(r.sentKeys().slice(2).sort()).toEqual(['m-1:meeting-cancelled:guest:g-1:1', 'm-1:meeting-cancelled:user:u-1:1']);
  });

  it('lets a cancel at the very due time win, as the replay does', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    await r.append(recorded(cancelMeeting({ now: times.startsSoonDue })));
    await r.clock.advanceTo(times.startsSoonDue);
    await r.dispatcher().tick();
    expect(r.sentKeys().filter((k) => k.includes('starts-soon'))).toEqual([]);
  });

  it('skips a starts-soon whose meeting started while it was down, and still sends what else fell due', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    await r.clock.advanceTo('2026-03-02T09:10:00Z');
    const report = await r.dispatcher().tick();
    expect(report).toMatchObject({ sent: 2, skipped: 2 });
    expect(r.sentKeys().sort()).toEqual([guestKey, hostKey]);
    const skipped = await r.deliveries('m-1:meeting-starts-soon:guest:g-1:0');
    expect(skipped).toEqual([
      {
        type: 'EmailSkipped',
        occurredAt: '2026-03-02T09:10:00Z',
        data: {
          idempotencyKey: 'm-1:meeting-starts-soon:guest:g-1:0',
          meetingId: 'm-1',
          dueAt: times.startsSoonDue,
          cause: 'meeting-started',
          reason: "the meeting's start (2026-03-02T09:00:00Z) had passed before this reminder (due 2026-03-02T08:00:00Z) could be sent",
        },
      },
    ]);
  });

  it('still sends a late starts-soon while the meeting has not started', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    await r.clock.advanceTo('2026-03-02T08:40:00Z');
    await r.dispatcher().tick();
    expect(r.sentKeys().filter((k) => k.includes('starts-soon'))).toHaveLength(2);
  });

  it('records suppressed recipients as skipped, with the reason, and sends the others', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    const dispatcher = r.dispatcher({ isSuppressed: async (email) => (email === 'guest-1@example.com' ? 'the recipient restricted processing' : undefined) });
    expect(await dispatcher.tick()).toMatchObject({ sent: 1, skipped: 1 });
    expect(r.sentKeys()).toEqual([hostKey]);
    expect((await r.deliveries(guestKey)).map((e) => [e.type, e.data])).toEqual([
      ['EmailSkipped', { idempotencyKey: guestKey, meetingId: 'm-1', dueAt: times.scheduledAt, cause: 'suppressed', reason: 'the recipient restricted processing' }],
    ]);
  });

  it('leaves suppressed blind copies out of the email and sends it to the others', async () => {
    const r = rig();
    await r.store.append(
      'account-acc-1',
      [
        {
          type: 'NotificationCustomized',
          occurredAt: '2026-03-01T08:00:00Z',
          data: {
            accountId: 'acc-1',
            audience: 'guest',
            notification: 'meeting-scheduled',
            subject: 'Booked',
            body: 'Hello {{ recipient.name }}',
            bcc: ['audit@example.com', 'blocked@example.com', 'flaky@example.com'],
          },
        },
      ],
      { kind: 'noStream' },
    );
    await r.append(scheduled('m-1'));
    const suppressed = async (email: string) => {
      if (email === 'flaky@example.com') throw new Error('key store unreachable');
      return email === 'blocked@example.com' ? 'restricted' : undefined;
    };
    await r.dispatcher({ isSuppressed: suppressed }).tick();
    expect(r.mailer.sent().find((s) => s.email.idempotencyKey === guestKey)?.email.bcc).toEqual(['audit@example.com']);
  });

  it("names the host as the guest's Reply-To, unless the host is suppressed or the check fails (CONTRACT §2.15)", async () => {
    const replyTos = async (suppressed: (email: string) => Promise<string | undefined>) => {
      const r = rig();
      await r.append(scheduled('m-1'));
      await r.dispatcher({ isSuppressed: suppressed }).tick();
      const guestEmail = r.mailer.sent().find((s) => s.email.idempotencyKey === guestKey)?.email;
      expect(guestEmail).toBeDefined();
      return guestEmail?.replyTo?.email ?? 'none';
    };
    const host = aHost().email;
    expect(await replyTos(async () => undefined)).toBe(host);
    expect(await replyTos(async (email) => (email === host ? 'the host restricted processing' : undefined))).toBe('none');
    expect(await replyTos(async (email) => { if (email === host) throw new Error('key store unreachable'); return undefined; })).toBe('none');
  });

  it('sends nothing to a recipient whose suppression check fails, and tries again later', async () => {
    const r = rig();
    await r.append(scheduled('m-1', 1));
    let down = true;
    const dispatcher = r.dispatcher({ isSuppressed: async () => (down ? Promise.reject(new Error('key store unreachable')) : undefined) });
    expect(await dispatcher.tick()).toMatchObject({ sent: 0, waiting: 2, nextWakeAt: '2026-03-01T09:00:05Z' });
    down = false;
    await r.clock.advanceTo('2026-03-01T09:00:05Z');
    expect(await dispatcher.tick()).toMatchObject({ sent: 2, waiting: 0 });
  });

  it('uses the same Message-ID the mailers derive from the key', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    await r.dispatcher().tick();
    for (const sent of r.mailer.sent()) expect(sent.messageId).toBe(messageIdFor(sent.email));
  });
});
