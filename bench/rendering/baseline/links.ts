import { createHmac } from 'node:crypto';
import { erasedUrl } from '@rendezvous/domain';

// The signed links, written out by hand: the same token (HMAC-SHA256 over a JSON array of the
// claims, base64url) and the same URL shape as the library's, so the emails compare equal.

const suffixes = { entry: '', reschedule: '/reschedule', cancel: '/cancel', review: '/review', calendar: '/invite.ics' } as const;
type Purpose = keyof typeof suffixes;

/** One signed link. */
export function signedLink(secret: string, hostname: string, purpose: Purpose, meetingId: string, audience: string, recipient: string): string {
  const host = hostname.toLowerCase();
  const token = createHmac('sha256', secret)
    .update(JSON.stringify(['rendezvous-link-v1', purpose, host, meetingId, audience, recipient]), 'utf8')
    .digest('base64url');
  return `https://${hostname}/m/${encodeURIComponent(meetingId)}${suffixes[purpose]}?a=${audience}&r=${encodeURIComponent(recipient)}&t=${token}`;
}

/** The host's profile link: their profileUrl as given, empty when they have none (or it was erased). */
export function profileLink(profileUrl: string | undefined): string {
  return profileUrl === undefined || profileUrl === erasedUrl ? '' : profileUrl;
}
