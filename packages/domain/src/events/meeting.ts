import * as t from 'io-ts';
import { Id, Instant, Minutes, Name, NonEmptyText, Rating } from '../codec/primitives';
import { Actor, Guest, Host } from './people';

/** The kind of meeting booked: its name and length. */
export const MeetingType = t.exact(t.type({ name: Name, durationMinutes: Minutes }), 'MeetingType');
export type MeetingType = t.TypeOf<typeof MeetingType>;

const guestArray = t.array(Guest);
const nonEmpty = (guests: t.TypeOf<typeof Guest>[]): boolean => guests.length > 0;
// A refinement (rather than a hand-made type) so the canonical guard can see the exact Guests
// inside; the validation is hand-written for its message.
const guests = new t.RefinementType<typeof guestArray, t.TypeOf<typeof guestArray>, t.OutputOf<typeof guestArray>, unknown>(
  'Guests',
  (u): u is t.TypeOf<typeof Guest>[] => guestArray.is(u) && nonEmpty(u),
  (u, c) => {
    const result = guestArray.validate(u, c);
    if (result._tag === 'Right' && !nonEmpty(result.right)) return t.failure(u, c, 'must list at least one guest');
    return result;
  },
  t.identity,
  guestArray,
  nonEmpty,
);

/** Codec of MeetingScheduled data: a new meeting with its type, start, host, guests (at least one) and who booked it. */
export const MeetingScheduledData = t.exact(
  t.intersection([
    t.type({ meetingId: Id, accountId: Id, meetingType: MeetingType, start: Instant, host: Host, guests, createdBy: Actor }),
    t.partial({ description: NonEmptyText }),
  ]),
  'MeetingScheduled',
);
/** Codec of MeetingRescheduled data: the new start, the reason, and who moved it. */
export const MeetingRescheduledData = t.exact(
  t.type({ meetingId: Id, start: Instant, reason: NonEmptyText, by: Actor }),
  'MeetingRescheduled',
);
/** Codec of MeetingReassigned data: the new host, and whether they were available (false is a recorded warning). */
export const MeetingReassignedData = t.exact(
  t.type({ meetingId: Id, host: Host, hostAvailable: t.boolean }),
  'MeetingReassigned',
);
/** Codec of GuestInvited data: one more guest for a planned meeting. */
export const GuestInvitedData = t.exact(t.type({ meetingId: Id, guest: Guest }), 'GuestInvited');
/** Codec of MeetingCancelled data: the reason, and who cancelled. */
export const MeetingCancelledData = t.exact(
  t.type({ meetingId: Id, reason: NonEmptyText, by: Actor }),
  'MeetingCancelled',
);
/** Codec of MeetingStarted data: the meeting is LIVE. */
export const MeetingStartedData = t.exact(t.type({ meetingId: Id }), 'MeetingStarted');
/** Codec of MeetingEnded data: the LIVE meeting is over. */
export const MeetingEndedData = t.exact(t.type({ meetingId: Id }), 'MeetingEnded');
/** Codec of WrapUpNoteLeft data: the host's note to the guests after the end. */
export const WrapUpNoteLeftData = t.exact(t.type({ meetingId: Id, note: NonEmptyText }), 'WrapUpNoteLeft');
/** Codec of MeetingReviewed data: one guest's rating (1 to 5) and optional comment. */
export const MeetingReviewedData = t.exact(
  t.intersection([t.type({ meetingId: Id, guestId: Id, rating: Rating }), t.partial({ comment: NonEmptyText })]),
  'MeetingReviewed',
);

/** The data codec of each event of a `meeting-<meetingId>` stream. */
export const meetingEventData = {
  MeetingScheduled: MeetingScheduledData,
  MeetingRescheduled: MeetingRescheduledData,
  MeetingReassigned: MeetingReassignedData,
  GuestInvited: GuestInvitedData,
  MeetingCancelled: MeetingCancelledData,
  MeetingStarted: MeetingStartedData,
  MeetingEnded: MeetingEndedData,
  WrapUpNoteLeft: WrapUpNoteLeftData,
  MeetingReviewed: MeetingReviewedData,
} as const;
