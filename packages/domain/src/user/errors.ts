import { formatProblems, type DecodeProblem } from '../codec/decode';

/** A field of the change does not validate (name, email, IANA zone, locale, URL...). */
export interface InvalidProfileUpdate {
  readonly type: 'InvalidProfileUpdate';
  readonly userId: string;
  readonly problems: readonly DecodeProblem[];
  readonly message: string;
}
/** The change names no field, or every field it names already has that value. */
export interface NothingToChange { readonly type: 'NothingToChange'; readonly userId: string; readonly message: string }
/** The change is for another user than the stream's. */
export interface UserIdMismatch { readonly type: 'UserIdMismatch'; readonly userId: string; readonly streamUserId: string; readonly message: string }

/** Why a My Account change was refused. */
export type UserProfileError = InvalidProfileUpdate | NothingToChange | UserIdMismatch;

/** Builds the error for a change whose fields do not validate. */
export function invalidProfileUpdate(userId: string, problems: readonly DecodeProblem[]): InvalidProfileUpdate {
  const list = formatProblems(problems).split('\n').join('; ');
  return { type: 'InvalidProfileUpdate', userId, problems, message: `the profile change for user ${userId} is not valid: ${list}` };
}

/** Builds the error for a change that changes nothing; `named` lists the fields it gave. */
export function nothingToChange(userId: string, named: readonly string[]): NothingToChange {
  const message =
    named.length === 0
      ? `nothing to change: the update for user ${userId} names no field (name, email, timezone, locale, phone, jobTitle, location, profileUrl)`
      : `nothing to change: user ${userId} already has this ${named.join(', ')}`;
  return { type: 'NothingToChange', userId, message };
}

/** Builds the error for a change sent to another user's stream. */
export function userIdMismatch(userId: string, streamUserId: string): UserIdMismatch {
  const message = `the change is for user ${userId} but was sent to user ${streamUserId}; send it to user ${userId}`;
  return { type: 'UserIdMismatch', userId, streamUserId, message };
}
