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

/** A state being built: a fresh copy, changed field by field before it is returned. */
type Building = { -readonly [K in keyof ExistingMeeting]: ExistingMeeting[K] };

/**
 * Writes what an event changes into `next`, a fresh copy of `meeting`. A copy and a few stores is
 * V8's fast path; spreading the state together with the changed fields was its slow one, and this
 * runs for every meeting event of every replay.
 */
function change(next: Building, meeting: ExistingMeeting, event: Exclude<MeetingEvent, EventOf<'MeetingScheduled'>>): void {
  switch (event.type) {
    case 'MeetingRescheduled':
      next.start = event.data.start;
      next.startSetAt = event.occurredAt;
      next.previousStart = meeting.start;
      next.rescheduleCount = meeting.rescheduleCount + 1;
      return;
    case 'MeetingReassigned':
      next.host = event.data.host;
      next.hostAvailable = event.data.hostAvailable;
      return;
    case 'GuestInvited':
      next.guests = [...meeting.guests, event.data.guest];
      return;
    case 'MeetingCancelled':
      next.phase = 'cancelled';
      next.cancelledAt = event.occurredAt;
      next.cancellation = { reason: event.data.reason, by: event.data.by };
      return;
    case 'MeetingStarted':
      next.phase = 'live';
      next.startedAt = event.occurredAt;
      return;
    case 'MeetingEnded':
      next.phase = 'ended';
      next.endedAt = event.occurredAt;
      return;
    case 'WrapUpNoteLeft':
      next.wrapUpNote = event.data.note;
      return;
    case 'MeetingReviewed': {
      const { guestId, rating, comment } = event.data;
      const reviews: Record<string, { readonly rating: number; readonly comment?: string }> = { ...meeting.reviews };
      reviews[guestId] = comment === undefined ? { rating } : { rating, comment };
      next.reviews = reviews;
      return;
    }
  }
}

/** Folds one meeting event into the state; `eventCount` counts every event folded. */
export function evolveMeeting(state: MeetingState, event: MeetingEvent): MeetingState {
  if (state.kind === 'none') return event.type === 'MeetingScheduled' ? scheduled(event) : state;
  const next: Building = { ...state };
  next.eventCount = state.eventCount + 1;
  if (event.type !== 'MeetingScheduled') change(next, state, event);
  return next;
}
