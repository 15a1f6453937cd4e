import type { Audience, NotificationId } from '@rendezvous/domain';

/** A pair of the catalogue, as an account customizes it. */
export interface CustomPair {
  readonly audience: Audience;
  readonly notification: NotificationId;
  readonly subject: string;
  readonly body: string;
}

const titles: Record<NotificationId, string> = {
  'meeting-scheduled': 'Confirmed',
  'meeting-rescheduled': 'Moved',
  'meeting-cancelled': 'Cancelled',
  'meeting-starts-soon': 'Starting soon',
  'wrap-up': 'Notes',
  review: 'How was it?',
};

// What only one notification says, in the template language (its variables exist only there).
const specifics: Record<NotificationId, string> = {
  'meeting-scheduled': '',
  'meeting-rescheduled': '<p>Reason: {{ reschedulingReason|nl2br }}. It was planned for {{ meeting.previousDate }} at {{ meeting.previousTime }}.</p>\n',
  'meeting-cancelled': '<p>Reason: {{ cancellationReason|nl2br }}</p>\n',
  'meeting-starts-soon': '<p>Starts at {{ meeting.time }}, join a few minutes early.</p>\n',
  'wrap-up': '<blockquote>{{ wrapup|nl2br }}</blockquote>\n',
  review: '<p><a href="{{ links.review }}">Rate the meeting</a></p>\n',
};

// Hosts see who booked; guests see their host's contact details.
const audienceParts: Record<Audience, string> = {
  user: '<p>Guest: {{ meeting.guest.name }} &lt;{{ meeting.guest.email }}&gt;{% if meeting.guest.phone %}, {{ meeting.guest.phone }}{% endif %}</p>\n',
  guest:
    '<p>Your host: {{ meeting.user.name }}{% if meeting.user.jobTitle %}, {{ meeting.user.jobTitle }}{% endif %}{% if meeting.user.phone %} ({{ meeting.user.phone }}){% endif %}{% if meeting.user.city %}, {{ meeting.user.city }}{% endif %}. <a href="{{ links.profile }}">Profile</a></p>\n',
};

/** The customized subject of a pair: every email of the history uses the account's own. */
export function customSubject(notification: NotificationId): string {
  return `${titles[notification]}: {{ meeting.type.name }} on {{ meeting.date }} at {{ meeting.time }}{% if meeting.status == "cancelled" %} (cancelled){% endif %} | {{ company.name }}`;
}

/** The customized HTML body of a pair, written in the template language as an admin would. */
export function customBody(audience: Audience, notification: NotificationId): string {
  return (
    '<p>Dear {{ recipient.name }},</p>\n' +
    '<p>{% if meeting.isCreatedByGuest %}You booked{% else %}{{ meeting.user.name }} planned{% endif %} <strong>{{ meeting.type.name }}</strong> ' +
    '({{ meeting.type.duration }} minutes) on {{ meeting.date }}, {{ meeting.time }} to {{ meeting.endTime }} ({{ meeting.timezone }}).</p>\n' +
    '{% if meeting.description %}<p>{{ meeting.description|nl2br }}</p>\n{% endif %}' +
    specifics[notification] +
    audienceParts[audience] +
    '<p><a href="{{ links.meeting }}">Join</a> | <a href="{{ links.reschedule }}">Reschedule</a> | <a href="{{ links.cancel }}">Cancel</a> | <a href="{{ links.calendar }}">Calendar</a></p>\n' +
    '<p>{{ company.name|upper }} &middot; {{ general.hostname }}</p>'
  );
}

const guestOnly: readonly NotificationId[] = ['wrap-up', 'review'];
const notifications: readonly NotificationId[] = ['meeting-scheduled', 'meeting-rescheduled', 'meeting-cancelled', 'meeting-starts-soon', 'wrap-up', 'review'];

/** Every pair of the catalogue with its customized subject and body. */
export const customPairs: readonly CustomPair[] = (['user', 'guest'] as const).flatMap((audience) =>
  notifications
    .filter((n) => audience === 'guest' || !guestOnly.includes(n))
    .map((notification) => ({ audience, notification, subject: customSubject(notification), body: customBody(audience, notification) })),
);
