import type { EventOf, MeetingEvent } from '../events/catalogue';
import type { ExistingMeeting, MeetingState } from './state';

// evolve trusts its input: events are facts that decide() or checkMeetingEvent() already
// vetted. It stays total anyway, so a stray event never throws: an event for a meeting that
// does not exist yet leaves the empty state as it is.

function scheduled(event: EventOf<'MeetingScheduled'>): ExistingMeeting {
  const { meetingId, accountId, meetingType, description, start, host, guests, createdBy } = event.data;
  return {
    kind: 'existing',
    phase: 'planned',
    meetingId,
    accountId,
    meetingType,
    ...(description === undefined ? {} : { description }),
    start,
    startSetAt: event.occurredAt,
    host,
    hostAvailable: true,
    guests,
    createdBy,
    scheduledAt: event.occurredAt,
    rescheduleCount: 0,
    reviews: {},
    eventCount: 1,
  };
}

function changed(meeting: ExistingMeeting, event: Exclude<MeetingEvent, EventOf<'MeetingScheduled'>>): ExistingMeeting {
  switch (event.type) {
    case 'MeetingRescheduled':
      return {
        ...meeting,
        start: event.data.start,
        startSetAt: event.occurredAt,
        previousStart: meeting.start,
        rescheduleCount: meeting.rescheduleCount + 1,
      };
    case 'MeetingReassigned':
      return { ...meeting, host: event.data.host, hostAvailable: event.data.hostAvailable };
    case 'GuestInvited':
      return { ...meeting, guests: [...meeting.guests, event.data.guest] };
    case 'MeetingCancelled':
      return {
        ...meeting,
        phase: 'cancelled',
        cancelledAt: event.occurredAt,
        cancellation: { reason: event.data.reason, by: event.data.by },
      };
    case 'MeetingStarted':
      return { ...meeting, phase: 'live', startedAt: event.occurredAt };
    case 'MeetingEnded':
      return { ...meeting, phase: 'ended', endedAt: event.occurredAt };
    case 'WrapUpNoteLeft':
      return { ...meeting, wrapUpNote: event.data.note };
    case 'MeetingReviewed': {
      const { guestId, rating, comment } = event.data;
      return { ...meeting, reviews: { ...meeting.reviews, [guestId]: comment === undefined ? { rating } : { rating, comment } } };
    }
  }
}

/** Folds one meeting event into the state; `eventCount` counts every event folded. */
export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (state.kind === 'none') return event.type === 'MeetingScheduled' ? scheduled(event) : state;
  if (event.type === 'MeetingScheduled') return { ...state, eventCount: state.eventCount + 1 };
  return { ...changed(state, event), eventCount: state.eventCount + 1 };
}
