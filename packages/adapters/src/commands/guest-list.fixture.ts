import * as E from 'fp-ts/Either';
import type { Decider, EventOf, Guest } from '@rendezvous/domain';

// A deliberately small decider for the command service's tests: a guest list that refuses an
// email twice and any invitation once the meeting started. The service must not care which
// decider it runs; this one keeps the tests independent of the meeting rules' evolution.

/** The commands of the guest list. */
export type GuestListCommand =
  | { readonly type: 'Invite'; readonly meetingId: string; readonly guest: Guest; readonly now: string }
  | { readonly type: 'Start'; readonly meetingId: string; readonly now: string };

/** Its events. */
export type GuestListEvent = EventOf<'GuestInvited'> | EventOf<'MeetingStarted'>;

/** Its state: who is invited, in order, and whether the meeting started. */
export interface GuestList {
  readonly emails: readonly string[];
  readonly started: boolean;
}

/** Why it refuses a command. */
export interface GuestListError {
  readonly type: 'GuestAlreadyInvited' | 'MeetingAlreadyStarted';
  readonly message: string;
}

/** The guest list decider. */
export const guestList: Decider<GuestListCommand, GuestListEvent, GuestList, GuestListError> = {
  initial: { emails: [], started: false },
  evolve: (state, event) =>
    event.type === 'GuestInvited' ? { ...state, emails: [...state.emails, event.data.guest.email] } : { ...state, started: true },
  decide: (command, state) => {
    if (state.started) {
      return E.left({ type: 'MeetingAlreadyStarted', message: `meeting ${command.meetingId} has started; nobody can be invited or start it again` });
    }
    if (command.type === 'Start') return E.right([{ type: 'MeetingStarted', occurredAt: command.now, data: { meetingId: command.meetingId } }]);
    if (state.emails.includes(command.guest.email)) {
      return E.left({ type: 'GuestAlreadyInvited', message: `${command.guest.email} is already a guest of meeting ${command.meetingId}` });
    }
    return E.right([{ type: 'GuestInvited', occurredAt: command.now, data: { meetingId: command.meetingId, guest: command.guest } }]);
  },
};

/** An invitation for guest number `n`. */
export function invite(meetingId: string, n: number): GuestListCommand {
  return {
    type: 'Invite',
    meetingId,
    guest: { guestId: `g-${n}`, name: `Guest ${n}`, email: `guest-${n}@example.com` },
    now: '2026-03-01T09:00:00Z',
  };
}
