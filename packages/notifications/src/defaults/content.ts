import type { Copy, DefaultPair } from './copy';
import type { Action, DetailRow, EmailContent } from './layout';

const when = '{{ meeting.date }}, {{ meeting.time }} – {{ meeting.endTime }} ({{ meeting.timezone }})';

/** The blocks of one built-in email: the language's words in the shape the pair needs. */
export function contentFor(pair: DefaultPair, copy: Copy): EmailContent {
  const { labels: l, actions: a } = copy;
  const row = (label: string, value: string, whenSet?: string): DetailRow => (whenSet === undefined ? { label, value } : { label, value, when: whenSet });
  const link = (label: string, href: string): Action => ({ label, href });
  // links.profile is empty for a host without a profileUrl (CONTRACT §3): no button to nowhere.
  const profile = (label: string): Action => ({ label, href: '{{ links.profile }}', when: 'links.profile' });
  const meeting = row(l.meeting, '{{ meeting.type.name }}');
  const time = row(l.when, when);
  const duration = row(l.duration, `{{ meeting.type.duration }} ${l.minutes}`);
  const host = row(l.with, '{{ meeting.user.name }}{% if meeting.user.jobTitle %}, {{ meeting.user.jobTitle }}{% endif %}');
  const about = row(l.about, '{{ meeting.description|nl2br }}', 'meeting.description');
  // Host emails name every guest (CONTRACT §3 meeting.guests); the contact row is the first one's.
  const guest = [
    row(l.with, '{{ meeting.guests }}'),
    row(l.contact, '{{ meeting.guest.name }}{% if meeting.guest.email %}<br>{{ meeting.guest.email }}{% endif %}{% if meeting.guest.phone %}<br>{{ meeting.guest.phone }}{% endif %}'),
  ];
  const hostContact = [host, row(l.email, '{{ meeting.user.email }}', 'meeting.user.email'), row(l.phone, '{{ meeting.user.phone }}', 'meeting.user.phone')];
  const manage = [link(a.calendar, '{{ links.calendar }}'), link(a.reschedule, '{{ links.reschedule }}'), link(a.cancel, '{{ links.cancel }}')];
  const join = link(a.join, '{{ links.meeting }}');
  const start = link(a.start, '{{ links.meeting }}');
  const previous = row(l.previousTime, '<span style="text-decoration:line-through;">{{ meeting.previousDate }}, {{ meeting.previousTime }}</span>');
  const newTime = row(l.newTime, `<strong>${when}</strong>`);
  const planned = row(l.plannedFor, when);

  const words = copy.emails[pair];
  const base = { subject: words.subject, heading: words.heading, paragraphs: words.paragraphs };
  switch (pair) {
    case 'guest/meeting-scheduled':
      return { ...base, details: [meeting, time, duration, host, about], button: join, links: manage };
    case 'user/meeting-scheduled':
      return { ...base, details: [meeting, time, duration, ...guest, about], button: start, links: manage };
    case 'guest/meeting-rescheduled':
      return { ...base, quote: { label: l.reason, value: '{{ reschedulingReason|nl2br }}' }, details: [meeting, newTime, previous, host], button: join, links: manage };
    case 'user/meeting-rescheduled':
      return { ...base, quote: { label: l.reason, value: '{{ reschedulingReason|nl2br }}' }, details: [meeting, newTime, previous, ...guest], button: start, links: manage };
    case 'guest/meeting-cancelled':
      return { ...base, quote: { label: l.reason, value: '{{ cancellationReason|nl2br }}' }, details: [meeting, planned, host], button: profile(a.bookAgain) };
    case 'user/meeting-cancelled':
      return { ...base, quote: { label: l.reason, value: '{{ cancellationReason|nl2br }}' }, details: [meeting, planned, ...guest] };
    case 'guest/meeting-starts-soon':
      return { ...base, details: [meeting, time, host], button: join, links: manage.slice(1) };
    case 'user/meeting-starts-soon':
      return { ...base, details: [meeting, time, ...guest], button: start, links: manage.slice(1) };
    case 'guest/wrap-up':
      return { ...base, quote: { value: '{{ wrapup|nl2br }}' }, details: hostContact, button: profile(a.followUp) };
    case 'guest/review':
      return { ...base, details: [meeting, row(l.when, '{{ meeting.date }}'), host], button: link(a.review, '{{ links.review }}') };
  }
}
