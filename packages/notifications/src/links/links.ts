import type { Audience, Host } from '@rendezvous/domain';
import { type LinkPurpose, signClaims } from './token';
import { hostOf, pathFor } from './paths';

/** The links of one account's emails, all under `https://<hostname>/`. */
export interface Links {
  readonly hostname: string;
  /** The recipient's own way into the meeting room, signed for that recipient. */
  readonly entryLink: (meetingId: string, audience: Audience, recipientId: string) => string;
  /** The page where the recipient picks a new time. */
  readonly rescheduleLink: (meetingId: string, audience: Audience, recipientId: string) => string;
  /** The page where the recipient cancels. */
  readonly cancelLink: (meetingId: string, audience: Audience, recipientId: string) => string;
  /** The page where a guest rates the meeting. */
  readonly reviewLink: (meetingId: string, guestId: string) => string;
  /** The meeting as an .ics file, to add it to a calendar by hand. */
  readonly calendarLink: (meetingId: string, audience: Audience, recipientId: string) => string;
  /** The host's public profile (see {@link profileLinkFor}). */
  readonly profileLink: (host: Host) => string;
}

/** Settings of {@link createLinks}. */
export interface LinkOptions {
  /** The key that signs the tokens; keep it secret and stable (rotating it breaks links already sent). */
  readonly secret: string;
  /** The account's host name, e.g. `meet.acme.com`. */
  readonly hostname: string;
}

/**
 * The host's profile link. A `profileUrl` under the account's own host name is used as is;
 * any other profile URL is reached through `https://<hostname>/u/<userId>`, because every
 * link in our emails starts with the account's host name (docs/CONTRACT.md §3), and the application
 * serving that page can redirect on.
 */
export function profileLinkFor(hostname: string, host: Host): string {
  const base = `https://${hostname}/`;
  if (host.profileUrl !== undefined && host.profileUrl.toLowerCase().startsWith(base.toLowerCase())) return host.profileUrl;
  return `${base}u/${encodeURIComponent(host.userId)}`;
}

/** Builds the signed links of one account. The secret must not be empty. */
export function createLinks(options: LinkOptions): Links {
  const { secret, hostname } = options;
  // A configuration mistake at start-up, not bad user input: failing loudly beats signing
  // every link with an empty key that anyone could reproduce.
  if (secret === '') throw new TypeError('createLinks: the link secret must not be empty');
  const host = hostOf(hostname);

  const signed = (purpose: LinkPurpose, meetingId: string, audience: Audience, recipient: string): string => {
    const token = signClaims(secret, { purpose, host, meetingId, audience, recipient });
    const query = `a=${audience}&r=${encodeURIComponent(recipient)}&t=${token}`;
    return `https://${hostname}${pathFor(purpose, meetingId)}?${query}`;
  };

  return {
    hostname,
    entryLink: (meetingId, audience, recipientId) => signed('entry', meetingId, audience, recipientId),
    rescheduleLink: (meetingId, audience, recipientId) => signed('reschedule', meetingId, audience, recipientId),
    cancelLink: (meetingId, audience, recipientId) => signed('cancel', meetingId, audience, recipientId),
    reviewLink: (meetingId, guestId) => signed('review', meetingId, 'guest', guestId),
    calendarLink: (meetingId, audience, recipientId) => signed('calendar', meetingId, audience, recipientId),
    profileLink: (h) => profileLinkFor(hostname, h),
  };
}
