import { type Audience, type Host, erasedUrl } from '@rendezvous/domain';
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
 * The host's profile link (docs/CONTRACT.md §3, `links.profile`): their `profileUrl` exactly as
 * given, on whatever domain it is, or empty when they have none. An erased one is empty too: its
 * marker is a dead address, not a page to send a guest to.
 */
export function profileLinkFor(host: Host): string {
  const url = host.profileUrl;
  return url === undefined || url === erasedUrl ? '' : url;
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
    profileLink: profileLinkFor,
  };
}
