import type { DomainEvent, Guest } from '@rendezvous/domain';
import type { SentEmail } from './sent';

// The baseline: what a developer would write by hand for one job, "which emails go out, to
// whom, when", over the same array of events. Mutable maps, one pass, no persistence, no
// explanations. It keeps the library's rules (docs/CONTRACT.md §2, default timing) so that the two
// runs must send exactly the same set of emails; the benchmark asserts they do.

const minute = 60_000;
const lead = 60 * minute;
const notice = 180 * minute;
const reviewDelay = 60 * minute;

type Audience = 'user' | 'guest';
interface Tenure {
  readonly userId: string;
  readonly email: string;
  /** Index of the event that made them host: later address changes apply. */
  readonly since: number;
}
interface Pending {
  readonly notification: 'meeting-starts-soon' | 'review';
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
/** A change that counts from a time on; `first` when it was the first event at that instant. */
interface Change<T> {
  readonly index: number;
  readonly time: number;
  readonly first: boolean;
  readonly value: T;
}

/** Runs the baseline over `events` and sends everything due by `untilMs`. */
export function replayByHand(events: readonly DomainEvent[], untilMs: number): SentEmail[] {
  const meetings = new Map<string, Meeting>();
  const addresses = new Map<string, Change<string>[]>();
  const toggles = new Map<string, Change<boolean>[]>();
  const sent: SentEmail[] = [];
  let now = -Infinity;
  let first = true;

  // The virtual clock sends an email due at D right after the first event at D is folded (or
  // before the first event after D): changes folded later at the same instant come too late.
  const latest = <T>(changes: Change<T>[] | undefined, dueMs: number, settled: boolean): Change<T> | undefined => {
    if (changes === undefined) return undefined;
    for (let i = changes.length - 1; i >= 0; i--) {
      const c = changes[i] as Change<T>;
      if (settled || c.time < dueMs || (c.time === dueMs && c.first)) return c;
    }
    return undefined;
  };
  const hostEmail = (tenure: Tenure, dueMs: number, settled: boolean): string => {
    const change = latest(addresses.get(tenure.userId), dueMs, settled);
    return change !== undefined && change.index > tenure.since ? change.value : tenure.email;
  };
  const enabled = (m: Meeting, audience: Audience, notification: string, dueMs: number, settled: boolean): boolean =>
    latest(toggles.get(`${m.accountId}/${audience}/${notification}`), dueMs, settled)?.value ?? true;
  const address = (m: Meeting, audience: Audience, id: string, dueMs: number, settled: boolean): string | undefined => {
    if (audience === 'guest') return m.guests.find((g) => g.guestId === id)?.email;
    const tenure = m.host.userId === id ? m.host : m.former.find((t) => t.userId === id);
    return tenure === undefined ? undefined : hostEmail(tenure, dueMs, settled);
  };
  const send = (m: Meeting, notification: string, audience: Audience, id: string, version: number, dueMs: number, settled: boolean): void => {
    if (!enabled(m, audience, notification, dueMs, settled)) return;
    const to = address(m, audience, id, dueMs, settled);
    if (to !== undefined) sent.push({ key: `${m.id}:${notification}:${audience}:${id}:${version}`, atMs: dueMs, to });
  };
  const flush = (m: Meeting, due: (dueMs: number) => boolean): void => {
    if (m.pending.length === 0) return;
    const keep: Pending[] = [];
    for (const p of m.pending) {
      if (due(p.dueMs)) send(m, p.notification, p.audience, p.id, p.version, p.dueMs, false);
      else keep.push(p);
    }
    m.pending = keep;
  };
  const withdraw = (m: Meeting, notification: Pending['notification'], audience?: Audience, id?: string): void => {
    m.pending = m.pending.filter((p) => p.notification !== notification || (audience !== undefined && (p.audience !== audience || p.id !== id)));
  };
  const everyone = (m: Meeting): [Audience, string][] => [['user', m.host.userId], ...m.guests.map((g): [Audience, string] => ['guest', g.guestId])];
  const atOnce = (m: Meeting, notification: string, to: [Audience, string][]): void => {
    for (const [audience, id] of to) send(m, notification, audience, id, m.version, now, true);
  };
  const startsSoon = (m: Meeting, audience: Audience, id: string, joined: boolean): void => {
    if (m.startSetAt > m.start - notice) return;
    const dueMs = Math.max(m.start - lead, m.startSetAt);
    if (joined && dueMs < now) return;
    m.pending.push({ notification: 'meeting-starts-soon', audience, id, version: m.startVersion, dueMs });
  };

  const meetingEvent = (event: DomainEvent, index: number): void => {
    if (event.type === 'MeetingScheduled') {
      const { meetingId, accountId, host, guests, start } = event.data;
      if (meetings.has(meetingId)) return;
      const m: Meeting = {
        id: meetingId, accountId, host: { userId: host.userId, email: host.email, since: index }, former: [], guests: guests.slice(),
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
    flush(m, (dueMs) => dueMs < now || (dueMs === now && !first));
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
        m.host = { userId: host.userId, email: host.email, since: index };
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
    flush(m, (dueMs) => dueMs <= now);
  };

  for (const [index, event] of events.entries()) {
    const at = Date.parse(event.occurredAt);
    first = at !== now;
    now = at;
    if (event.type === 'UserProfileUpdated') {
      const { userId, email } = event.data;
      if (email === undefined) continue;
      const list = addresses.get(userId) ?? [];
      list.push({ index, time: at, first, value: email });
      addresses.set(userId, list);
    } else if (event.type === 'NotificationEnabled' || event.type === 'NotificationDisabled') {
      const { accountId, audience, notification } = event.data;
      const key = `${accountId}/${audience}/${notification}`;
      const list = toggles.get(key) ?? [];
      list.push({ index, time: at, first, value: event.type === 'NotificationEnabled' });
      toggles.set(key, list);
    } else if (event.type !== 'BrandingConfigured' && event.type !== 'NotificationCustomized') {
      meetingEvent(event, index);
    }
  }
  for (const m of meetings.values()) flush(m, (dueMs) => dueMs <= untilMs);
  return sent;
}
