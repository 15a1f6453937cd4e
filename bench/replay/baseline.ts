import type { DomainEvent, Guest } from '@rendezvous/domain';
import type { SentEmail } from './sent';

// The baseline: what a developer would write by hand for one job, "which emails go out, to
// whom, when", over the same array of events. Mutable maps, one pass, no persistence, no
// explanations. It keeps the library's rules (docs/CONTRACT.md §2, default timing) so that the two
// runs must send exactly the same set of emails; the benchmark asserts they do.
//
// Time at a due instant (CONTRACT §2.14): an email is judged with every record at or before its
// due time, whatever the order of records that share an instant. So no email, not even an "at
// once" one, is sent while its meeting's event is folded: each waits in its meeting's pending
// list until that meeting's next event at a later instant (or the end), and is then judged
// against toggles and address changes looked up by time.

const minute = 60_000;
const lead = 60 * minute;
const notice = 180 * minute;
const reviewDelay = 60 * minute;

type Audience = 'user' | 'guest';
interface Tenure {
  readonly userId: string;
  readonly email: string;
  /**
   * occurredAt (ms) of the event that made them host: address changes from then on apply, one at
   * that very instant too, even when it comes before that event in the file (CONTRACT §1, §2.14).
   */
  readonly since: number;
}
interface Pending {
  readonly notification: string;
  readonly audience: Audience;
  readonly id: string;
  readonly version: number;
  readonly dueMs: number;
}
interface Meeting {
  readonly id: string;
  readonly accountId: string;
  host: Tenure;
  former: Tenure[];
  guests: Guest[];
  start: number;
  startSetAt: number;
  startVersion: number;
  version: number;
  pending: Pending[];
}
/** A change that counts from its time on. */
interface Change<T> {
  readonly time: number;
  readonly value: T;
}

/** Runs the baseline over `events` and sends everything due by `untilMs`. */
export function replayByHand(events: readonly DomainEvent[], untilMs: number): SentEmail[] {
  const meetings = new Map<string, Meeting>();
  const addresses = new Map<string, Change<string>[]>();
  const toggles = new Map<string, Change<boolean>[]>();
  const sent: SentEmail[] = [];
  let now = -Infinity;

  // Records come in time order, so the last change at or before a due time is the one in force then.
  const latest = <T>(changes: Change<T>[] | undefined, dueMs: number): Change<T> | undefined => {
    if (changes === undefined) return undefined;
    for (let i = changes.length - 1; i >= 0; i--) {
      const c = changes[i] as Change<T>;
      if (c.time <= dueMs) return c;
    }
    return undefined;
  };
  const hostEmail = (tenure: Tenure, dueMs: number): string => {
    const change = latest(addresses.get(tenure.userId), dueMs);
    return change !== undefined && change.time >= tenure.since ? change.value : tenure.email;
  };
  const enabled = (m: Meeting, audience: Audience, notification: string, dueMs: number): boolean =>
    latest(toggles.get(`${m.accountId}/${audience}/${notification}`), dueMs)?.value ?? true;
  const address = (m: Meeting, audience: Audience, id: string, dueMs: number): string | undefined => {
    if (audience === 'guest') return m.guests.find((g) => g.guestId === id)?.email;
    const tenure = m.host.userId === id ? m.host : m.former.find((t) => t.userId === id);
    return tenure === undefined ? undefined : hostEmail(tenure, dueMs);
  };
  const send = (m: Meeting, p: Pending): void => {
    if (!enabled(m, p.audience, p.notification, p.dueMs)) return;
    const to = address(m, p.audience, p.id, p.dueMs);
    if (to !== undefined) sent.push({ key: `${m.id}:${p.notification}:${p.audience}:${p.id}:${p.version}`, atMs: p.dueMs, to });
  };
  /** Sends the meeting's emails due before `limitMs` (through it when `inclusive`). */
  const flush = (m: Meeting, limitMs: number, inclusive: boolean): void => {
    if (m.pending.length === 0) return;
    const keep: Pending[] = [];
    for (const p of m.pending) {
      if (p.dueMs < limitMs || (inclusive && p.dueMs === limitMs)) send(m, p);
      else keep.push(p);
    }
    m.pending = keep;
  };
  const withdraw = (m: Meeting, notification: Pending['notification'], audience?: Audience, id?: string): void => {
    m.pending = m.pending.filter((p) => p.notification !== notification || (audience !== undefined && (p.audience !== audience || p.id !== id)));
  };
  const everyone = (m: Meeting): [Audience, string][] => [['user', m.host.userId], ...m.guests.map((g): [Audience, string] => ['guest', g.guestId])];
  const atOnce = (m: Meeting, notification: string, to: [Audience, string][]): void => {
    for (const [audience, id] of to) m.pending.push({ notification, audience, id, version: m.version, dueMs: now });
  };
  const startsSoon = (m: Meeting, audience: Audience, id: string, joined: boolean): void => {
    if (m.startSetAt > m.start - notice) return;
    const dueMs = Math.max(m.start - lead, m.startSetAt);
    if (joined && dueMs < now) return;
    m.pending.push({ notification: 'meeting-starts-soon', audience, id, version: m.startVersion, dueMs });
  };

  const meetingEvent = (event: DomainEvent): void => {
    if (event.type === 'MeetingScheduled') {
      const { meetingId, accountId, host, guests, start } = event.data;
      if (meetings.has(meetingId)) return;
      const m: Meeting = {
        id: meetingId, accountId, host: { userId: host.userId, email: host.email, since: now }, former: [], guests: guests.slice(),
        start: Date.parse(start), startSetAt: now, startVersion: 0, version: 0, pending: [],
      };
      meetings.set(meetingId, m);
      atOnce(m, 'meeting-scheduled', everyone(m));
      for (const [audience, id] of everyone(m)) startsSoon(m, audience, id, false);
      m.version = 1;
      return;
    }
    const m = meetings.get((event.data as { meetingId: string }).meetingId);
    if (m === undefined) return;
    // What fell due before this instant; emails due at it wait for every record at it.
    flush(m, now, false);
    switch (event.type) {
      case 'MeetingRescheduled':
        withdraw(m, 'meeting-starts-soon');
        m.start = Date.parse(event.data.start);
        m.startSetAt = now;
        m.startVersion = m.version;
        atOnce(m, 'meeting-rescheduled', everyone(m));
        for (const [audience, id] of everyone(m)) startsSoon(m, audience, id, false);
        break;
      case 'MeetingReassigned': {
        const previous = m.host;
        const { host } = event.data;
        m.former = [...m.former.filter((t) => t.userId !== previous.userId && t.userId !== host.userId), previous];
        m.host = { userId: host.userId, email: host.email, since: now };
        atOnce(m, 'meeting-cancelled', [['user', previous.userId]]);
        atOnce(m, 'meeting-scheduled', [['user', host.userId]]);
        withdraw(m, 'meeting-starts-soon', 'user', previous.userId);
        startsSoon(m, 'user', host.userId, true);
        break;
      }
      case 'GuestInvited':
        m.guests.push(event.data.guest);
        atOnce(m, 'meeting-scheduled', [['guest', event.data.guest.guestId]]);
        startsSoon(m, 'guest', event.data.guest.guestId, true);
        break;
      case 'MeetingCancelled':
        withdraw(m, 'meeting-starts-soon');
        atOnce(m, 'meeting-cancelled', everyone(m));
        break;
      case 'MeetingStarted':
        withdraw(m, 'meeting-starts-soon');
        break;
      case 'MeetingEnded':
        withdraw(m, 'meeting-starts-soon');
        for (const g of m.guests) m.pending.push({ notification: 'review', audience: 'guest', id: g.guestId, version: m.version, dueMs: now + reviewDelay });
        break;
      case 'WrapUpNoteLeft':
        atOnce(m, 'wrap-up', m.guests.map((g): [Audience, string] => ['guest', g.guestId]));
        break;
      case 'MeetingReviewed':
        withdraw(m, 'review', 'guest', event.data.guestId);
        break;
    }
    m.version += 1;
  };

  for (const event of events) {
    now = Date.parse(event.occurredAt);
    if (event.type === 'UserProfileUpdated') {
      const { userId, email } = event.data;
      if (email === undefined) continue;
      const list = addresses.get(userId) ?? [];
      list.push({ time: now, value: email });
      addresses.set(userId, list);
    } else if (event.type === 'NotificationEnabled' || event.type === 'NotificationDisabled') {
      const { accountId, audience, notification } = event.data;
      const key = `${accountId}/${audience}/${notification}`;
      const list = toggles.get(key) ?? [];
      list.push({ time: now, value: event.type === 'NotificationEnabled' });
      toggles.set(key, list);
    } else if (event.type !== 'BrandingConfigured' && event.type !== 'NotificationCustomized') {
      meetingEvent(event);
    }
  }
  for (const m of meetings.values()) flush(m, untilMs, true);
  return sent;
}
