import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { OutgoingEmail } from '@rendezvous/notifications';

// Used when the sender has no usable domain; `.invalid` can never collide with a real host (RFC 2606).
const fallbackDomain = 'rendezvous.invalid';

/** The SHA-256 of an idempotency key, hex: names files and Message-IDs without exposing the key's parts. */
export function keyHash(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey, 'utf8').digest('hex');
}

/**
 * The RFC 5322 Message-ID of an email, `<32 hex of sha256(key)@sender-domain>`: the same on every
 * retry and replay, so a recipient's server (and a person) can recognize a duplicate.
 */
export function messageIdFor(email: Pick<OutgoingEmail, 'idempotencyKey' | 'from'>): string {
  const at = email.from.email.lastIndexOf('@');
  const domain = at < 0 ? '' : domainToASCII(email.from.email.slice(at + 1).trim().toLowerCase());
  const safeDomain = /^[a-z0-9.-]+$/.test(domain) ? domain : fallbackDomain;
  return `<${keyHash(email.idempotencyKey).slice(0, 32)}@${safeDomain}>`;
}
