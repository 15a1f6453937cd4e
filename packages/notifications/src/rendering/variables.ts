import { type Guest, erasedText, isErasedEmail } from '@rendezvous/domain';
import type { Links } from '../links/links';
import type { EmailToSend } from '../planning/email-to-send';
import type { TemplateVariables } from '../templates/catalogue';
import { clockTime, guestList, hugeDate } from './format';

/** The branding an email is rendered with: the account's, else the renderer's fallback. */
export interface Branding {
  readonly companyName: string;
  readonly hostname: string;
}

// In a guest's email `meeting.guest` is that guest; in the host's, the first guest (docs/CONTRACT.md §3).
function guestShown(email: EmailToSend): Guest | undefined {
  const { meeting, recipient } = email;
  if (email.audience === 'guest') return meeting.guests.find((g) => g.guestId === recipient.id) ?? meeting.guests[0];
  return meeting.guests[0];
}

// An erased person's contact details read back as markers (PRIVACY.md): a marker address reaches
// nobody and '[erased]' is no phone number, so they show as absent and `{% if %}` drops their rows.
// Names stay '[erased]': "your meeting with [erased]" still says who the meeting was with.
function contact(value: string | undefined): string {
  return value === undefined || value === erasedText ? '' : value;
}

function address(email: string | undefined): string {
  return email === undefined || isErasedEmail(email) ? '' : email;
}

/**
 * The values of every catalogue variable for one email, as the template language reads them
 * (a flat map keyed by dotted name). Absent optional values are empty strings, so
 * `{% if meeting.user.phone %}` is false for a host without a phone.
 */
export function variablesForEmail(email: EmailToSend, branding: Branding, links: Links): TemplateVariables {
  const { meeting, recipient, notification } = email;
  const { timezone: zone, locale } = recipient;
  const host = meeting.host;
  const guest = guestShown(email);
  const vars: Record<string, string | number | boolean> = {
    'company.name': branding.companyName,
    'general.hostname': branding.hostname,
    'meeting.id': meeting.meetingId,
    'meeting.status': meeting.status,
    'meeting.type.name': meeting.meetingType.name,
    'meeting.type.duration': meeting.meetingType.durationMinutes,
    'meeting.description': meeting.description ?? '',
    'meeting.isCreatedByGuest': meeting.createdBy === 'guest',
    'meeting.date': hugeDate(meeting.start, zone, locale),
    'meeting.time': clockTime(meeting.start, zone),
    'meeting.endTime': clockTime(meeting.end, zone),
    'meeting.timezone': zone,
    'meeting.user.name': host.name,
    'meeting.user.email': address(host.email),
    'meeting.user.phone': contact(host.phone),
    'meeting.user.jobTitle': contact(host.jobTitle),
    'meeting.user.locationName': contact(host.location?.name),
    'meeting.user.city': contact(host.location?.city),
    'meeting.user.state': contact(host.location?.state),
    'meeting.user.postcode': contact(host.location?.postcode),
    'meeting.user.country': contact(host.location?.country),
    'meeting.guest.name': guest?.name ?? '',
    'meeting.guest.email': address(guest?.email),
    'meeting.guest.phone': contact(guest?.phone),
    'meeting.guests': guestList(meeting.guests, locale),
    'recipient.name': recipient.name,
    'recipient.email': recipient.email,
    'links.meeting': links.entryLink(meeting.meetingId, email.audience, recipient.id),
    'links.reschedule': links.rescheduleLink(meeting.meetingId, email.audience, recipient.id),
    'links.cancel': links.cancelLink(meeting.meetingId, email.audience, recipient.id),
    'links.calendar': links.calendarLink(meeting.meetingId, email.audience, recipient.id),
    'links.profile': links.profileLink(host),
  };
  // Variables that exist only for one notification are left out elsewhere: templates of other
  // notifications are refused at save time if they name them.
  if (notification === 'meeting-rescheduled') {
    vars['reschedulingReason'] = email.rescheduling?.reason ?? '';
    vars['meeting.previousDate'] = email.rescheduling === undefined ? '' : hugeDate(email.rescheduling.previousStart, zone, locale);
    vars['meeting.previousTime'] = email.rescheduling === undefined ? '' : clockTime(email.rescheduling.previousStart, zone);
  }
  if (notification === 'meeting-cancelled') vars['cancellationReason'] = email.cancellation?.reason ?? '';
  if (notification === 'wrap-up') vars['wrapup'] = email.wrapUpNote ?? '';
  if (notification === 'review') vars['links.review'] = links.reviewLink(meeting.meetingId, recipient.id);
  return vars;
}
