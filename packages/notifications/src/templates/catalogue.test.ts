import { notificationIds } from '@rendezvous/domain';
import { variableNames, variablesFor } from '@rendezvous/notifications';

const everywhere = [
  'company.name', 'general.hostname',
  'meeting.id', 'meeting.status', 'meeting.type.name', 'meeting.type.duration', 'meeting.description', 'meeting.isCreatedByGuest',
  'meeting.date', 'meeting.time', 'meeting.endTime', 'meeting.timezone',
  'meeting.user.name', 'meeting.user.email', 'meeting.user.phone', 'meeting.user.jobTitle', 'meeting.user.locationName',
  'meeting.user.city', 'meeting.user.state', 'meeting.user.postcode', 'meeting.user.country',
  'meeting.guest.name', 'meeting.guest.email', 'meeting.guest.phone', 'meeting.guests',
  'recipient.name', 'recipient.email',
  'links.meeting', 'links.reschedule', 'links.cancel', 'links.calendar', 'links.profile',
];
const scoped: Record<string, readonly string[]> = {
  'meeting-rescheduled': ['reschedulingReason', 'meeting.previousDate', 'meeting.previousTime'],
  'meeting-cancelled': ['cancellationReason'],
  'wrap-up': ['wrapup'],
  review: ['links.review'],
};

describe('the variable catalogue (docs/CONTRACT.md §3)', () => {
  it('holds exactly the contract names', () => {
    expect([...variableNames].sort()).toEqual([...everywhere, ...Object.values(scoped).flat()].sort());
    expect(variableNames).toHaveLength(38);
  });

  it.each(notificationIds)('offers %s the common names plus its own', (notification) => {
    expect([...variablesFor(notification)].sort()).toEqual([...everywhere, ...(scoped[notification] ?? [])].sort());
  });

  it('keeps the scoped names out of the other notifications', () => {
    expect(variablesFor('meeting-scheduled')).not.toContain('cancellationReason');
    expect(variablesFor('meeting-cancelled')).not.toContain('reschedulingReason');
    expect(variablesFor('meeting-starts-soon')).not.toContain('links.review');
    expect(variablesFor('review')).not.toContain('wrapup');
  });
});
