import type { DomainEvent, Guest, Host } from '@rendezvous/domain';
import { accountEvents, accountId } from './accounts';
import { makeGuest, makeHosts } from './people';
import { Random } from './random';

/** A generated history: events in the order they happened. */
export interface History {
  readonly events: DomainEvent[];
  readonly meetings: number;
  readonly accounts: number;
  readonly hosts: number;
}

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const base = Date.parse('2026-01-05T00:00:00Z');
const meetingTypes = [
  { name: 'Intro call', durationMinutes: 30 },
  { name: 'Product demo', durationMinutes: 45 },
  { name: 'Consult & review', durationMinutes: 60 },
];
const reasons = ['Train delayed', 'Something came up on my side.\nSorry!', 'Double booked', 'Out sick'];

const instant = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const whole = (ms: number): number => Math.floor(ms / second) * second;

/** Collects events with their times; sorted by time, ties in the order they were made. */
class Timeline {
  private readonly events: DomainEvent[] = [];
  private readonly times: number[] = [];

  add(at: number, type: DomainEvent['type'], data: object): void {
    this.events.push({ type, occurredAt: instant(at), data } as DomainEvent);
    this.times.push(at);
  }

  sorted(limit: number): DomainEvent[] {
    const order = Array.from(this.times.keys());
    order.sort((a, b) => (this.times[a] as number) - (this.times[b] as number) || a - b);
    return order.slice(0, limit).map((i) => this.events[i] as DomainEvent);
  }
}

/** The life of meeting `i`: booking, changes before the start, the meeting itself, afterwards. */
function meetingLife(i: number, timeline: Timeline, random: Random, hosts: readonly Host[], accounts: number): void {
  const meetingId = `m-${i}`;
  let host = random.pick(hosts);
  let now = whole(base + i * 30 * second + random.int(0, 29) * second);
  const lead = (): number => (random.chance(0.1) ? random.int(30, 180) * minute : random.int(3 * 60, 14 * 24 * 60) * minute);
  let start = whole(now + lead());
  const guests: Guest[] = Array.from({ length: random.int(1, 5) }, (_, k) => makeGuest(i, k, random));
  const meetingType = random.pick(meetingTypes);
  const description = random.chance(0.5) ? { description: 'Bring your questions.\nWe start on time & end on time.' } : {};
  timeline.add(now, 'MeetingScheduled', {
    meetingId, accountId: accountId(i % accounts), meetingType, ...description, start: instant(start), host, guests: guests.slice(),
    createdBy: random.chance(0.7) ? 'guest' : 'user',
  });
  if (random.chance(0.5)) {
    // My Account changes; some change the address the host's later emails go to.
    const at = whole(now + random.next() * (start - now));
    const change = random.chance(0.3) ? { email: `host-${host.userId}.${i}@example.com` } : { phone: `+31 6 ${i}` };
    timeline.add(at, 'UserProfileUpdated', { userId: host.userId, ...change });
  }
  const actions: ('invite' | 'reschedule' | 'reassign')[] = [];
  for (let n = random.int(0, 4); n > 0; n--) actions.push('invite');
  for (let n = random.int(0, 2); n > 0; n--) actions.push('reschedule');
  if (random.chance(0.15)) actions.push('reassign');
  actions.sort(() => random.next() - 0.5);
  for (const action of actions) {
    if (start - now < 2 * minute) break;
    now = whole(now + random.next() * (start - now) * 0.5) + second;
    if (action === 'invite') {
      const guest = makeGuest(i, guests.length, random);
      guests.push(guest);
      timeline.add(now, 'GuestInvited', { meetingId, guest });
    } else if (action === 'reschedule') {
      start = whole(now + lead());
      timeline.add(now, 'MeetingRescheduled', { meetingId, start: instant(start), reason: random.pick(reasons), by: random.chance(0.5) ? 'guest' : 'user' });
    } else {
      const previous = host;
      do host = random.pick(hosts);
      while (host.userId === previous.userId);
      timeline.add(now, 'MeetingReassigned', { meetingId, host, hostAvailable: random.chance(0.9) });
    }
  }
  if (random.chance(0.08) && start - now > 2 * minute) {
    timeline.add(whole(now + (start - now) / 2), 'MeetingCancelled', { meetingId, reason: random.pick(reasons), by: random.chance(0.5) ? 'guest' : 'user' });
    return;
  }
  if (random.chance(0.05)) return; // missed: nobody started it
  const started = start + random.int(0, 5) * minute;
  const ended = started + meetingType.durationMinutes * minute + random.int(-5, 5) * minute;
  timeline.add(started, 'MeetingStarted', { meetingId });
  timeline.add(ended, 'MeetingEnded', { meetingId });
  if (random.chance(0.8)) timeline.add(ended + random.int(1, 30) * minute, 'WrapUpNoteLeft', { meetingId, note: 'Thanks for your time!\nNext steps: see the attached plan.' });
  for (const guest of guests) {
    if (random.chance(0.7)) timeline.add(ended + random.int(5, 180) * minute, 'MeetingReviewed', { meetingId, guestId: guest.guestId, rating: random.int(1, 5) });
  }
}

/**
 * A deterministic history of `meetings` meetings (about ten events each), cut at `maxEvents`
 * events: a booking every 30 seconds, starts from 30 minutes to two weeks later, guests
 * invited, meetings moved, reassigned and cancelled, hosts editing their profile, reviews.
 */
export function generateHistory(meetings: number, maxEvents = meetings * 10, seed = 20260105): History {
  const random = new Random(seed);
  const accounts = Math.max(10, Math.ceil(meetings / 1000));
  const hosts = makeHosts(Math.max(20, Math.ceil(meetings / 100)), random);
  const timeline = new Timeline();
  const setup = accountEvents(accounts, instant(base - day));
  for (let i = 0; i < meetings; i++) meetingLife(i, timeline, random, hosts, accounts);
  const events = [...setup, ...timeline.sorted(maxEvents - setup.length)];
  return { events, meetings, accounts, hosts: hosts.length };
}
