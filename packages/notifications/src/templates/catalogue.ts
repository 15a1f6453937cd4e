import type { NotificationId } from '@rendezvous/domain';
import { notificationIds } from '@rendezvous/domain';

/** One variable of the template language: its dotted name, where it exists and what it holds. */
export interface VariableInfo {
  readonly name: string;
  /** The notifications that offer it; absent means every notification. */
  readonly only?: readonly NotificationId[];
  readonly description: string;
}

/** The values a template renders with: a FLAT map keyed by dotted name (`{ 'meeting.user.name': 'Hanna' }`). */
export type TemplateVariables = Readonly<Record<string, string | number | boolean | undefined>>;

const all = (name: string, description: string): VariableInfo => ({ name, description });
const only = (notification: NotificationId, name: string, description: string): VariableInfo => ({
  name,
  only: [notification],
  description,
});

/** The variable catalogue of docs/CONTRACT.md §3, in the order the Email Editor lists it. */
export const variableCatalogue: readonly VariableInfo[] = [
  all('company.name', 'the account\'s company name'),
  all('general.hostname', 'the account\'s hostname, e.g. meet.acme.com'),
  all('meeting.id', 'the meeting id'),
  all('meeting.status', 'scheduled, live, completed, cancelled or missed'),
  all('meeting.type.name', 'the meeting type, e.g. "Intake call"'),
  all('meeting.type.duration', 'the planned duration in minutes (a number)'),
  all('meeting.description', 'the meeting description, if any'),
  all('meeting.isCreatedByGuest', 'true when a guest booked the meeting (a boolean)'),
  all('meeting.date', 'the date in the recipient\'s zone and locale, e.g. Monday, March 2, 2026'),
  all('meeting.time', 'the start time, HH:mm in the recipient\'s zone'),
  all('meeting.endTime', 'the end time, HH:mm in the recipient\'s zone'),
  all('meeting.timezone', 'the recipient\'s IANA time zone, e.g. Europe/Amsterdam'),
  all('meeting.user.name', 'the host\'s name'),
  all('meeting.user.email', 'the host\'s email address'),
  all('meeting.user.phone', 'the host\'s phone number, if any'),
  all('meeting.user.jobTitle', 'the host\'s job title, if any'),
  all('meeting.user.locationName', 'the host\'s location name, if any'),
  all('meeting.user.city', 'the host\'s city, if any'),
  all('meeting.user.state', 'the host\'s state, if any'),
  all('meeting.user.postcode', 'the host\'s postcode, if any'),
  all('meeting.user.country', 'the host\'s country, if any'),
  all('meeting.guest.name', 'the recipient guest\'s name (in host emails: the first guest)'),
  all('meeting.guest.email', 'the recipient guest\'s email (in host emails: the first guest)'),
  all('meeting.guest.phone', 'the recipient guest\'s phone (in host emails: the first guest), if any'),
  all('meeting.guests', 'every guest\'s name in the order they joined, e.g. "Ann, Bob and Cy" ("Ann, Bob en Cy" in Dutch)'),
  all('recipient.name', 'the name of the person this email is for'),
  all('recipient.email', 'the email address this email is for'),
  only('meeting-rescheduled', 'reschedulingReason', 'why the meeting was rescheduled'),
  only('meeting-rescheduled', 'meeting.previousDate', 'the date before the reschedule'),
  only('meeting-rescheduled', 'meeting.previousTime', 'the start time before the reschedule, HH:mm'),
  only('meeting-cancelled', 'cancellationReason', 'why the meeting was cancelled'),
  only('wrap-up', 'wrapup', 'the host\'s wrap-up note'),
  all('links.meeting', 'the recipient\'s own entry link'),
  all('links.reschedule', 'the link to reschedule the meeting'),
  all('links.cancel', 'the link to cancel the meeting'),
  all('links.calendar', 'the link to the calendar invitation'),
  all('links.profile', 'the host\'s profile page as they gave it (empty when they have none: use it inside {% if links.profile %})'),
  only('review', 'links.review', 'the link to review the meeting'),
];

/** Every variable name of the catalogue, whatever the notification. */
export const variableNames: readonly string[] = variableCatalogue.map((v) => v.name);

const byName: ReadonlyMap<string, VariableInfo> = new Map(variableCatalogue.map((v) => [v.name, v]));

const perNotification: ReadonlyMap<NotificationId, readonly string[]> = new Map(
  notificationIds.map((n) => [
    n,
    variableCatalogue.filter((v) => v.only === undefined || v.only.includes(n)).map((v) => v.name),
  ]),
);

/** The variable names a template of this notification may use. */
export function variablesFor(notification: NotificationId): readonly string[] {
  return perNotification.get(notification) ?? [];
}

/** The catalogue entry of a name, or undefined (a Map, so `constructor` or `__proto__` never match). */
export function variableInfo(name: string): VariableInfo | undefined {
  return byName.get(name);
}
