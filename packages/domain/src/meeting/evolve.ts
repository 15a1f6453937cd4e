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

/** The fields an event changes: a small object, merged into the state by one spread. */
function changes(meeting: ExistingMeeting, event: Exclude<MeetingEvent, EventOf<'MeetingScheduled'>>): Partial<ExistingMeeting> {
  switch (event.type) {
    case 'MeetingRescheduled':
      return {
        start: event.data.start,
        startSetAt: event.occurredAt,
        previousStart: meeting.start,
        rescheduleCount: meeting.rescheduleCount + 1,
      };
    case 'MeetingReassigned':
      return { host: event.data.host, hostAvailable: event.data.hostAvailable };
    case 'GuestInvited':
      return { guests: [...meeting.guests, event.data.guest] };
    case 'MeetingCancelled':
      return {
        phase: 'cancelled',
        cancelledAt: event.occurredAt,
        cancellation: { reason: event.data.reason, by: event.data.by },
      };
    case 'MeetingStarted':
      return { phase: 'live', startedAt: event.occurredAt };
    case 'MeetingEnded':
      return { phase: 'ended', endedAt: event.occurredAt };
    case 'WrapUpNoteLeft':
      return { wrapUpNote: event.data.note };
    case 'MeetingReviewed': {
      const { guestId, rating, comment } = event.data;
      // Copied, then set: a spread with a computed key takes V8's slowest path.
      const reviews: Record<string, { readonly rating: number; readonly comment?: string }> = { ...meeting.reviews };
      reviews[guestId] = comment === undefined ? { rating } : { rating, comment };
      return { reviews };
    }
  }
}

/** Folds one meeting event into the state; `eventCount` counts every event folded. */
export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (state.kind === 'none') return event.type === 'MeetingScheduled' ? scheduled(event) : state;
  if (event.type === 'MeetingScheduled') return { ...state, eventCount: state.eventCount + 1 };
  return { ...state, ...changes(state, event), eventCount: state.eventCount + 1 };
}
