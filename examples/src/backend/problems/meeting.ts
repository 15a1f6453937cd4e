import type { MeetingError } from '@rendezvous/domain';
import { invalidFields, notFound, problem, type Problem } from '../http/problem';

// How a refusal of the meeting rules reads over HTTP. 409 when the meeting's current state is
// what stands in the way (docs/CONTRACT.md §5: "409 a lifecycle rule"); 422 when a value the client sent
// is wrong whatever the state (a start in the past, a review by someone who is no guest).

const conflict = (slug: string, title: string, detail: string, extra: Record<string, unknown> = {}): Problem => problem(409, slug, title, detail, extra);

/** The problem that explains a meeting command's refusal. */
export function meetingProblem(error: MeetingError): Problem {
  switch (error.type) {
    case 'MeetingNotFound':
      return notFound(error.message, 'meeting-not-found', 'No such meeting');
    case 'InvalidCommand':
      return invalidFields(error.problems.map((p) => ({ field: p.path, detail: p.message })));
    case 'StartNotInFuture':
      return invalidFields([{ field: 'start', detail: error.message }], 'The start is not in the future');
    case 'MeetingIdMismatch':
      return invalidFields([{ field: 'meetingId', detail: error.message }]);
    case 'NotAGuest':
      return invalidFields([{ field: 'guestId', detail: error.message }], 'Not a guest of this meeting');
    case 'MeetingAlreadyScheduled':
      return conflict('meeting-already-scheduled', 'The meeting is already scheduled', error.message);
    case 'MeetingNotPlanned':
    case 'MeetingNotLive':
    case 'MeetingNotEnded':
      return conflict('lifecycle-rule', 'Not allowed at this point of the meeting', error.message, { phase: error.phase });
    case 'StartUnchanged':
      return conflict('start-unchanged', 'The meeting already starts then', error.message, { start: error.start });
    case 'MeetingMissed':
      return conflict('meeting-missed', 'The meeting was missed', error.message, { missedAt: error.missedAt });
    case 'SameHost':
      return conflict('same-host', 'Already the host', error.message);
    case 'GuestAlreadyInvited':
      return conflict('guest-already-invited', 'Already a guest', error.message, { guestId: error.guestId });
    case 'DuplicateGuestId':
      return conflict('duplicate-guest-id', 'Guest id taken', error.message);
    case 'WrapUpAlreadyLeft':
      return conflict('wrap-up-already-left', 'Wrap-up note already left', error.message);
    case 'AlreadyReviewed':
      return conflict('already-reviewed', 'Already reviewed', error.message);
  }
}

/** The problem for an If-Match version that is not the stream's. */
export function versionConflict(what: string, resource: string, expected: number, actual: number): Problem {
  return conflict(
    'version-conflict',
    'Version conflict',
    `${what} is at version ${actual}, not ${expected} (If-Match); someone changed it since you read it: GET ${resource} and decide again`,
    { expectedVersion: expected, currentVersion: actual },
  );
}
