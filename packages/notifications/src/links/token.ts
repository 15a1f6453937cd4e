import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Audience } from '@rendezvous/domain';

/** What a signed link lets its holder do; each purpose has its own path and its own token. */
export type LinkPurpose = 'entry' | 'reschedule' | 'cancel' | 'review' | 'calendar';

/** The fields a link token covers. */
export interface LinkClaims {
  readonly purpose: LinkPurpose;
  /** The host the link was issued for, lower case, with a port only when not 443. */
  readonly host: string;
  readonly meetingId: string;
  readonly audience: Audience;
  readonly recipient: string;
}

// A JSON array is an unambiguous encoding: no choice of separator can be smuggled inside an
// id to make two different claims sign to the same string. The version tag lets the format change.
function canonical(claims: LinkClaims): string {
  return JSON.stringify(['rendezvous-link-v1', claims.purpose, claims.host, claims.meetingId, claims.audience, claims.recipient]);
}

/** The HMAC-SHA256 token of a link, base64url without padding. */
export function signClaims(secret: string, claims: LinkClaims): string {
  return createHmac('sha256', secret).update(canonical(claims), 'utf8').digest('base64url');
}

/** True when `token` is the token of `claims` under `secret`; compares in constant time. */
export function tokenMatches(secret: string, claims: LinkClaims, token: string): boolean {
  const expected = Buffer.from(signClaims(secret, claims), 'base64url');
  const given = Buffer.from(token, 'base64url');
  // Node's base64url decoder skips characters it does not know; re-encoding refuses any
  // spelling but the one we issue, so an edited token never passes as the same link.
  if (given.toString('base64url') !== token) return false;
  // timingSafeEqual needs equal lengths; a length mismatch reveals nothing about the secret.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
