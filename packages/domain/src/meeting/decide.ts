import * as E from 'fp-ts/Either';
import type { MeetingEvent } from '../events/catalogue';
import { decodeMeetingCommand, eventOfCommand, type MeetingCommand } from './commands';
import { invalidCommand, type MeetingError } from './errors';
import { refusalOf } from './rules';
import type { MeetingState } from './state';

// Commands are validated again here, not only at the HTTP or file boundary: a caller in
// TypeScript can build a command by hand, and the recorded event must hold normalized UTC
// instants and valid fields whoever built it.
function validated(command: MeetingCommand): E.Either<MeetingError, MeetingCommand> {
  const raw = command as unknown as Record<string, unknown>;
  const meetingId = typeof raw['meetingId'] === 'string' ? raw['meetingId'] : '(no meetingId)';
  const name = typeof raw['type'] === 'string' ? raw['type'] : 'command';
  const decoded = decodeMeetingCommand(command);
  return E.isLeft(decoded) ? E.left(invalidCommand(meetingId, name, decoded.left.problems)) : decoded;
}

/**
 * Decides a meeting command against the meeting's state: the events to record (stamped with
 * `command.now`), or the refusal that says which rule stood in the way.
 */
export function decideMeeting(command: MeetingCommand, state: MeetingState): E.Either<MeetingError, readonly MeetingEvent[]> {
  const valid = validated(command);
  if (E.isLeft(valid)) return valid;
  const event = eventOfCommand(valid.right);
  const refusal = refusalOf(state, event);
  return refusal === undefined ? E.right([event]) : E.left(refusal);
}
