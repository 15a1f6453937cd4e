import { formatProblems, type DecodeProblem } from '../codec/decode';
import type { MeetingPhase } from './state';
import type { MeetingCommandType } from './commands';

// Refusals are values: a `type` to branch on, the facts that explain it, and a sentence that
// tells a person what is wrong and what to do instead.

/** The command names no meeting that exists yet. */
export interface MeetingNotFound { readonly type: 'MeetingNotFound'; readonly meetingId: string; readonly message: string }
/** A meeting is scheduled once. */
export interface MeetingAlreadyScheduled { readonly type: 'MeetingAlreadyScheduled'; readonly meetingId: string; readonly message: string }
/** The command's meetingId is not the meeting of the stream it was sent to. */
export interface MeetingIdMismatch {
  readonly type: 'MeetingIdMismatch';
  readonly meetingId: string;
  readonly streamMeetingId: string;
  readonly message: string;
}
/** A (re)scheduled start must lie after the moment of the command. */
export interface StartNotInFuture {
  readonly type: 'StartNotInFuture';
  readonly meetingId: string;
  readonly start: string;
  readonly now: string;
  readonly message: string;
}
/** A reschedule must move the start: a new start equal to the current one changes nothing. */
export interface StartUnchanged { readonly type: 'StartUnchanged'; readonly meetingId: string; readonly start: string; readonly message: string }
/** Nobody started the meeting by start + duration + 2 hours: it can be rescheduled or cancelled, not started. */
export interface MeetingMissed {
  readonly type: 'MeetingMissed';
  readonly meetingId: string;
  /** When it became missed. */
  readonly missedAt: string;
  readonly command: MeetingCommandType;
  readonly message: string;
}
/** The command needs a planned meeting (not LIVE, ended or cancelled). */
export interface MeetingNotPlanned {
  readonly type: 'MeetingNotPlanned';
  readonly meetingId: string;
  readonly phase: Exclude<MeetingPhase, 'planned'>;
  readonly command: MeetingCommandType;
  readonly message: string;
}
/** Only a LIVE meeting can be ended. */
export interface MeetingNotLive {
  readonly type: 'MeetingNotLive';
  readonly meetingId: string;
  readonly phase: Exclude<MeetingPhase, 'live'>;
  readonly command: MeetingCommandType;
  readonly message: string;
}
/** Wrap-up notes and reviews come after the end. */
export interface MeetingNotEnded {
  readonly type: 'MeetingNotEnded';
  readonly meetingId: string;
  readonly phase: Exclude<MeetingPhase, 'ended'>;
  readonly command: MeetingCommandType;
  readonly message: string;
}
/** A reassign must name a different user. */
export interface SameHost { readonly type: 'SameHost'; readonly meetingId: string; readonly userId: string; readonly message: string }
/** That email address is already a guest of the meeting (compared case-insensitively). */
export interface GuestAlreadyInvited {
  readonly type: 'GuestAlreadyInvited';
  readonly meetingId: string;
  readonly email: string;
  readonly guestId: string;
  readonly message: string;
}
/** That guestId is already taken by another guest of the meeting. */
export interface DuplicateGuestId { readonly type: 'DuplicateGuestId'; readonly meetingId: string; readonly guestId: string; readonly message: string }
/** A meeting gets at most one wrap-up note. */
export interface WrapUpAlreadyLeft { readonly type: 'WrapUpAlreadyLeft'; readonly meetingId: string; readonly message: string }
/** Only the meeting's own guests review it. */
export interface NotAGuest { readonly type: 'NotAGuest'; readonly meetingId: string; readonly guestId: string; readonly message: string }
/** Each guest reviews once. */
export interface AlreadyReviewed { readonly type: 'AlreadyReviewed'; readonly meetingId: string; readonly guestId: string; readonly message: string }
/** A field of the command does not validate; each problem names its field path. */
export interface InvalidCommand {
  readonly type: 'InvalidCommand';
  readonly meetingId: string;
  readonly command: string;
  readonly problems: readonly DecodeProblem[];
  readonly message: string;
}
/** Why a meeting command was refused, or why a recorded meeting event could not have happened. */
export type MeetingError =
  | MeetingNotFound
  | MeetingAlreadyScheduled
  | MeetingIdMismatch
  | StartNotInFuture
  | StartUnchanged
  | MeetingMissed
  | MeetingNotPlanned
  | MeetingNotLive
  | MeetingNotEnded
  | SameHost
  | GuestAlreadyInvited
  | DuplicateGuestId
  | WrapUpAlreadyLeft
  | NotAGuest
  | AlreadyReviewed
  | InvalidCommand;

/** The discriminator of a meeting error. */
export type MeetingErrorType = MeetingError['type'];

const phaseWords: Record<MeetingPhase, { is: string; a: string }> = {
  planned: { is: 'is planned', a: 'a planned meeting' },
  live: { is: 'is LIVE', a: 'a LIVE meeting' },
  ended: { is: 'has ended', a: 'an ended meeting' },
  cancelled: { is: 'is cancelled', a: 'a cancelled meeting' },
};

const deeds: Record<MeetingCommandType, string> = {
  ScheduleMeeting: 'be scheduled',
  RescheduleMeeting: 'be rescheduled',
  ReassignMeeting: 'be reassigned',
  InviteGuest: 'get new guests',
  CancelMeeting: 'be cancelled',
  StartMeeting: 'be started',
  EndMeeting: 'be ended',
  LeaveWrapUpNote: 'get a wrap-up note',
  ReviewMeeting: 'be reviewed',
};

/** Builds the error for a command on a meeting that does not exist. */
export function meetingNotFound(meetingId: string): MeetingNotFound {
  return { type: 'MeetingNotFound', meetingId, message: `meeting ${meetingId} does not exist; schedule it first` };
}

/** Builds the error for scheduling a meeting twice. */
export function meetingAlreadyScheduled(meetingId: string): MeetingAlreadyScheduled {
  const message = `meeting ${meetingId} is already scheduled; a meeting is scheduled once (reschedule it to move its start)`;
  return { type: 'MeetingAlreadyScheduled', meetingId, message };
}

/** Builds the error for a command sent to another meeting's stream. */
export function meetingIdMismatch(meetingId: string, streamMeetingId: string): MeetingIdMismatch {
  const message = `the command is for meeting ${meetingId} but was sent to meeting ${streamMeetingId}; send it to meeting ${meetingId}`;
  return { type: 'MeetingIdMismatch', meetingId, streamMeetingId, message };
}

/** Builds the error for a start that is not after the command's moment. */
export function startNotInFuture(meetingId: string, start: string, now: string): StartNotInFuture {
  const message = `meeting ${meetingId} cannot start at ${start}: the start must be after now (${now})`;
  return { type: 'StartNotInFuture', meetingId, start, now, message };
}

/** Builds the error for a reschedule to the start the meeting already has. */
export function startUnchanged(meetingId: string, start: string): StartUnchanged {
  const message = `meeting ${meetingId} already starts at ${start}; a reschedule needs a different start (nothing would change)`;
  return { type: 'StartUnchanged', meetingId, start, message };
}

/** Builds the error for starting a meeting that was missed. */
export function meetingMissed(meetingId: string, missedAt: string, command: MeetingCommandType): MeetingMissed {
  const message = `meeting ${meetingId} was missed (nobody started it by ${missedAt}); a missed meeting cannot ${deeds[command]}: reschedule it or cancel it`;
  return { type: 'MeetingMissed', meetingId, missedAt, command, message };
}

/** Builds the error for a command that needs a planned meeting. */
export function meetingNotPlanned(meetingId: string, phase: MeetingNotPlanned['phase'], command: MeetingCommandType): MeetingNotPlanned {
  const again = (command === 'CancelMeeting' && phase === 'cancelled') || (command === 'StartMeeting' && phase === 'live');
  const message = again
    ? `meeting ${meetingId} ${phase === 'live' ? 'is already LIVE' : 'is already cancelled'}`
    : `meeting ${meetingId} ${phaseWords[phase].is}; ${phaseWords[phase].a} cannot ${deeds[command]}`;
  return { type: 'MeetingNotPlanned', meetingId, phase, command, message };
}

/** Builds the error for ending a meeting that is not LIVE. */
export function meetingNotLive(meetingId: string, phase: MeetingNotLive['phase'], command: MeetingCommandType): MeetingNotLive {
  const message =
    phase === 'planned'
      ? `meeting ${meetingId} has not started; start it before it can ${deeds[command]}`
      : phase === 'ended'
        ? `meeting ${meetingId} has already ended`
        : `meeting ${meetingId} is cancelled; only a LIVE meeting can ${deeds[command]}`;
  return { type: 'MeetingNotLive', meetingId, phase, command, message };
}

/** Builds the error for after-the-end commands on a meeting that has not ended. */
export function meetingNotEnded(meetingId: string, phase: MeetingNotEnded['phase'], command: MeetingCommandType): MeetingNotEnded {
  const what = command === 'LeaveWrapUpNote' ? 'a wrap-up note can only be left' : 'a meeting can only be reviewed';
  return { type: 'MeetingNotEnded', meetingId, phase, command, message: `meeting ${meetingId} ${phaseWords[phase].is}; ${what} after it has ended` };
}

/** Builds the error for a command that fails validation. */
export function invalidCommand(meetingId: string, command: string, problems: readonly DecodeProblem[]): InvalidCommand {
  const list = formatProblems(problems).split('\n').join('; ');
  return { type: 'InvalidCommand', meetingId, command, problems, message: `${command} for meeting ${meetingId} is not valid: ${list}` };
}

/** Builds the error for reassigning a meeting to its current host. */
export function sameHost(meetingId: string, userId: string): SameHost {
  return { type: 'SameHost', meetingId, userId, message: `meeting ${meetingId} is already hosted by user ${userId}; reassign it to a different user` };
}

/** Builds the error for inviting an address that is already a guest. */
export function guestAlreadyInvited(meetingId: string, email: string, guestId: string): GuestAlreadyInvited {
  const message = `${email} is already a guest of meeting ${meetingId} (guest ${guestId}); each address is invited once`;
  return { type: 'GuestAlreadyInvited', meetingId, email, guestId, message };
}

/** Builds the error for a guestId that another guest of the meeting already has. */
export function duplicateGuestId(meetingId: string, guestId: string): DuplicateGuestId {
  const message = `meeting ${meetingId} already has a guest with id ${guestId}; give the new guest an id of its own`;
  return { type: 'DuplicateGuestId', meetingId, guestId, message };
}

/** Builds the error for a second wrap-up note. */
export function wrapUpAlreadyLeft(meetingId: string): WrapUpAlreadyLeft {
  return { type: 'WrapUpAlreadyLeft', meetingId, message: `meeting ${meetingId} already has a wrap-up note; a meeting gets at most one` };
}

/** Builds the error for a review by someone who is not a guest of the meeting. */
export function notAGuest(meetingId: string, guestId: string, guestIds: readonly string[]): NotAGuest {
  const message = `${guestId} is not a guest of meeting ${meetingId}; only its guests (${guestIds.join(', ')}) can review it`;
  return { type: 'NotAGuest', meetingId, guestId, message };
}

/** Builds the error for a guest's second review. */
export function alreadyReviewed(meetingId: string, guestId: string): AlreadyReviewed {
  return { type: 'AlreadyReviewed', meetingId, guestId, message: `guest ${guestId} has already reviewed meeting ${meetingId}; each guest reviews once` };
}

