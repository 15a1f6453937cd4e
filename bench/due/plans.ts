import type { AccountEvent, DomainEvent, Guest } from '@rendezvous/domain';
import type { Planner, PlanningSession } from '@rendezvous/notifications';

const second = 1000;
const minute = 60 * second;
const base = Date.parse('2026-01-05T00:00:00Z');
const instant = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
/** Emails each booking leaves pending: a reminder for the host and for each of nine guests. */
export const pendingPerMeeting = 10;

// The account switched its booking confirmations off, so a booking leaves only its ten
// reminders pending (waiting for their due time): the plan can be grown to a million pending
// emails by folding bookings alone, without sending a million confirmations first.
const setup: AccountEvent[] = (['user', 'guest'] as const).map((audience) => ({
  type: 'NotificationDisabled',
  occurredAt: instant(base - minute),
  data: { accountId: 'acc-due', audience, notification: 'meeting-scheduled' },
}));

function booking(i: number): DomainEvent {
  const guests: Guest[] = Array.from({ length: pendingPerMeeting - 1 }, (_, k) => ({ guestId: `g-${k}`, name: `Guest ${k}`, email: `guest${i}.${k}@example.org` }));
  return {
    type: 'MeetingScheduled',
    occurredAt: instant(base + i * second),
    data: {
      meetingId: `m-${i}`,
      accountId: 'acc-due',
      meetingType: { name: 'Intro call', durationMinutes: 30 },
      // One meeting a minute from 30 days on: every tick has one meeting's reminders to send.
      start: instant(base + 30 * 24 * 60 * minute + i * minute),
      host: { userId: `u-${i % 1000}`, name: 'Hanna de Vries', email: `host${i % 1000}@example.com`, timezone: 'Europe/Amsterdam' },
      guests,
      createdBy: 'guest',
    },
  };
}

/** A planning session (what the live dispatcher holds) grown to `size` pending emails. */
export function growSession(planner: Planner, size: number): PlanningSession {
  const session = planner.session();
  for (const event of setup) session.evolve(event);
  for (let i = 0; i * pendingPerMeeting < size; i++) session.evolve(booking(i));
  return session;
}
