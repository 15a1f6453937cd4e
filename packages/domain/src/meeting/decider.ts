import type { Decider } from '../decider';
import type { MeetingEvent } from '../events/catalogue';
import type { MeetingCommand } from './commands';
import { decideMeeting } from './decide';
import type { MeetingError } from './errors';
import { evolveMeeting } from './evolve';
import { initialMeetingState, type MeetingState } from './state';

/** The meeting aggregate as a decider: what stores, command services and the testing kit run. */
export const meetingDecider: Decider<MeetingCommand, MeetingEvent, MeetingState, MeetingError> = {
  decide: decideMeeting,
  evolve: evolveMeeting,
  initial: initialMeetingState,
};
