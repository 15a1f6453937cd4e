import * as E from 'fp-ts/Either';
import { fold, type Decider } from '../decider';
import type { Guest, Host } from '../events/people';
import {
  eventOfCommand,
  type CancelMeeting,
  type EndMeeting,
  type InviteGuest,
  type LeaveWrapUpNote,
  type MeetingCommand,
  type ReassignMeeting,
  type RescheduleMeeting,
  type ReviewMeeting,
  type ScheduleMeeting,
  type StartMeeting,
} from '../meeting/commands';
import type { MeetingEvent } from '../events/catalogue';
import { SpecificationFailure } from './spec';

// Valid sample commands on one timeline, so a test only spells out what it is about:
// scheduled 2026-03-01 09:00Z for 2026-03-02 09:00Z (30 minutes), started a minute late,
// ended 30 minutes later. Each builder takes overrides.

/** The instants the sample commands use. */
export const sampleTimes = {
  scheduledAt: '2026-03-01T09:00:00Z',
  start: '2026-03-02T09:00:00Z',
  planning: '2026-03-01T12:00:00Z',
  rescheduledStart: '2026-03-03T09:00:00Z',
  startedAt: '2026-03-02T09:01:00Z',
  endedAt: '2026-03-02T09:31:00Z',
  afterEnd: '2026-03-02T10:00:00Z',
} as const;

/** A sample host (user u-1). */
export function aHost(overrides: Partial<Host> = {}): Host {
  return { userId: 'u-1', name: 'Hanna Host', email: 'hanna@example.com', timezone: 'Europe/Amsterdam', ...overrides };
}

/** A sample guest (g-1). */
export function aGuest(overrides: Partial<Guest> = {}): Guest {
  return { guestId: 'g-1', name: 'Gus Guest', email: 'gus@example.com', ...overrides };
}

/** ScheduleMeeting m-1 with one guest. */
export function scheduleMeeting(overrides: Partial<ScheduleMeeting> = {}): ScheduleMeeting {
  return {
    type: 'ScheduleMeeting',
    now: sampleTimes.scheduledAt,
    meetingId: 'm-1',
    accountId: 'acc-1',
    meetingType: { name: 'Intro call', durationMinutes: 30 },
    start: sampleTimes.start,
    host: aHost(),
    guests: [aGuest()],
    createdBy: 'guest',
    ...overrides,
  };
}

/** RescheduleMeeting m-1 by a day. */
export function rescheduleMeeting(overrides: Partial<RescheduleMeeting> = {}): RescheduleMeeting {
  return { type: 'RescheduleMeeting', now: sampleTimes.planning, meetingId: 'm-1', start: sampleTimes.rescheduledStart, reason: 'Train delayed', by: 'guest', ...overrides };
}

/** ReassignMeeting m-1 to user u-2. */
export function reassignMeeting(overrides: Partial<ReassignMeeting> = {}): ReassignMeeting {
  const host = aHost({ userId: 'u-2', name: 'Rita Replacement', email: 'rita@example.com' });
  return { type: 'ReassignMeeting', now: sampleTimes.planning, meetingId: 'm-1', host, hostAvailable: true, ...overrides };
}

/** InviteGuest g-2 to m-1. */
export function inviteGuest(overrides: Partial<InviteGuest> = {}): InviteGuest {
  const guest = aGuest({ guestId: 'g-2', name: 'Greta Guest', email: 'greta@example.com' });
  return { type: 'InviteGuest', now: sampleTimes.planning, meetingId: 'm-1', guest, ...overrides };
}

/** CancelMeeting m-1. */
export function cancelMeeting(overrides: Partial<CancelMeeting> = {}): CancelMeeting {
  return { type: 'CancelMeeting', now: sampleTimes.planning, meetingId: 'm-1', reason: 'Host is ill', by: 'user', ...overrides };
}

/** StartMeeting m-1. */
export function startMeeting(overrides: Partial<StartMeeting> = {}): StartMeeting {
  return { type: 'StartMeeting', now: sampleTimes.startedAt, meetingId: 'm-1', ...overrides };
}

/** EndMeeting m-1. */
export function endMeeting(overrides: Partial<EndMeeting> = {}): EndMeeting {
  return { type: 'EndMeeting', now: sampleTimes.endedAt, meetingId: 'm-1', ...overrides };
}

/** LeaveWrapUpNote on m-1. */
export function leaveWrapUpNote(overrides: Partial<LeaveWrapUpNote> = {}): LeaveWrapUpNote {
  return { type: 'LeaveWrapUpNote', now: sampleTimes.afterEnd, meetingId: 'm-1', note: 'Thanks! The slides are attached.', ...overrides };
}

/** ReviewMeeting m-1 by g-1 with 5 stars. */
export function reviewMeeting(overrides: Partial<ReviewMeeting> = {}): ReviewMeeting {
  return { type: 'ReviewMeeting', now: sampleTimes.afterEnd, meetingId: 'm-1', guestId: 'g-1', rating: 5, ...overrides };
}

/** The event a command records (no rules applied: for building histories by hand). */
export function recorded(command: MeetingCommand): MeetingEvent {
  return eventOfCommand(command);
}

/** The events a decider records for `commands` in turn; throws when one is refused. */
export function historyOf<C, Ev, S, Er>(decider: Decider<C, Ev, S, Er>, commands: readonly C[]): Ev[] {
  const events: Ev[] = [];
  for (const [index, command] of commands.entries()) {
    const result = decider.decide(command, fold(decider.evolve, decider.initial, events));
    if (E.isLeft(result)) {
      const { type, message } = result.left as { type?: unknown; message?: unknown };
      throw new SpecificationFailure(`command ${index} was refused while building the history: ${String(type)}: ${String(message)}`);
    }
    events.push(...result.right);
  }
  return events;
}
