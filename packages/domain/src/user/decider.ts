import type { Decider } from '../decider';
import type { EventOf } from '../events/catalogue';
import type { UpdateUserProfile } from './commands';
import { decideUserProfile } from './decide';
import type { UserProfileError } from './errors';
import { evolveUserProfile, initialUserProfileState, type UserProfileState } from './state';

/** The My Account profile of one user as a decider. */
export const userProfileDecider: Decider<UpdateUserProfile, EventOf<'UserProfileUpdated'>, UserProfileState, UserProfileError> = {
  decide: decideUserProfile,
  evolve: evolveUserProfile,
  initial: initialUserProfileState,
};
