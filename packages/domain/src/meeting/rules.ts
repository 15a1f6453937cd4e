import { isAfter } from './instants';
import type { MeetingEvent } from '../events/catalogue';
import type { Guest, Host } from '../events/people';
import type { MeetingCommandType } from './commands';
import {
  alreadyReviewed,
  duplicateGuestId,
  guestAlreadyInvited,
  meetingAlreadyScheduled,
  meetingIdMismatch,
  meetingNotEnded,
  meetingNotFound,
  meetingNotLive,
  meetingMissed,
  meetingNotPlanned,
  notAGuest,
  sameHost,
  startNotInFuture,
  startUnchanged,
  wrapUpAlreadyLeft,
  type MeetingError,
} from './errors';
import type { ExistingMeeting, MeetingState } from './state';
import { meetingStatus, missedAt } from './status';

// Every lifecycle rule of docs/CONTRACT.md §1 lives here once. A rule answers with the refusal, or
// undefined when it has nothing against the step. `refusalOf` judges an event, because an
// event is exactly what a command asks to record: decide() asks it before recording,
// checkMeetingEvent() asks it of a history that was already recorded.

type Refusal = MeetingError | undefined;

/** A meeting is scheduled once. */
export function scheduledOnce(state: MeetingState, meetingId: string): Refusal {
  if (state.kind === 'none') return undefined;
  return state.meetingId === meetingId ? meetingAlreadyScheduled(meetingId) : meetingIdMismatch(meetingId, state.meetingId);
}

/** A start (scheduled or rescheduled) lies after the moment of the command. */
export function startsAfterNow(meetingId: string, start: string, now: string): Refusal {
  return isAfter(start, now) ? undefined : startNotInFuture(meetingId, start, now);
}

/** Runs `rule` on the meeting, after making sure the meeting exists and is the one addressed. */
export function onMeeting(state: MeetingState, meetingId: string, rule: (meeting: ExistingMeeting) => Refusal): Refusal {
  if (state.kind === 'none') return meetingNotFound(meetingId);
  if (state.meetingId !== meetingId) return meetingIdMismatch(meetingId, state.meetingId);
  return rule(state);
}

/** Reschedule, reassign, invite, cancel and start need a planned meeting. */
export function isPlanned(meeting: ExistingMeeting, command: MeetingCommandType): Refusal {
  return meeting.phase === 'planned' ? undefined : meetingNotPlanned(meeting.meetingId, meeting.phase, command);
}

/** A reschedule moves the start (CONTRACT §1, 1.1: the same start is refused). */
export function startMoves(meeting: ExistingMeeting, start: string): Refusal {
  return start === meeting.start ? startUnchanged(meeting.meetingId, start) : undefined;
}

/** A missed meeting (never started by start + duration + 2 hours) can be rescheduled or cancelled, not started. */
export function notMissed(meeting: ExistingMeeting, now: string, command: MeetingCommandType): Refusal {
  return meetingStatus(meeting, now) === 'missed' ? meetingMissed(meeting.meetingId, missedAt(meeting), command) : undefined;
}

/** Only a LIVE meeting can end. */
export function isLive(meeting: ExistingMeeting, command: MeetingCommandType): Refusal {
  return meeting.phase === 'live' ? undefined : meetingNotLive(meeting.meetingId, meeting.phase, command);
}

/** Wrap-up notes and reviews come after the end. */
export function hasEnded(meeting: ExistingMeeting, command: MeetingCommandType): Refusal {
  return meeting.phase === 'ended' ? undefined : meetingNotEnded(meeting.meetingId, meeting.phase, command);
}

/** A reassign hands the meeting to a different user. */
export function differentHost(meeting: ExistingMeeting, host: Host): Refusal {
  return host.userId === meeting.host.userId ? sameHost(meeting.meetingId, host.userId) : undefined;
}

/** A guest's address (case-insensitive) and id are not yet among `guests`. */
export function newGuest(meetingId: string, guests: readonly Guest[], guest: Guest): Refusal {
  const email = guest.email.toLowerCase();
  const sameEmail = guests.find((g) => g.email.toLowerCase() === email);
  if (sameEmail !== undefined) return guestAlreadyInvited(meetingId, guest.email, sameEmail.guestId);
  return guests.some((g) => g.guestId === guest.guestId) ? duplicateGuestId(meetingId, guest.guestId) : undefined;
}

/** The guests a meeting is scheduled with are distinct too (by address and by id). */
export function distinctGuests(meetingId: string, guests: readonly Guest[]): Refusal {
  for (let i = 1; i < guests.length; i++) {
    const refusal = newGuest(meetingId, guests.slice(0, i), guests[i] as Guest);
    if (refusal !== undefined) return refusal;
  }
  return undefined;
}

/** A meeting gets at most one wrap-up note. */
export function noWrapUpYet(meeting: ExistingMeeting): Refusal {
  return meeting.wrapUpNote === undefined ? undefined : wrapUpAlreadyLeft(meeting.meetingId);
}

/** Only the meeting's guests review it. */
export function byAGuest(meeting: ExistingMeeting, guestId: string): Refusal {
  const ids = meeting.guests.map((g) => g.guestId);
  return ids.includes(guestId) ? undefined : notAGuest(meeting.meetingId, guestId, ids);
}

/** Each guest reviews once. */
export function firstReview(meeting: ExistingMeeting, guestId: string): Refusal {
  return Object.prototype.hasOwnProperty.call(meeting.reviews, guestId) ? alreadyReviewed(meeting.meetingId, guestId) : undefined;
}

/** Why the lifecycle rules refuse `event` on `state` (its occurredAt is the command's now), or undefined. */
export function refusalOf(state: MeetingState, event: MeetingEvent): Refusal {
  const now = event.occurredAt;
  switch (event.type) {
    case 'MeetingScheduled': {
      const { meetingId, start, guests } = event.data;
      return scheduledOnce(state, meetingId) ?? startsAfterNow(meetingId, start, now) ?? distinctGuests(meetingId, guests);
    }
    case 'MeetingRescheduled':
      return onMeeting(
        state,
        event.data.meetingId,
        (m) => isPlanned(m, 'RescheduleMeeting') ?? startMoves(m, event.data.start) ?? startsAfterNow(m.meetingId, event.data.start, now),
      );
    case 'MeetingReassigned':
      return onMeeting(state, event.data.meetingId, (m) => isPlanned(m, 'ReassignMeeting') ?? differentHost(m, event.data.host));
    case 'GuestInvited':
      return onMeeting(state, event.data.meetingId, (m) => isPlanned(m, 'InviteGuest') ?? newGuest(m.meetingId, m.guests, event.data.guest));
    case 'MeetingCancelled':
      return onMeeting(state, event.data.meetingId, (m) => isPlanned(m, 'CancelMeeting'));
    case 'MeetingStarted':
      return onMeeting(state, event.data.meetingId, (m) => isPlanned(m, 'StartMeeting') ?? notMissed(m, now, 'StartMeeting'));
    case 'MeetingEnded':
      return onMeeting(state, event.data.meetingId, (m) => isLive(m, 'EndMeeting'));
    case 'WrapUpNoteLeft':
      return onMeeting(state, event.data.meetingId, (m) => hasEnded(m, 'LeaveWrapUpNote') ?? noWrapUpYet(m));
    case 'MeetingReviewed':
      return onMeeting(state, event.data.meetingId, (m) => hasEnded(m, 'ReviewMeeting') ?? byAGuest(m, event.data.guestId) ?? firstReview(m, event.data.guestId));
  }
}
