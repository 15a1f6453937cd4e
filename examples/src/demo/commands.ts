import { accountStream, meetingDecider, meetingStream, userProfileDecider, userStream, type DomainEvent, type MeetingCommand, type UpdateUserProfile, type AccountCommand } from '@rendezvous/domain';
import { accountDecider } from '@rendezvous/notifications';
import type { CommandResult, CommandService } from '@rendezvous/adapters';

/** What became of one command, told the same way whichever stream it went to. */
export type Outcome =
  | { readonly kind: 'accepted'; readonly events: readonly DomainEvent[] }
  | { readonly kind: 'refused'; readonly errorType: string; readonly message: string };

/** A command waiting for the moment it is issued: the story fixes what, the clock says when. */
export type Issue = (service: CommandService, now: string) => Promise<Outcome>;

function outcome<E extends DomainEvent>(result: CommandResult<E, { readonly type: string; readonly message: string }>): Outcome {
  switch (result.kind) {
    case 'accepted':
      return { kind: 'accepted', events: result.events };
    case 'rejected':
      return { kind: 'refused', errorType: result.error.type, message: result.error.message };
    case 'conflict':
      // Only one writer runs in the demo; a conflict would be a bug worth seeing, not hiding.
      return { kind: 'refused', errorType: 'Conflict', message: `the stream moved from version ${result.expected} to ${result.actual} meanwhile` };
  }
}

type WithoutNow<C> = C extends unknown ? Omit<C, 'now'> : never;

/** A meeting command, through the meeting decider, on the meeting's stream. */
export const onMeeting =
  (command: WithoutNow<MeetingCommand>): Issue =>
  async (service, now) =>
    outcome(await service.handle(meetingStream(command.meetingId), meetingDecider, { ...command, now }));

/** An account admin's command (branding, Email Editor), through the account decider. */
export const onAccount =
  (command: WithoutNow<AccountCommand>): Issue =>
  async (service, now) =>
    outcome(await service.handle(accountStream(command.accountId), accountDecider, { ...command, now }));

/** A My Account change, through the user profile decider. */
export const onProfile =
  (command: Omit<UpdateUserProfile, 'now'>): Issue =>
  async (service, now) =>
    outcome(await service.handle(userStream(command.userId), userProfileDecider, { ...command, now }));
