import type { Host } from '../events/people';
import type { EventData } from '../events/catalogue';

/** The fields of My Account that a UserProfileUpdated may change. */
export type ProfileUpdate = EventData<'UserProfileUpdated'>;

/** The host as the emails show them: `host` with a later My Account update applied. */
export function applyProfileUpdate(host: Host, update: ProfileUpdate): Host {
  if (update.userId !== host.userId) return host;
  const { userId: _userId, ...changes } = update;
  const merged: Record<string, unknown> = { ...host };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged as Host;
}
