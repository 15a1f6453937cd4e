import * as E from 'fp-ts/Either';
import type { EventOf } from '../events/catalogue';
import { decodeUserProfileCommand, type UpdateUserProfile } from './commands';
import { invalidProfileUpdate, nothingToChange, userIdMismatch, type UserProfileError } from './errors';
import type { ProfileFields, UserProfileState } from './state';

// Location is an object: two are the same when they hold the same parts, whatever the order.
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  const entries = (o: object) => JSON.stringify(Object.entries(o).filter(([, v]) => v !== undefined).sort(([x], [y]) => (x < y ? -1 : 1)));
  return entries(a) === entries(b);
}

/**
 * Decides a My Account change: UserProfileUpdated with only the fields that really change,
 * or a refusal (invalid field, another user's stream, nothing to change).
 */
export function decideUserProfile(command: UpdateUserProfile, state: UserProfileState): E.Either<UserProfileError, readonly EventOf<'UserProfileUpdated'>[]> {
  const userId = typeof command.userId === 'string' ? command.userId : '(no userId)';
  const decoded = decodeUserProfileCommand(command);
  if (E.isLeft(decoded)) return E.left(invalidProfileUpdate(userId, decoded.left.problems));
  const { type: _type, now, userId: target, ...named } = decoded.right;
  if (state.userId !== undefined && state.userId !== target) return E.left(userIdMismatch(target, state.userId));
  const changes = Object.fromEntries(
    Object.entries(named).filter(([key, value]) => value !== undefined && !sameValue(state.profile[key as keyof ProfileFields], value)),
  ) as ProfileFields;
  if (Object.keys(changes).length === 0) return E.left(nothingToChange(target, Object.keys(named)));
  return E.right([{ type: 'UserProfileUpdated', occurredAt: now, data: { userId: target, ...changes } }]);
}
