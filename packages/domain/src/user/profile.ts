import type { Host } from '../events/people';
import type { EventData } from '../events/catalogue';

/** The fields of My Account that a UserProfileUpdated may change. */
export type ProfileUpdate = EventData<'UserProfileUpdated'>;

/** The host as the emails show them: `host` with a later My Account update applied. */
export function applyProfileUpdate(host: Host, update: ProfileUpdate): Host {
  if (update.userId !== host.userId) return host;
  const merged: Record<string, unknown> = { ...host };
  for (const key in update) {
    const value = (update as Record<string, unknown>)[key];
    if (key !== 'userId' && value !== undefined) merged[key] = value;
  }
  return merged as Host;
}
