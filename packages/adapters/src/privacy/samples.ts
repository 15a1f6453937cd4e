import type { DomainEvent, EventOf } from '@rendezvous/domain';

// A small meeting history full of personal data, shared by the privacy tests and the overhead
// measurement so both exercise every kind of personal field.

/** A MeetingScheduled with a fully described host, two guests and a description. */
export function sampleScheduled(meetingId = 'm-1'): EventOf<'MeetingScheduled'> {
  return {
    type: 'MeetingScheduled',
    occurredAt: '2026-03-01T09:00:00Z',
    data: {
      meetingId,
      accountId: 'acc-1',
      meetingType: { name: 'Intro call', durationMinutes: 30 },
      description: 'Talk about the Hoofddorp office move',
      start: '2026-03-02T09:00:00Z',
      host: {
        userId: 'u-1',
        name: 'Hanna Host',
        email: 'hanna@example.com',
        timezone: 'Europe/Amsterdam',
        phone: '+31 20 555 0100',
        jobTitle: 'Account manager',
        location: { name: 'Harbour office', city: 'Haarlem', country: 'Netherlands' },
        profileUrl: 'https://example.com/hanna',
      },
      guests: [
        { guestId: 'g-1', name: 'Gus Guest', email: 'Gus@Example.com', phone: '+31 6 5555 0101' },
        { guestId: 'g-2', name: 'Greta Second', email: 'greta@example.org', timezone: 'Europe/Berlin' },
      ],
      createdBy: 'guest',
    },
  };
}

/** The rest of that meeting's life: a reschedule by a guest, an invite, the end, a note, a review. */
export function sampleHistory(meetingId = 'm-1'): DomainEvent[] {
  return [
    sampleScheduled(meetingId),
    { type: 'MeetingRescheduled', occurredAt: '2026-03-01T10:00:00Z', data: { meetingId, start: '2026-03-03T09:00:00Z', reason: 'Gus is ill', by: 'guest' } },
    { type: 'GuestInvited', occurredAt: '2026-03-01T11:00:00Z', data: { meetingId, guest: { guestId: 'g-3', name: 'Ivo Invited', email: 'ivo@example.net', phone: '+32 2 555 0102' } } },
    { type: 'MeetingStarted', occurredAt: '2026-03-03T09:00:00Z', data: { meetingId } },
    { type: 'MeetingEnded', occurredAt: '2026-03-03T09:30:00Z', data: { meetingId } },
    { type: 'WrapUpNoteLeft', occurredAt: '2026-03-03T09:40:00Z', data: { meetingId, note: 'Hanna sends the floor plan' } },
    { type: 'MeetingReviewed', occurredAt: '2026-03-03T10:00:00Z', data: { meetingId, guestId: 'g-1', rating: 5, comment: 'Gus liked it' } },
  ];
}

/** Every personal value of the sample history, as a person would recognise it. */
export const personalValues = [
  'Hanna Host', 'hanna@example.com', '+31 20 555 0100', 'Account manager', 'Harbour office', 'Haarlem', 'Netherlands',
  'https://example.com/hanna', 'Gus Guest', 'Gus@Example.com', 'gus@example.com', '+31 6 5555 0101', 'Greta Second', 'greta@example.org',
  'Ivo Invited', 'ivo@example.net', '+32 2 555 0102', 'Talk about the Hoofddorp office move', 'Gus is ill',
  'Hanna sends the floor plan', 'Gus liked it',
];
