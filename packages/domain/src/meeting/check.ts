import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { decode } from '../codec/decode';
import { Instant } from '../codec/primitives';
import type { MeetingEvent } from '../events/catalogue';
import { meetingEventData } from '../events/meeting';
import { invalidEvent, type MeetingError } from './errors';
import { refusalOf } from './rules';
import type { MeetingState } from './state';

const recorded = (codec: t.Mixed) => t.type({ occurredAt: Instant, data: codec });

/**
 * Could a valid command on `state` have produced `event` (at its occurredAt)? Used to refuse
 * impossible histories, such as MeetingEnded before MeetingStarted or a reschedule after the
 * cancel. It applies the very rules decideMeeting applies.
 */
export function checkMeetingEvent(state: MeetingState, event: MeetingEvent): E.Either<MeetingError, void> {
  const shape = decode(recorded(meetingEventData[event.type]), event);
  if (E.isLeft(shape)) {
    const meetingId = typeof event.data?.meetingId === 'string' ? event.data.meetingId : '(no meetingId)';
    return E.left(invalidEvent(meetingId, event.type, shape.left.problems));
  }
  const refusal = refusalOf(state, event);
  return refusal === undefined ? E.right(undefined) : E.left(refusal);
}
