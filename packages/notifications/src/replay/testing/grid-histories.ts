import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { decideMeeting, encodeEvent, evolveMeeting, fromMillis, initialMeetingState, toMillis } from '@rendezvous/domain';
import type { DomainEvent, MeetingCommand, MeetingState } from '@rendezvous/domain';
import { defaultPairs } from '../../defaults/copy';

// Random valid histories whose records fall on a 30-minute grid, as do starts, durations and
// the planner's default offsets (60-minute lead and review delay). So records keep landing on
// each other's instants and on emails' due times: the situations CONTRACT §2.14 settles.
// Meeting events come out of decideMeeting (refused commands are dropped), so every history
// is one a real system could have recorded.

const grid = 30 * 60_000;
const hosts = [
  { userId: 'u-1', name: 'Hanna de Vries', email: 'hanna@acme.example', timezone: 'Europe/Amsterdam' },
  { userId: 'u-2', name: 'Piet Bakker', email: 'piet@acme.example', timezone: 'Europe/Brussels', locale: 'nl' },
  { userId: 'u-3', name: 'Ines Duarte', email: 'ines@beta.example', timezone: 'Europe/Lisbon' },
];
const guests = [
  { guestId: 'g-1', name: 'Sam Carter', email: 'sam@client.example', timezone: 'America/New_York' },
  { guestId: 'g-2', name: 'Lotte Jansen', email: 'lotte@klant.example', locale: 'nl' },
  { guestId: 'g-3', name: 'Kenji Sato', email: 'kenji@client.example', timezone: 'Asia/Tokyo' },
];
const accounts = ['acme', 'beta'] as const;
const kinds = ['schedule', 'reschedule', 'reassign', 'invite', 'cancel', 'start', 'end', 'wrapup', 'review', 'profile', 'toggle', 'branding'] as const;
// Toggles at the instant of a booking or a due time are what "at once" emails are judged against: drawn more often.
const drawn = [...kinds, 'toggle', 'toggle', 'review', 'start'] as const;

const step = fc.record({
  kind: fc.constantFrom(...drawn),
  meeting: fc.integer({ min: 0, max: 3 }),
  /** Grid steps since the previous record: 0 (same instant) half the time. */
  gap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 })),
  /** Grid steps from now to a (new) start: from 1 (short notice) to 3 days. */
  offset: fc.integer({ min: 1, max: 144 }),
  pick: fc.nat({ max: 100 }),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function historyOf(steps: readonly Step[]): DomainEvent[] {
  let clock = toMillis('2026-03-02T08:00:00Z');
  const events: DomainEvent[] = accounts.map((accountId) => ({
    type: 'BrandingConfigured',
    occurredAt: fromMillis(clock),
    data: { accountId, companyName: accountId === 'acme' ? 'Acme' : 'Beta', hostname: `meet.${accountId}.example` },
  }));
  const states: MeetingState[] = [initialMeetingState, initialMeetingState, initialMeetingState, initialMeetingState];
  for (const s of steps) {
    clock += s.gap * grid;
    const now = fromMillis(clock);
    const meetingId = `m-${s.meeting}`;
    const accountId = accounts[s.meeting % 2] as (typeof accounts)[number];
    if (s.kind === 'profile') {
      const host = hosts[s.pick % hosts.length]!;
      events.push({ type: 'UserProfileUpdated', occurredAt: now, data: { userId: host.userId, name: `${host.name.split(' ')[0]} ${s.pick}` } });
      continue;
    }
    if (s.kind === 'toggle') {
      const [audience, notification] = (defaultPairs[s.pick % defaultPairs.length] ?? 'guest/review').split('/') as ['user' | 'guest', never];
      const type = s.pick % 2 === 0 ? 'NotificationDisabled' : 'NotificationEnabled';
      events.push({ type, occurredAt: now, data: { accountId, audience, notification } });
      continue;
    }
    if (s.kind === 'branding') {
      events.push({ type: 'BrandingConfigured', occurredAt: now, data: { accountId, companyName: `Company ${s.pick}`, hostname: `meet${s.pick % 3}.${accountId}.example` } });
      continue;
    }
    const guest = guests[s.pick % guests.length]!;
    const later = fromMillis(clock + s.offset * grid);
    const commands: Record<(typeof kinds)[number], MeetingCommand | undefined> = {
      schedule: { type: 'ScheduleMeeting', now, meetingId, accountId, meetingType: { name: 'Intro call', durationMinutes: 30 }, start: later, host: hosts[s.meeting % 2]!, guests: [guest], createdBy: s.pick % 2 === 0 ? 'guest' : 'user' },
      reschedule: { type: 'RescheduleMeeting', now, meetingId, start: later, reason: 'Something came up.', by: 'user' },
      reassign: { type: 'ReassignMeeting', now, meetingId, host: hosts[s.pick % hosts.length]!, hostAvailable: s.pick % 3 !== 0 },
      invite: { type: 'InviteGuest', now, meetingId, guest },
      cancel: { type: 'CancelMeeting', now, meetingId, reason: 'No longer needed.', by: 'guest' },
      start: { type: 'StartMeeting', now, meetingId },
      end: { type: 'EndMeeting', now, meetingId },
      wrapup: { type: 'LeaveWrapUpNote', now, meetingId, note: 'Thanks!\nSee you.' },
      review: { type: 'ReviewMeeting', now, meetingId, guestId: guest.guestId, rating: 1 + (s.pick % 5) },
      profile: undefined,
      toggle: undefined,
      branding: undefined,
    };
    const command = commands[s.kind];
    const decided = command === undefined ? undefined : decideMeeting(command, states[s.meeting]!);
    if (decided === undefined || E.isLeft(decided)) continue;
    for (const event of decided.right) {
      states[s.meeting] = evolveMeeting(states[s.meeting]!, event);
      events.push(event);
    }
  }
  return events;
}

// Every meeting is scheduled early on, so most random steps after it act on a meeting that exists.
const scheduling = fc.tuple(...[0, 1, 2, 3].map((meeting) => step.map((s) => ({ ...s, kind: 'schedule' as const, meeting }))));

/** Random valid histories (decoded events) on a 30-minute grid, with many records sharing an instant. */
export const gridHistories: fc.Arbitrary<DomainEvent[]> = fc.tuple(scheduling, fc.array(step, { minLength: 10, maxLength: 40 })).map(([first, rest]) => historyOf([...first, ...rest]));

/** The stream a record belongs to (CONTRACT §1). */
export function streamOf(event: DomainEvent): string {
  const data = event.data as { meetingId?: string; accountId?: string; userId?: string };
  if (event.type === 'UserProfileUpdated') return `user-${data.userId ?? ''}`;
  if (data.meetingId !== undefined) return `meeting-${data.meetingId}`;
  return `account-${data.accountId ?? ''}`;
}

/**
 * Reorders the records that share an instant as a store may hand them over: streams interleaved
 * at random (`choices` picks which stream goes next), each stream's own records in their order,
 * except that reviews of one meeting at one instant (facts about different guests) may come
 * in any order among themselves.
 */
export function permuteSameInstant(events: readonly DomainEvent[], choices: readonly number[]): DomainEvent[] {
  let c = 0;
  const choose = (n: number): number => (choices.length === 0 ? 0 : (choices[c++ % choices.length] ?? 0) % n);
  const out: DomainEvent[] = [];
  for (let i = 0; i < events.length; ) {
    const at = events[i]!.occurredAt;
    const group: DomainEvent[] = [];
    for (; i < events.length && events[i]!.occurredAt === at; i++) group.push(events[i]!);
    const streams = new Map<string, DomainEvent[]>();
    for (const event of group) streams.set(streamOf(event), [...(streams.get(streamOf(event)) ?? []), event]);
    const queues = [...streams.values()].map(shuffleReviewRuns(choose));
    while (queues.length > 0) {
      const k = choose(queues.length);
      const queue = queues[k]!;
      out.push(queue.shift()!);
      if (queue.length === 0) queues.splice(k, 1);
    }
  }
  return out;
}

const shuffleReviewRuns =
  (choose: (n: number) => number) =>
  (records: DomainEvent[]): DomainEvent[] => {
    const out: DomainEvent[] = [];
    const run: DomainEvent[] = [];
    const flush = (): void => {
      while (run.length > 0) out.push(run.splice(choose(run.length), 1)[0]!);
    };
    for (const record of records) {
      if (record.type === 'MeetingReviewed') run.push(record);
      else {
        flush();
        out.push(record);
      }
    }
    flush();
    return out;
  };

/** The records as a history file holds them. */
export const asRecords = (events: readonly DomainEvent[]): unknown[] => events.map(encodeEvent);
