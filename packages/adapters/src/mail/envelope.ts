import { isEmailAddress } from '@rendezvous/domain';
import type { OutgoingEmail } from '@rendezvous/notifications';
import { MailDeliveryError } from './port';

// Line breaks and other control characters end a header line in some parsers: never let one through.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

/** Text safe for one header line: control characters and line breaks become a space, runs of blanks one. */
export function oneLine(text: string): string {
  return text.replace(controls, ' ').replace(/\s+/g, ' ').trim();
}

/** A display name and address in the shape nodemailer encodes (RFC 2047 for non-ASCII names). */
export function mailbox(person: { readonly name: string; readonly email: string }): { name: string; address: string } {
  return { name: oneLine(person.name), address: person.email };
}

/** Everyone the server must deliver to: `to` then `bcc`, each address once (case-insensitively). */
export function envelopeRecipients(email: Pick<OutgoingEmail, 'to' | 'bcc'>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const address of [...email.to.map((p) => p.email), ...email.bcc]) {
    const folded = address.toLowerCase();
    if (!seen.has(folded)) {
      seen.add(folded);
      out.push(address);
    }
  }
  return out;
}

/**
 * The first address problem of an email, as a permanent error, or undefined when every address is
 * valid. Checked before anything is sent so a bad address never reaches a server half-way.
 */
export function addressProblem(email: OutgoingEmail): MailDeliveryError | undefined {
  const fields: [string, string][] = [
    ['from', email.from.email],
    ...email.to.map((p, i): [string, string] => [`to.${i}`, p.email]),
    ...(email.replyTo === undefined ? [] : [['replyTo', email.replyTo.email] as [string, string]]),
    ...email.bcc.map((a, i): [string, string] => [`bcc.${i}`, a]),
  ];
  const bad = fields.find(([, address]) => !isEmailAddress(address));
  const problem = bad
    ? `${bad[0]}: ${JSON.stringify(bad[1])} is not an email address`
    : email.to.length === 0
      ? 'to: the email has no recipient'
      : undefined;
  if (problem === undefined) return undefined;
  return new MailDeliveryError('permanent', 'invalid-address', `email ${email.idempotencyKey} cannot be sent: ${problem}`, {
    idempotencyKey: email.idempotencyKey,
  });
}
