import type { Actor, Guest, Host } from '../events/people';
import type { MeetingType } from '../events/meeting';

/** Where a meeting is in its lifecycle (status adds `missed`, which depends on a time). */
export type MeetingPhase = 'planned' | 'live' | 'ended' | 'cancelled';

/** A meeting that exists: everything the rules and the emails need. */
export interface ExistingMeeting {
  readonly kind: 'existing';
  readonly phase: MeetingPhase;
  readonly meetingId: string;
  readonly accountId: string;
  readonly meetingType: MeetingType;
  readonly description?: string;
  /** Current start (UTC instant). */
  readonly start: string;
  /** When the current start was set: the MeetingScheduled or last MeetingRescheduled occurredAt. */
  readonly startSetAt: string;
  /** Start before the last reschedule, if any. */
  readonly previousStart?: string;
  readonly host: Host;
  /** False when the last reassign recorded the host as not available (a warning, never a refusal). */
  readonly hostAvailable: boolean;
  readonly guests: readonly Guest[];
  readonly createdBy: Actor;
  readonly scheduledAt: string;
  readonly rescheduleCount: number;
  readonly startedAt?: string;
  readonly endedAt?: string;
  readonly cancelledAt?: string;
  readonly cancellation?: { readonly reason: string; readonly by: Actor };
  readonly wrapUpNote?: string;
  /** Ratings by guestId. */
  readonly reviews: Readonly<Record<string, { readonly rating: number; readonly comment?: string }>>;
  /** Number of events folded so far (the stream's next version). */
  readonly eventCount: number;
}

/** The state of a meeting stream: nothing yet, or a meeting. */
export type MeetingState = { readonly kind: 'none' } | ExistingMeeting;

/** The state of an empty meeting stream. */
export const initialMeetingState: MeetingState = { kind: 'none' };
