import { fromMillis, toMillis } from '../codec/primitives';
import type { ExistingMeeting } from './state';

/** What a person sees of a meeting at a moment: its phase, with `missed` for a no-show. */
export type MeetingStatus = 'scheduled' | 'live' | 'completed' | 'cancelled' | 'missed';

/** How long after its planned end a meeting that never started counts as missed. */
export const missedGraceMinutes = 120;

/** Epoch ms of the moment a meeting that has not started becomes `missed`. */
function missedAtMillis(meeting: ExistingMeeting): number {
  return toMillis(meeting.start) + (meeting.meetingType.durationMinutes + missedGraceMinutes) * 60_000;
}

/** The moment a meeting that has not started becomes `missed`: start + duration + 2 hours. */
export function missedAt(meeting: ExistingMeeting): string {
  return fromMillis(missedAtMillis(meeting));
}

/** The meeting's status at the instant `at`. */
export function meetingStatus(meeting: ExistingMeeting, at: string): MeetingStatus {
  switch (meeting.phase) {
    case 'live':
      return 'live';
    case 'ended':
      return 'completed';
    case 'cancelled':
      return 'cancelled';
    case 'planned':
      return toMillis(at) >= missedAtMillis(meeting) ? 'missed' : 'scheduled';
  }
}
