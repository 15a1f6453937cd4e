import * as E from 'fp-ts/Either';
import type { MeetingEvent } from '../events/catalogue';
import type { MeetingError } from './errors';
import { refusalOf } from './rules';
import type { MeetingState } from './state';

/**
 * Could a valid command on `state` have produced `event` (at its occurredAt)? Used to refuse
 * impossible histories, such as MeetingEnded before MeetingStarted or a reschedule after the
 * cancel. It applies the very rules decideMeeting applies. The event's fields are trusted:
 * decodeEvent validated them where the event entered (a store, a history file).
 */
export function checkMeetingEvent(state: MeetingState, event: MeetingEvent): E.Either<MeetingError, void> {
  const refusal = refusalOf(state, event);
  return refusal === undefined ? E.right(undefined) : E.left(refusal);
}
