import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { decodeError, decoderOf, DecodeError } from '../codec/decode';
import { Instant } from '../codec/primitives';
import type { EventData, MeetingEvent } from '../events/catalogue';
import {
  GuestInvitedData,
  MeetingCancelledData,
  MeetingEndedData,
  MeetingReassignedData,
  MeetingRescheduledData,
  MeetingReviewedData,
  MeetingScheduledData,
  MeetingStartedData,
  WrapUpNoteLeftData,
} from '../events/meeting';

// A command carries exactly the data of the event it asks for, plus `now`: the moment the
// caller decided it (the domain never reads a clock). Reusing the event data codecs keeps
// one definition of what a valid reason, start or guest is.
function command<N extends string, D extends t.Mixed>(name: N, data: D) {
  return t.intersection([t.exact(t.type({ type: t.literal(name), now: Instant })), data], name);
}

/** Codec of ScheduleMeeting. */
export const ScheduleMeeting = command('ScheduleMeeting', MeetingScheduledData);
/** Codec of RescheduleMeeting. */
export const RescheduleMeeting = command('RescheduleMeeting', MeetingRescheduledData);
/** Codec of ReassignMeeting. */
export const ReassignMeeting = command('ReassignMeeting', MeetingReassignedData);
/** Codec of InviteGuest. */
export const InviteGuest = command('InviteGuest', GuestInvitedData);
/** Codec of CancelMeeting. */
export const CancelMeeting = command('CancelMeeting', MeetingCancelledData);
/** Codec of StartMeeting. */
export const StartMeeting = command('StartMeeting', MeetingStartedData);
/** Codec of EndMeeting. */
export const EndMeeting = command('EndMeeting', MeetingEndedData);
/** Codec of LeaveWrapUpNote. */
export const LeaveWrapUpNote = command('LeaveWrapUpNote', WrapUpNoteLeftData);
/** Codec of ReviewMeeting. */
export const ReviewMeeting = command('ReviewMeeting', MeetingReviewedData);

type CommandFor<N extends keyof typeof eventTypeOfCommand> = { readonly type: N; readonly now: string } & EventData<(typeof eventTypeOfCommand)[N]>;

/** Schedule a new meeting (once, with a start after `now`). */
export type ScheduleMeeting = CommandFor<'ScheduleMeeting'>;
/** Move a planned meeting to a new start, with a reason. */
export type RescheduleMeeting = CommandFor<'RescheduleMeeting'>;
/** Hand a planned meeting to a different host user. */
export type ReassignMeeting = CommandFor<'ReassignMeeting'>;
/** Add a guest to a planned meeting. */
export type InviteGuest = CommandFor<'InviteGuest'>;
/** Cancel a planned meeting, with a reason. */
export type CancelMeeting = CommandFor<'CancelMeeting'>;
/** Mark a planned meeting LIVE. */
export type StartMeeting = CommandFor<'StartMeeting'>;
/** End a LIVE meeting. */
export type EndMeeting = CommandFor<'EndMeeting'>;
/** The host's one note to the guests after the end. */
export type LeaveWrapUpNote = CommandFor<'LeaveWrapUpNote'>;
/** A guest's rating (1 to 5) after the end. */
export type ReviewMeeting = CommandFor<'ReviewMeeting'>;

/** Every command a meeting stream accepts. */
export type MeetingCommand =
  | ScheduleMeeting
  | RescheduleMeeting
  | ReassignMeeting
  | InviteGuest
  | CancelMeeting
  | StartMeeting
  | EndMeeting
  | LeaveWrapUpNote
  | ReviewMeeting;

/** The name of a meeting command. */
export type MeetingCommandType = MeetingCommand['type'];

/** The event each command asks to record. */
export const eventTypeOfCommand = {
  ScheduleMeeting: 'MeetingScheduled',
  RescheduleMeeting: 'MeetingRescheduled',
  ReassignMeeting: 'MeetingReassigned',
  InviteGuest: 'GuestInvited',
  CancelMeeting: 'MeetingCancelled',
  StartMeeting: 'MeetingStarted',
  EndMeeting: 'MeetingEnded',
  LeaveWrapUpNote: 'WrapUpNoteLeft',
  ReviewMeeting: 'MeetingReviewed',
} as const;

/** The codec of each meeting command, by command type. */
export const meetingCommandCodecs: { readonly [N in MeetingCommandType]: t.Type<Extract<MeetingCommand, { type: N }>, unknown, unknown> } = {
  ScheduleMeeting,
  RescheduleMeeting,
  ReassignMeeting,
  InviteGuest,
  CancelMeeting,
  StartMeeting,
  EndMeeting,
  LeaveWrapUpNote,
  ReviewMeeting,
};

// Built once: a decoder per command type, with the fast path for commands already canonical.
const commandDecoders = Object.fromEntries(
  Object.entries(meetingCommandCodecs).map(([type, codec]) => [type, decoderOf(codec as t.Type<MeetingCommand, unknown, unknown>)]),
) as { readonly [N in MeetingCommandType]: (raw: unknown) => E.Either<DecodeError, MeetingCommand> };

/** Every meeting command type, in lifecycle order. */
export const meetingCommandTypes = Object.keys(eventTypeOfCommand) as MeetingCommandType[];

/** True when `type` names a meeting command. */
export function isMeetingCommandType(type: unknown): type is MeetingCommandType {
  return typeof type === 'string' && Object.prototype.hasOwnProperty.call(eventTypeOfCommand, type);
}

/**
 * Decodes an untrusted `{ type, now, ... }` into a meeting command: instants come out in UTC,
 * unknown fields are dropped, and every problem names its field path in one line.
 */
export function decodeMeetingCommand(raw: unknown): E.Either<DecodeError, MeetingCommand> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return E.left(decodeError([{ path: '', message: 'a command must be an object with a "type"' }]));
  }
  const type = (raw as { type?: unknown }).type;
  if (!isMeetingCommandType(type)) {
    const expected = meetingCommandTypes.map((name) => JSON.stringify(name)).join(', ');
    const message = type === undefined ? 'is required' : `unknown command ${JSON.stringify(type)}; must be one of ${expected}`;
    return E.left(decodeError([{ path: 'type', message }]));
  }
  return commandDecoders[type](raw);
}

/** The event a (valid) command asks to record: its data, stamped with the command's `now`. */
export function eventOfCommand(command: MeetingCommand): MeetingEvent {
  const { type, now, ...data } = command;
  // The command types pair one-to-one with event types and share their data codecs, which
  // TypeScript cannot correlate across the union: hence the one cast.
  return { type: eventTypeOfCommand[type], occurredAt: now, data } as MeetingEvent;
}

const commandTypeOfEvent = Object.fromEntries(Object.entries(eventTypeOfCommand).map(([c, e]) => [e, c])) as {
  readonly [N in MeetingCommandType as (typeof eventTypeOfCommand)[N]]: N;
};

/** The command that would have recorded `event`: its data, with `now` = its occurredAt. */
export function commandOfEvent(event: MeetingEvent): MeetingCommand {
  return { type: commandTypeOfEvent[event.type], now: event.occurredAt, ...event.data } as MeetingCommand;
}
