import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { NotificationId } from '@rendezvous/domain';
import type { CalendarInvite } from '../email/outgoing';
import type { EmailToSend } from '../planning/email-to-send';
import { foldLines } from './fold';
import { icsPhrases } from './phrases';

const methods: Partial<Record<NotificationId, CalendarInvite['method']>> = {
  'meeting-scheduled': 'REQUEST',
  'meeting-rescheduled': 'REQUEST',
  'meeting-cancelled': 'CANCEL',
};

/** True for the notifications that carry a calendar invitation (docs/CONTRACT.md §2.12). */
export function carriesInvitation(notification: NotificationId): boolean {
  return methods[notification] !== undefined;
}

// ical-generator puts names in a quoted parameter and backslash-escapes quotes, which RFC 5545
// does not allow (a parameter value can hold no DQUOTE at all); strict clients drop the line.
const cn = (name: string): string => name.replace(/"/g, "'").replace(/[\r\n]+/g, ' ');

/**
 * The calendar invitation an email carries, or undefined for notifications without one.
 * One UID per meeting and host name, SEQUENCE from planning, times written in UTC so the
 * result never depends on the zone of the process that renders it.
 */
export function invitationFor(email: EmailToSend, hostname: string, entryLink: string): CalendarInvite | undefined {
  const method = methods[email.notification];
  if (method === undefined) return undefined;
  const { meeting, recipient } = email;
  const words = icsPhrases(recipient.locale);
  // A host's calendar entry names the host as organizer; for the previous host of a reassigned
  // meeting that is the recipient, not the new host, or their client would not match the CANCEL.
  const organizer = email.audience === 'user' ? { name: recipient.name, email: recipient.email } : { name: meeting.host.name, email: meeting.host.email };
  // Guests see only themselves (not each other's addresses); the host sees who is coming.
  const attendees = email.audience === 'guest' ? [{ name: recipient.name, email: recipient.email }] : meeting.guests.map((g) => ({ name: g.name, email: g.email }));
  const otherParty = email.audience === 'guest' ? meeting.host.name : meeting.guests.map((g) => g.name).join(', ');
  // A cancelled entry needs the why, not a way in.
  const description =
    method === 'CANCEL'
      ? [email.cancellation?.reason].filter((p): p is string => p !== undefined).join('')
      : [meeting.description, `${words.join}: ${entryLink}`].filter((p): p is string => p !== undefined).join('\n\n');

  const calendar = ical({
    prodId: { company: 'Rendezvous', product: 'Rendezvous', language: words.language },
    method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  const event = calendar.createEvent({
    id: `${meeting.meetingId}@${hostname}`,
    sequence: email.sequence,
    stamp: new Date(email.dueAt),
    start: new Date(meeting.start),
    end: new Date(meeting.end),
    summary: `${meeting.meetingType.name} ${words.with} ${otherParty}`,
    description,
    location: entryLink,
    url: entryLink,
    organizer: { name: cn(organizer.name), email: organizer.email },
    attendees: attendees.map((a) => ({
      name: cn(a.name),
      email: a.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: method === 'REQUEST',
    })),
    status: method === 'REQUEST' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
  });
  // The calendar's own lines are these four (we set nothing else on it); ical-generator writes
  // the event, and we fold: its calendar.toString() folds slowly (see fold.ts).
  const text = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-${calendar.prodId()}\r\nMETHOD:${method}\r\n${event.toString()}END:VCALENDAR`;
  // RFC 5545 ends every content line, the last one included, with CRLF.
  return { method, ics: `${foldLines(text)}\r\n` };
}
