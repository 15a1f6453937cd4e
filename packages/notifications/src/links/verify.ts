import * as E from 'fp-ts/Either';
import type { Audience } from '@rendezvous/domain';
import { type LinkPurpose, tokenMatches } from './token';
import { hostOf, parsePath } from './paths';

/** Why a link was refused. */
export interface LinkError {
  readonly type: 'LinkError';
  readonly reason: 'malformed' | 'wrong-purpose' | 'foreign-host' | 'bad-signature';
  readonly message: string;
}

/** Who a verified link was issued to, for which meeting. */
export interface VerifiedLink {
  readonly purpose: LinkPurpose;
  readonly meetingId: string;
  readonly audience: Audience;
  /** userId for the host, guestId for a guest. */
  readonly recipient: string;
}

const refuse = (reason: LinkError['reason'], message: string): E.Either<LinkError, never> =>
  E.left({ type: 'LinkError', reason, message });

/**
 * Checks a link we issued: its shape, and its token against `secret`. When `hostname` is
 * given, a link issued for another host is refused too (the token already binds the host,
 * so a link moved to another host never verifies).
 */
export function verifyLink(url: string, secret: string, options: { hostname?: string } = {}): E.Either<LinkError, VerifiedLink> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse('malformed', 'not a URL');
  }
  if (parsed.protocol !== 'https:') return refuse('malformed', 'not an https link');
  const path = parsePath(parsed.pathname);
  if (path === undefined) return refuse('malformed', `${parsed.pathname} is not a meeting link path (/m/<meetingId>)`);
  const audience = parsed.searchParams.get('a');
  const recipient = parsed.searchParams.get('r');
  const token = parsed.searchParams.get('t');
  if (audience !== 'user' && audience !== 'guest') return refuse('malformed', 'the link has no audience (a=user or a=guest)');
  if (recipient === null || recipient === '') return refuse('malformed', 'the link names no recipient (r=)');
  if (token === null || token === '') return refuse('malformed', 'the link carries no token (t=)');
  if (options.hostname !== undefined && hostOf(options.hostname) !== parsed.host) {
    return refuse('foreign-host', `the link was issued for ${parsed.host}, not ${hostOf(options.hostname)}`);
  }
  const claims = { purpose: path.purpose, host: parsed.host, meetingId: path.meetingId, audience, recipient } as const;
  if (!tokenMatches(secret, claims, token)) return refuse('bad-signature', 'the link was altered or was not issued by this service');
  return E.right({ purpose: path.purpose, meetingId: path.meetingId, audience, recipient });
}

/** Checks a meeting entry link (`https://<hostname>/m/<meetingId>?a=&r=&t=`). */
export function verifyEntryLink(
  url: string,
  secret: string,
  options: { hostname?: string } = {},
): E.Either<LinkError, { meetingId: string; audience: Audience; recipient: string }> {
  return E.chain((link: VerifiedLink) =>
    link.purpose === 'entry'
      ? E.right({ meetingId: link.meetingId, audience: link.audience, recipient: link.recipient })
      : refuse('wrong-purpose', `this is a ${link.purpose} link, not a meeting entry link`),
  )(verifyLink(url, secret, options));
}
