import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import {
  checkMeetingEvent,
  decideMeeting,
  evolveMeeting,
  fromMillis,
  initialMeetingState,
  toMillis,
  type Guest,
  type MeetingCommand,
  type MeetingEvent,
  type MeetingPhase,
  type MeetingState,
} from '@rendezvous/domain';
import { eventOfCommand } from './commands';
import { aGuest, aHost } from '@rendezvous/domain/testing';

// Random command sequences against one meeting stream. The generators stay close to the
// edges the rules care about: starts around `now`, blank reasons, addresses differing only in
// case, reused guest ids, ratings just outside 1..5, and now and then another meetingId.

const minute = 60_000;
const origin = toMillis('2026-03-01T00:00:00Z');
const emails = ['gus@example.com', 'GUS@example.com', 'bob@example.com', 'cy@example.com'];
const guestIds = ['g-1', 'g-2', 'g-3', 'g-4'];

const guest = fc.record({ id: fc.constantFrom(...guestIds), email: fc.constantFrom(...emails) }).map(
  ({ id, email }): Guest => aGuest({ guestId: id, email }),
);

const step = fc.record({
  kind: fc.oneof(
    ...(
      [
        ['ScheduleMeeting', 1],
        ['RescheduleMeeting', 2],
        ['ReassignMeeting', 2],
        ['InviteGuest', 2],
        ['CancelMeeting', 1],
        ['StartMeeting', 4],
        ['EndMeeting', 4],
        ['LeaveWrapUpNote', 3],
        ['ReviewMeeting', 5],
      ] as const
    ).map(([kind, weight]) => ({ arbitrary: fc.constant<MeetingCommand['type']>(kind), weight })),
  ),
  advance: fc.integer({ min: 0, max: 360 }),
  meetingId: fc.oneof({ arbitrary: fc.constant('m-1'), weight: 19 }, { arbitrary: fc.constant('m-2'), weight: 1 }),
  startIn: fc.oneof({ arbitrary: fc.integer({ min: -120, max: 120 }), weight: 2 }, { arbitrary: fc.integer({ min: 1, max: 3 * 24 * 60 }), weight: 4 }),
  reason: fc.oneof({ arbitrary: fc.constant('Something came up'), weight: 8 }, { arbitrary: fc.constantFrom(' ', ''), weight: 1 }),
  guests: fc.oneof({ arbitrary: fc.array(guest, { minLength: 1, maxLength: 3 }), weight: 9 }, { arbitrary: fc.constant<Guest[]>([]), weight: 1 }),
  userId: fc.constantFrom('u-1', 'u-2', 'u-3'),
  hostAvailable: fc.boolean(),
  reviewer: fc.oneof({ arbitrary: fc.constant('g-1'), weight: 3 }, { arbitrary: fc.constantFrom(...guestIds, 'g-9'), weight: 2 }),
  rating: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 5 }), weight: 8 }, { arbitrary: fc.constantFrom(0, 6, 2.5), weight: 1 }),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

// Times are whole minutes after `origin`; their instant strings are made once and reused.
const instants = new Map<number, string>();
function instant(minutes: number): string {
  let text = instants.get(minutes);
  if (text === undefined) {
    text = fromMillis(origin + minutes * minute);
    instants.set(minutes, text);
  }
  return text;
}

function commandOf(s: Step, nowMinutes: number): MeetingCommand {
  const base = { now: instant(nowMinutes), meetingId: s.meetingId };
  const start = instant(nowMinutes + s.startIn);
  const by = s.advance % 2 === 0 ? ('user' as const) : ('guest' as const);
  switch (s.kind) {
    case 'ScheduleMeeting':
      return { ...base, type: s.kind, accountId: 'acc-1', meetingType: { name: 'Demo', durationMinutes: 30 }, start, host: aHost(), guests: s.guests, createdBy: by };
    case 'RescheduleMeeting':
      return { ...base, type: s.kind, start, reason: s.reason, by };
    case 'ReassignMeeting':
      return { ...base, type: s.kind, host: aHost({ userId: s.userId }), hostAvailable: s.hostAvailable };
    case 'InviteGuest':
      return { ...base, type: s.kind, guest: s.guests[0] ?? aGuest() };
    case 'CancelMeeting':
      return { ...base, type: s.kind, reason: s.reason, by };
    case 'ReviewMeeting':
      return { ...base, type: s.kind, guestId: s.reviewer, rating: s.rating };
    case 'LeaveWrapUpNote':
      return { ...base, type: s.kind, note: s.reason };
    default:
      return { ...base, type: s.kind };
  }
}

const next: Record<MeetingPhase, readonly MeetingPhase[]> = {
  planned: ['planned', 'live', 'cancelled'],
  live: ['live', 'ended'],
  ended: ['ended'],
  cancelled: ['cancelled'],
};

// The instants here are all in the one UTC form without milliseconds, so their text orders them.
// Checked with plain code and reported as sentences: thousands of jest matchers per run
// would cost more than the deciding itself.
function violations(before: MeetingState, after: MeetingState, history: readonly MeetingEvent[]): string[] {
  const count = (type: MeetingEvent['type']) => history.filter((e) => e.type === type).length;
  const broken: string[] = [];
  const must = (holds: boolean, invariant: string) => {
    if (!holds) broken.push(invariant);
  };
  must((after.kind === 'existing') === (count('MeetingScheduled') === 1), 'a meeting exists once it is scheduled, and is scheduled once');
  if (after.kind !== 'existing') return broken;
  must(after.eventCount === history.length, 'eventCount counts every event');
  if (before.kind === 'existing') must(next[before.phase].includes(after.phase), `${before.phase} may not become ${after.phase}`);
  must((after.startedAt !== undefined) === (after.phase === 'live' || after.phase === 'ended'), 'only a LIVE or ended meeting has started');
  must((after.endedAt !== undefined) === (after.phase === 'ended'), 'only an ended meeting has an end');
  must((after.cancelledAt !== undefined) === (after.phase === 'cancelled'), 'only a cancelled meeting has a cancellation');
  must(count('WrapUpNoteLeft') <= 1, 'at most one wrap-up note');
  must(after.wrapUpNote === undefined || after.phase === 'ended', 'a wrap-up note only after the end');
  const ids = after.guests.map((g) => g.guestId);
  must(new Set(ids).size === ids.length, 'guest ids are distinct');
  must(new Set(after.guests.map((g) => g.email.toLowerCase())).size === ids.length, 'guest addresses are distinct, ignoring case');
  const reviews = Object.entries(after.reviews);
  must(count('MeetingReviewed') === reviews.length, 'one review per guest');
  must(reviews.every(([guestId, r]) => ids.includes(guestId) && [1, 2, 3, 4, 5].includes(r.rating)), 'reviews are by guests, rated 1 to 5');
  must(reviews.length === 0 || after.phase === 'ended', 'reviews only after the end');
  must(after.start > after.startSetAt, 'the start lies after the moment it was set');
  must(after.rescheduleCount === count('MeetingRescheduled'), 'rescheduleCount counts reschedules');
  must(history.every((e) => e.data.meetingId === after.meetingId), 'every event is about this meeting');
  return broken;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('decideMeeting on random command sequences', () => {
  it('never throws, refuses without recording, keeps every invariant, and agrees with checkMeetingEvent', () => {
    const sequences = fc.tuple(fc.integer({ min: 0, max: 9 }).map((n) => n > 0), fc.array(step, { maxLength: 20, size: 'max' }));
    const emitted = new Map<string, number>();
    const refused = new Map<string, number>();
    const cpu = process.cpuUsage();
    fc.assert(
      fc.property(sequences, ([scheduleFirst, steps]) => {
        let state: MeetingState = initialMeetingState;
        const history: MeetingEvent[] = [];
        let nowMinutes = 0;
        const [first, ...rest] = steps;
        // Most sequences begin with a valid schedule, so that they get somewhere.
        const all: Step[] = scheduleFirst && first !== undefined ? [{ ...first, kind: 'ScheduleMeeting', meetingId: 'm-1', startIn: 600, guests: [aGuest()] }, ...rest] : steps;
        for (const s of all) {
          nowMinutes += s.advance;
          const command = commandOf(s, nowMinutes);
          const result = decideMeeting(command, state);
          const verdict = checkMeetingEvent(state, eventOfCommand(command));
          if (E.isLeft(result)) {
            refused.set(result.left.type, (refused.get(result.left.type) ?? 0) + 1);
            // The same rules judge commands and recorded events: a refusal for any reason
            // but field validation is the refusal the history check gives.
            if (result.left.type !== 'InvalidCommand' && !(E.isLeft(verdict) && same(verdict.left, result.left))) {
              expect(verdict).toEqual(E.left(result.left));
            }
            continue;
          }
          // The command's instants are already in UTC form, so the event it records is exactly
          // eventOfCommand(command), the event checkMeetingEvent just accepted; its data passed
          // the event codecs inside that check.
          if (E.isLeft(verdict)) expect(verdict).toEqual(E.right(undefined));
          if (!same(result.right, [eventOfCommand(command)])) expect(result.right).toEqual([eventOfCommand(command)]);
          const before = state;
          for (const event of result.right) {
            state = evolveMeeting(state, event);
            history.push(event);
            emitted.set(event.type, (emitted.get(event.type) ?? 0) + 1);
          }
          const broken = violations(before, state, history);
          if (broken.length > 0) expect({ broken, after: command, history }).toEqual({ broken: [] });
        }
      }),
      { numRuns: 1500 },
    );
    if (process.env['PROPERTY_STATS'] !== undefined) console.log({ cpuMs: process.cpuUsage(cpu).user / 1000, emitted: Object.fromEntries(emitted), refused: Object.fromEntries(refused) });
    // The sequences must reach every corner, or the invariants above prove little.
    for (const type of ['MeetingScheduled', 'MeetingRescheduled', 'MeetingReassigned', 'GuestInvited', 'MeetingCancelled', 'MeetingStarted', 'MeetingEnded', 'WrapUpNoteLeft', 'MeetingReviewed']) {
      expect([type, (emitted.get(type) ?? 0) >= 50]).toEqual([type, true]);
    }
    for (const type of ['MeetingNotFound', 'MeetingAlreadyScheduled', 'MeetingIdMismatch', 'StartNotInFuture', 'MeetingNotPlanned', 'MeetingNotLive', 'MeetingNotEnded', 'SameHost', 'GuestAlreadyInvited', 'DuplicateGuestId', 'WrapUpAlreadyLeft', 'NotAGuest', 'AlreadyReviewed', 'InvalidCommand']) {
      expect([type, (refused.get(type) ?? 0) >= 5]).toEqual([type, true]);
    }
  });
});
