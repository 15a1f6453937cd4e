import type { Audience, Guest, Host } from '@rendezvous/domain';
import { applyProfileUpdate } from '@rendezvous/domain';
import type { AccountState } from '@rendezvous/domain';
import type { Recipient } from './email-to-send';
import type { HostTenure, MeetingEntry, Plan, ProfileChange } from './plan';

// Resolving a host is asked for by every email to or about them; the answer only changes when
// their list of changes does. Lists only ever grow (each update makes a longer copy), so the
// answer is remembered on the tenure and brought up to date by applying just the new changes.
const noChanges: readonly ProfileChange[] = [];

/** The host as the emails show them: as set on the meeting, with every later My Account change. */
export function currentHost(profiles: Plan['profiles'], tenure: HostTenure): Host {
  const changes = profiles.get(tenure.host.userId) ?? noChanges;
  if (changes.length === 0) return tenure.host;
  const known = tenure.resolved;
  if (known?.changes === changes) return known.host;
  const seen = known?.changes.length ?? 0;
  const grown = known !== undefined && seen <= changes.length && changes[seen - 1] === known.changes[seen - 1];
  let host = grown ? known.host : tenure.host;
  for (let i = grown ? seen : 0; i < changes.length; i++) {
    const change = changes[i] as ProfileChange;
    if (change.at >= tenure.since) host = applyProfileUpdate(host, change.update);
  }
  tenure.resolved = { changes, host };
  return host;
}

/** The person behind a recipient id: the current host, a former host, or a guest. */
export function person(profiles: Plan['profiles'], entry: MeetingEntry, audience: Audience, recipientId: string): Host | Guest | undefined {
  if (audience === 'guest') return entry.meeting.guests.find((guest) => guest.guestId === recipientId);
  if (entry.host.host.userId === recipientId) return currentHost(profiles, entry.host);
  const former = entry.formerHosts.find((tenure) => tenure.host.userId === recipientId);
  return former === undefined ? undefined : currentHost(profiles, former);
}

/** The recipient with zone and locale resolved (docs/CONTRACT.md §2.11), or undefined if they are unknown. */
export function recipientOf(
  profiles: Plan['profiles'],
  entry: MeetingEntry,
  account: AccountState | undefined,
  audience: Audience,
  recipientId: string,
): Recipient | undefined {
  const who = person(profiles, entry, audience, recipientId);
  if (who === undefined) return undefined;
  const zone = who.timezone ?? currentHost(profiles, entry.host).timezone;
  const locale = who.locale ?? account?.branding?.defaultLocale ?? 'en';
  return { kind: audience, id: recipientId, name: who.name, email: who.email, timezone: zone, locale };
}
