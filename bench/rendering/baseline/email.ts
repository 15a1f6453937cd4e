import { type Guest, type NotificationId, isErasedEmail } from '@rendezvous/domain';
import type { EmailToSend, OutgoingEmail } from '@rendezvous/notifications';
import { clockTime, hugeDate } from './dates';
import { icsLines, icsName, icsText, icsTime } from './ics';
import { framed } from './frame';
import { profileLink, signedLink } from './links';

// The baseline renderer: the same emails as the library renders with the benchmark's
// customized templates (rendering/templates.ts), written directly as template literals.
// No template language, no eta, no HTML-to-text pass, no iCalendar library.

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => escapes[c] ?? c);
const br = (s: string): string => esc(s).replace(/\r\n|[\n\r\u2028\u2029\u0085]/g, '<br>');
const titles: Record<NotificationId, string> = {
  'meeting-scheduled': 'Confirmed',
  'meeting-rescheduled': 'Moved',
  'meeting-cancelled': 'Cancelled',
  'meeting-starts-soon': 'Starting soon',
  'wrap-up': 'Notes',
  review: 'How was it?',
};

/** Renders one due email by hand. */
export function renderByHand(email: EmailToSend, sentAt: string, secret: string): OutgoingEmail {
  const { meeting, recipient, notification, audience, account } = email;
  const company = account.companyName ?? 'Rendezvous';
  const hostname = account.hostname ?? 'meet.rendezvous.example';
  const zone = recipient.timezone;
  const locale = Intl.DateTimeFormat.supportedLocalesOf([recipient.locale]).length > 0 ? recipient.locale : 'en';
  const startMs = Date.parse(meeting.start);
  const date = hugeDate(startMs, zone, locale);
  const time = clockTime(startMs, zone);
  const endTime = clockTime(Date.parse(meeting.end), zone);
  const host = meeting.host;
  const guest: Guest | undefined = audience === 'guest' ? (meeting.guests.find((g) => g.guestId === recipient.id) ?? meeting.guests[0]) : meeting.guests[0];
  const link = (purpose: 'entry' | 'reschedule' | 'cancel' | 'calendar'): string => signedLink(secret, hostname, purpose, meeting.meetingId, audience, recipient.id);
  const join = link('entry');
  const reschedule = link('reschedule');
  const cancel = link('cancel');
  const calendar = link('calendar');
  const profile = profileLink(host.profileUrl);

  const subject = `${titles[notification]}: ${meeting.meetingType.name} on ${date} at ${time}${meeting.status === 'cancelled' ? ' (cancelled)' : ''} | ${company}`
    // The subject is one header line: control characters and whitespace runs become one space.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0020\u007f-\u009f\s]+/g, ' ')
    .trim();

  const booked = meeting.createdBy === 'guest' ? 'You booked' : `${esc(host.name)} planned`;
  const bookedText = meeting.createdBy === 'guest' ? 'You booked' : `${host.name} planned`;
  const when = `(${meeting.meetingType.durationMinutes} minutes) on ${esc(date)}, ${time} to ${endTime} (${esc(zone)}).`;
  const whenText = `(${meeting.meetingType.durationMinutes} minutes) on ${date}, ${time} to ${endTime} (${zone}).`;
  let html = `<p>Dear ${esc(recipient.name)},</p>\n<p>${booked} <strong>${esc(meeting.meetingType.name)}</strong> ${when}</p>\n`;
  let text = `Dear ${recipient.name},\n\n${bookedText} ${meeting.meetingType.name} ${whenText}\n\n`;
  if (meeting.description !== undefined && meeting.description !== '') {
    html += `<p>${br(meeting.description)}</p>\n`;
    text += `${meeting.description}\n\n`;
  }
  if (notification === 'meeting-rescheduled') {
    const previousMs = Date.parse(email.rescheduling?.previousStart ?? '');
    const reason = email.rescheduling?.reason ?? '';
    const previous = email.rescheduling === undefined ? ['', ''] : [hugeDate(previousMs, zone, locale), clockTime(previousMs, zone)];
    html += `<p>Reason: ${br(reason)}. It was planned for ${esc(previous[0] ?? '')} at ${previous[1] ?? ''}.</p>\n`;
    text += `Reason: ${reason}. It was planned for ${previous[0] ?? ''} at ${previous[1] ?? ''}.\n\n`;
  } else if (notification === 'meeting-cancelled') {
    const reason = email.cancellation?.reason ?? '';
    html += `<p>Reason: ${br(reason)}</p>\n`;
    text += `Reason: ${reason}\n\n`;
  } else if (notification === 'meeting-starts-soon') {
    html += `<p>Starts at ${time}, join a few minutes early.</p>\n`;
    text += `Starts at ${time}, join a few minutes early.\n\n`;
  } else if (notification === 'wrap-up') {
    html += `<blockquote>${br(email.wrapUpNote ?? '')}</blockquote>\n`;
    text += `${email.wrapUpNote ?? ''}\n\n`;
  } else if (notification === 'review') {
    const review = signedLink(secret, hostname, 'review', meeting.meetingId, 'guest', recipient.id);
    html += `<p><a href="${esc(review)}">Rate the meeting</a></p>\n`;
    text += `Rate the meeting (${review})\n\n`;
  }
  if (audience === 'user') {
    const phone = guest?.phone === undefined || guest.phone === '' ? '' : `, ${guest.phone}`;
    html += `<p>Guest: ${esc(guest?.name ?? '')} &lt;${esc(guest?.email ?? '')}&gt;${esc(phone)}</p>\n`;
    text += `Guest: ${guest?.name ?? ''} <${guest?.email ?? ''}>${phone}\n\n`;
  } else {
    const title = host.jobTitle === undefined || host.jobTitle === '' ? '' : `, ${host.jobTitle}`;
    const phone = host.phone === undefined || host.phone === '' ? '' : ` (${host.phone})`;
    const city = host.location?.city === undefined || host.location.city === '' ? '' : `, ${host.location.city}`;
    html += `<p>Your host: ${esc(host.name)}${esc(title)}${esc(phone)}${esc(city)}. <a href="${esc(profile)}">Profile</a></p>\n`;
    // An empty link prints as its label alone, as the library's HTML-to-text pass does.
    text += `Your host: ${host.name}${title}${phone}${city}. ${profile === '' ? 'Profile' : `Profile (${profile})`}\n\n`;
  }
  html += `<p><a href="${esc(join)}">Join</a> | <a href="${esc(reschedule)}">Reschedule</a> | <a href="${esc(cancel)}">Cancel</a> | <a href="${esc(calendar)}">Calendar</a></p>\n`;
  text += `Join (${join}) | Reschedule (${reschedule}) | Cancel (${cancel}) | Calendar (${calendar})\n\n`;
  html += `<p>${esc(company.toUpperCase())} &middot; ${esc(hostname)}</p>`;
  text += `${company.toUpperCase()} · ${hostname}`;

  const framedEmail = framed({ html, text }, subject, recipient.locale, company, hostname);
  const ics = invitation(email, hostname, join, locale);
  return {
    idempotencyKey: email.idempotencyKey,
    notification,
    audience,
    meetingId: meeting.meetingId,
    accountId: account.accountId,
    from: { name: company, email: `no-reply@${hostname.replace(/:\d+$/, '')}` },
    to: [{ name: recipient.name, email: recipient.email }],
    ...(audience === 'guest' && !isErasedEmail(host.email) ? { replyTo: { name: host.name, email: host.email } } : {}),
    bcc: [...(account.customizations?.[0]?.bcc ?? [])],
    subject,
    text: framedEmail.text,
    html: framedEmail.html,
    attachments: [],
    ...(ics === undefined ? {} : { calendar: ics }),
    sentAt,
  };
}

function invitation(email: EmailToSend, hostname: string, join: string, locale: string): OutgoingEmail['calendar'] {
  const { notification, meeting, recipient } = email;
  if (notification !== 'meeting-scheduled' && notification !== 'meeting-rescheduled' && notification !== 'meeting-cancelled') return undefined;
  const cancel = notification === 'meeting-cancelled';
  const dutch = locale.split('-')[0]?.toLowerCase() === 'nl';
  const guestView = email.audience === 'guest';
  const organizer = guestView ? meeting.host : recipient;
  const attendees = guestView ? [recipient] : meeting.guests;
  const other = guestView ? meeting.host.name : meeting.guests.map((g) => g.name).join(', ');
  const description = cancel
    ? (email.cancellation?.reason ?? '')
    : `${meeting.description === undefined ? '' : `${meeting.description}\n\n`}${dutch ? 'Deelnemen aan de meeting' : 'Join the meeting'}: ${join}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Rendezvous//Rendezvous//${dutch ? 'NL' : 'EN'}`,
    `METHOD:${cancel ? 'CANCEL' : 'REQUEST'}`,
    'BEGIN:VEVENT',
    `UID:${meeting.meetingId}@${hostname}`,
    `SEQUENCE:${email.sequence}`,
    `DTSTAMP:${icsTime(Date.parse(email.dueAt))}`,
    `DTSTART:${icsTime(Date.parse(meeting.start))}`,
    `DTEND:${icsTime(Date.parse(meeting.end))}`,
    `SUMMARY:${icsText(`${meeting.meetingType.name} ${dutch ? 'met' : 'with'} ${other}`)}`,
    `LOCATION:${icsText(join)}`,
    `DESCRIPTION:${icsText(description)}`,
    `ORGANIZER;CN="${icsName(organizer.name)}":mailto:${organizer.email}`,
    ...attendees.map(
      (a) => `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=${cancel ? 'FALSE' : 'TRUE'};CN="${icsName(a.name)}":MAILTO:${a.email}`,
    ),
    `URL;VALUE=URI:${join}`,
    `STATUS:${cancel ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return { method: cancel ? 'CANCEL' : 'REQUEST', ics: icsLines(lines) };
}
