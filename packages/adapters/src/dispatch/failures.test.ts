import { messageIdFor } from '../mail/message-id';
import { faultyStore, killableMailer } from './faults.fixture';
import { retryDelayMs } from './retry-delay';
import { rig, scheduled, times } from './rig.fixture';

const hostKey = 'm-1:meeting-scheduled:user:u-1:0';
const guestKey = 'm-1:meeting-scheduled:guest:g-1:0';

describe('the dispatcher when things fail', () => {
  it('takes over claims whose lease ran out and sends again with the same Message-ID: the one duplicate allowed', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    // Dispatcher A dies between the mailer's acceptance of both confirmations and their EmailSent records.
    const storeA = faultyStore(r.store, { append: (_, events) => (events[0]?.type === 'EmailSent' ? 'kill' : 'pass') });
    const a = r.dispatcher({ dispatcherId: 'a', store: storeA });
    void a.tick();
    for (let i = 0; i < 100 && !storeA.killed; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(storeA.killed).toBe(true);
    const first = r.mailer.sent();
    expect(first.map((s) => s.email.idempotencyKey).sort()).toEqual([guestKey, hostKey]);

    const b = r.dispatcher({ dispatcherId: 'b' });
    expect(await b.tick()).toMatchObject({ sent: 0, waiting: 2, nextWakeAt: '2026-03-01T09:01:00Z' });
    expect((await b.emails('m-1')).find((e) => e.idempotencyKey === guestKey)).toMatchObject({
      state: 'sending',
      reason: 'attempt 1 claimed by dispatcher a at 2026-03-01T09:00:00Z, theirs until 2026-03-01T09:01:00Z',
    });

    await r.clock.advanceTo('2026-03-01T09:01:00Z');
    expect(await b.tick()).toMatchObject({ sent: 2, waiting: 0 });
    for (const { email, messageId } of first) {
      expect(r.mailer.sent().filter((s) => s.email.idempotencyKey === email.idempotencyKey).map((c) => c.messageId)).toEqual([messageId, messageId]);
    }
    expect((await r.deliveries(guestKey)).map((e) => `${e.type}:${'dispatcherId' in e.data ? e.data.dispatcherId : ''}:${'attempt' in e.data ? e.data.attempt : ''}`)).toEqual([
      'EmailClaimed:a:1',
      'EmailClaimed:b:2',
      'EmailSent:b:2',
    ]);
  });

  it('records a permanent failure once and never tries again', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    r.mailer.failWhen((email) => (email.idempotencyKey === guestKey ? 'permanent' : undefined));
    const dispatcher = r.dispatcher();
    expect(await dispatcher.tick()).toMatchObject({ sent: 1, failed: 1, retrying: 0 });
    await r.clock.advanceTo('2026-03-01T23:00:00Z');
    await dispatcher.tick();
    const restarted = r.dispatcher();
    await restarted.tick();
    expect(r.mailer.attempts()).toBe(2);
    const events = await r.deliveries(guestKey);
    expect(events.map((e) => e.type)).toEqual(['EmailClaimed', 'EmailFailed']);
    expect(events[1]?.data).toEqual({
      idempotencyKey: guestKey,
      meetingId: 'm-1',
      dispatcherId: 'd-1',
      dueAt: times.scheduledAt,
      attempt: 1,
      permanent: true,
      reason: 'rejected',
      detail: `email ${guestKey} was not sent: refused by failWhen (permanent)`,
    });
    expect((await restarted.emails('m-1')).find((e) => e.idempotencyKey === guestKey)).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('retries transient failures with exponential backoff and exact jitter, then gives up', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    r.mailer.failWhen((email) => (email.idempotencyKey === guestKey ? 'transient' : undefined));
    const randoms = [0, 0.5, 0.25, 0.999];
    const dispatcher = r.dispatcher({ retry: { maxAttempts: 5, baseDelayMs: 1_000, maxDelayMs: 5_000, random: () => randoms.shift() ?? 0 } });
    const wakes: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) {
      const report = await dispatcher.tick();
      wakes.push(report.nextWakeAt);
      const retryAt = report.nextWakeAt;
      if (retryAt !== undefined && retryAt < times.startsSoonDue) await r.clock.advanceTo(retryAt);
    }
    const failures = (await r.deliveries(guestKey)).filter((e) => e.type === 'EmailFailed');
    // Steps 1 s, 2 s, 4 s, 5 s (capped): half fixed, half jitter with random 0, 0.5, 0.25, 0.999.
    expect(failures.map((e) => [e.occurredAt, e.type === 'EmailFailed' ? (e.data.retryAt ?? 'final') : ''])).toEqual([
      ['2026-03-01T09:00:00Z', '2026-03-01T09:00:00.500Z'],
      ['2026-03-01T09:00:00.500Z', '2026-03-01T09:00:02Z'],
      ['2026-03-01T09:00:02Z', '2026-03-01T09:00:04.500Z'],
      ['2026-03-01T09:00:04.500Z', '2026-03-01T09:00:09.497Z'],
      ['2026-03-01T09:00:09.497Z', 'final'],
    ]);
    expect(wakes.slice(0, 4)).toEqual(['2026-03-01T09:00:00.500Z', '2026-03-01T09:00:02Z', '2026-03-01T09:00:04.500Z', '2026-03-01T09:00:09.497Z']);
    const last = failures[4];
    expect(last?.type === 'EmailFailed' && [last.data.permanent, last.data.detail]).toEqual([
      false,
      `email ${guestKey} was not sent: refused by failWhen (transient) (attempt 5 of 5: giving up)`,
    ]);
    expect((await dispatcher.emails('m-1')).find((e) => e.idempotencyKey === guestKey)).toMatchObject({ state: 'failed', attempts: 5 });
  });

  it('computes the backoff delays exactly', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 10_000, maxDelayMs: 3_600_000, random: () => 0 };
    expect([1, 2, 3, 10, 20].map((n) => retryDelayMs(policy, n))).toEqual([5_000, 10_000, 20_000, 1_800_000, 1_800_000]);
    expect([1, 2, 9].map((n) => retryDelayMs({ ...policy, random: () => 0.999 }, n))).toEqual([9_995, 19_990, 2_558_720]);
  });

  it('does not wait forever on a mailer that hangs: the send times out and is retried', async () => {
    const r = rig();
    await r.append(scheduled('m-1'));
    r.mailer.hangNext(1);
    const dispatcher = r.dispatcher({ concurrency: 1, sendTimeoutMs: 50 });
    const started = Date.now();
    expect(await dispatcher.tick()).toMatchObject({ sent: 1, retrying: 1 });
    expect(Date.now() - started).toBeLessThan(2_000);
    const failed = (await r.deliveries(r.mailer.sent()[0]?.email.idempotencyKey === hostKey ? guestKey : hostKey))[1];
    expect(failed?.type === 'EmailFailed' && [failed.data.reason, failed.data.detail]).toEqual(['timeout', expect.stringContaining('did not answer within 50 ms')]);
    await r.clock.advanceTo('2026-03-01T09:00:01Z');
    expect(await dispatcher.tick()).toMatchObject({ sent: 1, retrying: 0 });
    expect(new Set(r.sentKeys())).toEqual(new Set([hostKey, guestKey]));
    await r.mailer.close();
  });

  it('records a send whose acceptance it could not record at once, without sending it again', async () => {
    const r = rig();
    await r.append(scheduled('m-1', 1));
    let failSent = 1;
    const store = faultyStore(r.store, { append: (_, events) => (events[0]?.type === 'EmailSent' && failSent-- > 0 ? 'fail' : 'pass') });
    const dispatcher = r.dispatcher({ store, concurrency: 1 });
    expect(await dispatcher.tick()).toMatchObject({ sent: 0, waiting: 2, nextWakeAt: '2026-03-01T09:00:05Z' });
    expect(r.sentKeys().sort()).toEqual([guestKey, hostKey]);
    await r.clock.advanceTo('2026-03-01T09:00:05Z');
    expect(await dispatcher.tick()).toMatchObject({ sent: 2, waiting: 0 });
    expect(r.sentKeys().sort()).toEqual([guestKey, hostKey]);
    expect((await r.deliveries(guestKey)).map((e) => e.type)).toEqual(['EmailClaimed', 'EmailSent']);
  });

  it('treats an email whose reply was lost after acceptance as failed, and retries it with the same Message-ID', async () => {
    const r = rig();
    await r.append(scheduled('m-1', 1));
    let lose = 1;
    const mailer = killableMailer(r.mailer, { afterAccept: () => (lose-- > 0 ? 'fail' : 'pass') });
    const dispatcher = r.dispatcher({ mailer, concurrency: 1 });
    expect(await dispatcher.tick()).toMatchObject({ sent: 1, retrying: 1 });
    await r.clock.advanceTo('2026-03-01T09:00:01Z');
    await dispatcher.tick();
    const sent = r.mailer.sent();
    expect(sent).toHaveLength(3);
    const duplicated = sent[0]!.email;
    expect(sent.filter((s) => s.email.idempotencyKey === duplicated.idempotencyKey).map((s) => s.messageId)).toEqual([messageIdFor(duplicated), messageIdFor(duplicated)]);
  });
});
