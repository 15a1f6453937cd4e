import type { EventOf } from '../events/catalogue';
import type { ProfileUpdate } from './profile';

/** The My Account fields, each as last set. */
export type ProfileFields = Omit<ProfileUpdate, 'userId'>;

/** A user stream folded: whose it is (once known), the fields set so far, and how many events. */
export interface UserProfileState {
  readonly userId?: string;
  readonly profile: ProfileFields;
  readonly eventCount: number;
}

/** The state of an empty user stream. */
export const initialUserProfileState: UserProfileState = { profile: {}, eventCount: 0 };

/** Folds one UserProfileUpdated into the state: the fields it names replace the old values. */
export function evolveUserProfile(state: UserProfileState, event: EventOf<'UserProfileUpdated'>): UserProfileState {
  const { userId, ...changes } = event.data;
  return { userId, profile: { ...state.profile, ...changes }, eventCount: state.eventCount + 1 };
}
