import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { decode, decodeError, type DecodeError } from '../codec/decode';
import { Instant } from '../codec/primitives';
import { UserProfileUpdatedData } from '../events/user';
import type { ProfileUpdate } from './profile';

/** The codec of a My Account change: the fields of UserProfileUpdated plus `type` and `now`. */
export const UpdateUserProfile = t.intersection(
  [t.exact(t.type({ type: t.literal('UpdateUserProfile'), now: Instant })), UserProfileUpdatedData],
  'UpdateUserProfile',
);

/** A My Account change: only the fields given change; the rest of the profile stays. */
export type UpdateUserProfile = { readonly type: 'UpdateUserProfile'; readonly now: string } & ProfileUpdate;

/** Every command a user stream accepts. */
export type UserProfileCommand = UpdateUserProfile;

/** Decodes an untrusted My Account change; each problem names its field path in one line. */
export function decodeUserProfileCommand(raw: unknown): E.Either<DecodeError, UserProfileCommand> {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (type !== 'UpdateUserProfile') {
    const message = type === undefined ? 'is required' : `unknown command ${JSON.stringify(type)}; must be "UpdateUserProfile"`;
    return E.left(decodeError([{ path: 'type', message }]));
  }
  return decode(UpdateUserProfile as t.Type<UserProfileCommand, unknown, unknown>, raw);
}
