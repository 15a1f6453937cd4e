// The whole path: commands through the command service on PostgreSQL, the dispatcher running on
// a virtual clock, the SMTP mailer, an SMTP server. What the server receives must be exactly
// what `replay` predicts for the history the store ends up holding.
import * as E from 'fp-ts/Either';
import { aGuest, aHost, cancelMeeting, endMeeting, leaveWrapUpNote, rescheduleMeeting, scheduleMeeting, startMeeting } from '@rendezvous/domain/testing';
import { accountStream, encodeEvent, isDeliveryEvent, meetingDecider, meetingStream, type MeetingCommand } from '@rendezvous/domain';
import { accountDecider, createRenderer, replay, replayLinkSecret } from '@rendezvous/notifications';
import { createVirtualClock } from '../clock';
import { createCommandService } from '../commands';
import { receivedFromMime } from '../mail/received/received-from-mime';
import { startSmtpCaptureServer, type CaptureServer } from '../mail/smtp/capture-server';
import { createSmtpMailer } from '../mail/smtp/smtp-mailer';
import { createPostgresEventStore, type PostgresEventStore } from '../store/postgres';
import { testSchema } from '../store/postgres/test-schema';
import { createPostgresCheckpointStore } from './checkpoints/postgres';
import { createPostgresDueIndex } from './due-index/postgres';
import { createDispatcher, type Dispatcher } from './dispatcher';
import type { VirtualClock } from '../clock';

jest.setTimeout(60_000);

/** Moves the clock to `target`, stopping at every time the dispatcher has something due on the way. */
async function advance(clock: VirtualClock, dispatcher: Dispatcher, target: string): Promise<void> {
  for (;;) {
    const { nextWakeAt } = await dispatcher.tick();
    if (nextWakeAt === undefined || Date.parse(nextWakeAt) > Date.parse(target)) break;
    await clock.advanceTo(nextWakeAt);
  }
  await clock.advanceTo(target);
  await dispatcher.idle();
}

describe('the dispatcher end to end', () => {
  const database = testSchema('dispatch_e2e');
  let store: PostgresEventStore;
  let server: CaptureServer;
  beforeAll(async () => {
    store = await createPostgresEventStore({ pool: database.pool, schema: database.schema, pollIntervalMs: 500 });
    server = await startSmtpCaptureServer();
  });
  afterAll(async () => {
    await store.close();
    await server.close();
    await database.drop();
  });

  it('delivers over SMTP exactly the emails the replay predicts for the same history', async () => {
    const clock = createVirtualClock('2026-03-01T09:00:00Z');
    const mailer = createSmtpMailer({ url: server.url, pool: false, timeoutMs: 10_000 });
    const dispatcher = createDispatcher({
      store,
      mailer,
      renderer: createRenderer({ linkSecret: replayLinkSecret }),
      clock,
      dispatcherId: 'e2e-1',
      leaseMs: 120_000,
      sendTimeoutMs: 15_000,
      storeTimeoutMs: 10_000,
      dueIndex: await createPostgresDueIndex({ pool: database.pool, schema: database.schema }),
      checkpoints: await createPostgresCheckpointStore({ pool: database.pool, schema: database.schema }),
    });
    const commands = createCommandService(store);
    const meeting = async (command: MeetingCommand): Promise<void> => {
      const result = await commands.handle(meetingStream(command.meetingId), meetingDecider, { ...command, now: clock.now() });
      expect(result.kind).toBe('accepted');
      await dispatcher.idle();
    };
    await dispatcher.start();

    const branding = await commands.handle(accountStream('acc-1'), accountDecider, {
      type: 'ConfigureBranding',
      now: clock.now(),
      accountId: 'acc-1',
      companyName: 'Acme Advisors',
      hostname: 'meet.acme.example',
    });
    expect(branding.kind).toBe('accepted');
    const guests = [aGuest(), aGuest({ guestId: 'g-2', name: 'Greta Guest', email: 'greta@example.com', locale: 'nl', timezone: 'Europe/Amsterdam' })];
    await meeting(scheduleMeeting({ meetingId: 'm-1', start: '2026-03-03T09:00:00Z', host: aHost(), guests }));
    await meeting(scheduleMeeting({ meetingId: 'm-2', start: '2026-03-02T15:00:00Z', guests: [aGuest({ guestId: 'g-9', name: 'Nina', email: 'nina@example.com' })] }));
    await meeting(scheduleMeeting({ meetingId: 'm-3', start: '2026-03-02T10:00:00Z' }));
    await advance(clock, dispatcher, '2026-03-01T10:00:00Z');
    await meeting(rescheduleMeeting({ meetingId: 'm-1', start: '2026-03-03T11:30:00Z', reason: 'The host is travelling', by: 'user' }));
    await advance(clock, dispatcher, '2026-03-01T12:00:00Z');
    await meeting(cancelMeeting({ meetingId: 'm-2', reason: 'No longer needed', by: 'guest' }));
    await advance(clock, dispatcher, '2026-03-02T10:00:00Z');
    await meeting(startMeeting({ meetingId: 'm-3' }));
    await advance(clock, dispatcher, '2026-03-02T10:30:00Z');
    await meeting(endMeeting({ meetingId: 'm-3' }));
    await advance(clock, dispatcher, '2026-03-02T10:40:00Z');
    await meeting(leaveWrapUpNote({ meetingId: 'm-3', note: 'Thanks for your time, the slides follow.' }));
    await advance(clock, dispatcher, '2026-03-04T00:00:00Z');
    await dispatcher.stop();
    await mailer.close();

    const history: unknown[] = [];
    for await (const { event } of store.readAll()) if (!isDeliveryEvent(event)) history.push(encodeEvent(event));
    const predicted = replay(history, { until: '2026-03-04T00:00:00Z' });
    if (E.isLeft(predicted)) throw new Error(predicted.left.message);
    const received = await Promise.all(server.messages().map((m) => receivedFromMime(m.raw, m.rcptTo)));

    const line = (subject: string, to: readonly string[], key: string | undefined) => `${key ?? '?'} | ${to.join(',')} | ${subject}`;
    const expected = predicted.right.map((e) => line(e.subject, [...e.to, ...e.bcc], e.idempotencyKey)).sort();
    const got = received.map((r) => line(r.subject, r.envelopeRecipients, r.headers?.get('x-rendezvous-key'))).sort();
    expect(got).toEqual(expected);
    expect(got).toHaveLength(19);
    // The bodies too: the same planner and renderer, the same link key, the same due times.
    const byKey = new Map(received.map((r) => [r.headers?.get('x-rendezvous-key'), r]));
    for (const email of predicted.right) expect(byKey.get(email.idempotencyKey)?.html).toBe(email.html);
  });
});
