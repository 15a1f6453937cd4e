import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { decideMeeting, encodeEvent, evolveMeeting, fromMillis, initialMeetingState, toMillis } from '@rendezvous/domain';
import type { DomainEvent, MeetingCommand, MeetingState } from '@rendezvous/domain';
import { defaultPairs } from '../defaults/copy';
import { replay } from './replay';

// Random histories that a real system could have recorded: every meeting event comes out of
// decideMeeting (refused commands are simply dropped), account toggles use real pairs.
const hosts = [
  { userId: 'u-1', name: 'Hanna de Vries', email: 'hanna@acme.example', timezone: 'Europe/Amsterdam' },
  { userId: 'u-2', name: 'Piet Bakker', email: 'piet@acme.example', timezone: 'Europe/Brussels', locale: 'nl' },
];
const guests = [
  { guestId: 'g-1', name: 'Sam Carter', email: 'sam@client.example', timezone: 'America/New_York' },
  { guestId: 'g-2', name: 'Lotte Jansen', email: 'lotte@klant.example', locale: 'nl' },
  { guestId: 'g-3', name: 'Kenji Sato', email: 'kenji@client.example', timezone: 'Asia/Tokyo' },
];
const kinds = ['schedule', 'reschedule', 'reassign', 'invite', 'cancel', 'start', 'end', 'wrapup', 'review', 'profile', 'toggle'] as const;

const step = fc.record({
  kind: fc.constantFrom(...kinds),
  meeting: fc.integer({ min: 0, max: 2 }),
  gapMinutes: fc.integer({ min: 0, max: 900 }),
  offsetMinutes: fc.integer({ min: 1, max: 4000 }),
  pick: fc.nat({ max: 100 }),
});

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function historyOf(steps: readonly Step[]): unknown[] {
  let clock = toMillis('2026-03-02T08:00:00Z');
  const events: DomainEvent[] = [{ type: 'BrandingConfigured', occurredAt: fromMillis(clock), data: { accountId: 'acme', companyName: 'Acme', hostname: 'meet.acme.example' } }];
  const states: MeetingState[] = [initialMeetingState, initialMeetingState, initialMeetingState];
  for (const s of steps) {
    clock += s.gapMinutes * 60_000;
    const now = fromMillis(clock);
    const meetingId = `m-${s.meeting}`;
    const later = fromMillis(clock + s.offsetMinutes * 60_000);
    if (s.kind === 'profile') {
      events.push({ type: 'UserProfileUpdated', occurredAt: now, data: { userId: 'u-1', name: `Hanna ${s.pick}` } });
      continue;
    }
    if (s.kind === 'toggle') {
      const [audience, notification] = (defaultPairs[s.pick % defaultPairs.length] ?? 'guest/review').split('/') as ['user' | 'guest', never];
      const type = s.pick % 2 === 0 ? 'NotificationDisabled' : 'NotificationEnabled';
      events.push({ type, occurredAt: now, data: { accountId: 'acme', audience, notification } });
      continue;
    }
    const guest = guests[s.pick % guests.length]!;
    const commands: Record<(typeof kinds)[number], MeetingCommand | undefined> = {
      schedule: { type: 'ScheduleMeeting', now, meetingId, accountId: 'acme', meetingType: { name: 'Intro call', durationMinutes: 30 }, start: later, host: hosts[0]!, guests: [guest], createdBy: s.pick % 2 === 0 ? 'guest' : 'user' },
      reschedule: { type: 'RescheduleMeeting', now, meetingId, start: later, reason: 'Something came up.', by: 'user' },
      reassign: { type: 'ReassignMeeting', now, meetingId, host: hosts[s.pick % 2]!, hostAvailable: s.pick % 3 !== 0 },
      invite: { type: 'InviteGuest', now, meetingId, guest },
      cancel: { type: 'CancelMeeting', now, meetingId, reason: 'No longer needed.', by: 'guest' },
      start: { type: 'StartMeeting', now, meetingId },
      end: { type: 'EndMeeting', now, meetingId },
      wrapup: { type: 'LeaveWrapUpNote', now, meetingId, note: 'Thanks!\nSee you.' },
      review: { type: 'ReviewMeeting', now, meetingId, guestId: guest.guestId, rating: 1 + (s.pick % 5) },
      profile: undefined,
      toggle: undefined,
    };
    const command = commands[s.kind];
    const state = states[s.meeting]!;
    const decided = command === undefined ? undefined : decideMeeting(command, state);
    if (decided === undefined || E.isLeft(decided)) continue;
    for (const event of decided.right) {
      states[s.meeting] = evolveMeeting(states[s.meeting]!, event);
      events.push(event);
    }
  }
  return events.map(encodeEvent);
}

// Every meeting is scheduled early on (at random times and notice), so the random steps after
// it mostly act on meetings that exist: most histories send a dozen emails or more.
const scheduling = fc.tuple(...[0, 1, 2].map((meeting) => step.map((s) => ({ ...s, kind: 'schedule' as const, meeting }))));
const histories = fc.tuple(scheduling, fc.array(step, { maxLength: 30 })).map(([first, rest]) => historyOf([...first, ...rest]));

describe('replay of random valid histories', () => {
  it('gives identical output twice, and the same from records, a JSON file and an NDJSON file', () => {
    fc.assert(
      fc.property(histories, (records) => {
        const first = replay(records);
        expect(E.isRight(first)).toBe(true);
        expect(replay(records)).toEqual(first);
        expect(replay(JSON.stringify(records))).toEqual(first);
        expect(replay(records.map((r) => JSON.stringify(r)).join('\n'))).toEqual(first);
      }),
      { numRuns: 25 },
    );
  });

  it('sends in clock order (one instant by key), each email once, invitations exactly on the three calendar notifications', () => {
    fc.assert(
      fc.property(histories, (records) => {
        const emails = E.getOrElseW(() => [])(replay(records));
        const times = emails.map((e) => toMillis(e.sentAt));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        // Emails of one instant come in plain string order of their keys (CONTRACT §4, 1.1).
        const outOfOrder = emails.filter((e, i) => i > 0 && emails[i - 1]!.sentAt === e.sentAt && emails[i - 1]!.idempotencyKey > e.idempotencyKey);
        expect(outOfOrder).toEqual([]);
        expect(new Set(emails.map((e) => e.idempotencyKey)).size).toBe(emails.length);
        for (const email of emails) {
          const calendar = ['meeting-scheduled', 'meeting-rescheduled', 'meeting-cancelled'].includes(email.notification);
          expect([email.notification, email.ics !== undefined]).toEqual([email.notification, calendar]);
          // Guests can reply to a person, hosts get no Reply-To (CONTRACT §2.15; nobody is erased here).
          expect([email.audience, email.replyTo !== undefined]).toEqual([email.audience, email.audience === 'guest']);
        }
      }),
      { numRuns: 25 },
    );
  });
});
