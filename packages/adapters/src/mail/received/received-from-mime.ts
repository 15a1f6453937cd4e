import { simpleParser, type AddressObject, type Attachment, type EmailAddress } from 'mailparser';
import type { ReceivedEmail } from './received-email';

const addresses = (field: AddressObject | AddressObject[] | undefined): EmailAddress[] =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((o) => o.value);

const person = (a: EmailAddress) => ({ name: a.name, email: a.address ?? '' });

const methodOf = (a: Attachment): string | undefined => {
  const header = a.headers.get('content-type');
  const params = typeof header === 'object' && header !== null && 'params' in header ? header.params : {};
  return params.method?.toUpperCase();
};

/**
 * Parses raw MIME (as an SMTP server or a .eml file holds it) into a `ReceivedEmail`, with the
 * envelope recipients the server saw. The calendar invitation's two parts (the text/calendar
 * alternative and its application/ics copy) become `calendar`; every other part is an attachment.
 */
export async function receivedFromMime(raw: Buffer | string, envelopeRecipients: readonly string[]): Promise<ReceivedEmail> {
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
  const calendarPart = parsed.attachments.find((a) => a.contentType === 'text/calendar' && a.contentDisposition !== 'attachment');
  const ics = calendarPart?.content.toString('utf8');
  const isCalendarCopy = (a: Attachment) =>
    a === calendarPart || (a.contentType === 'application/ics' && ics !== undefined && a.content.toString('utf8') === ics);
  const headers = new Map<string, string>();
  for (const { key, line } of parsed.headerLines) {
    // Unfold, then drop the `Name:` prefix; repeated headers join like a parser would show them.
    const value = line.replace(/\r?\n[ \t]+/g, ' ').replace(/^[^:]*:\s*/, '');
    headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
  }
  const from = addresses(parsed.from)[0];
  const replyTo = addresses(parsed.replyTo)[0];
  return {
    messageId: parsed.messageId ?? '',
    from: from ? person(from) : { name: '', email: '' },
    to: addresses(parsed.to).map(person),
    ...(replyTo ? { replyTo: person(replyTo) } : {}),
    envelopeRecipients: [...envelopeRecipients],
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: parsed.html === false ? '' : parsed.html,
    attachments: parsed.attachments
      .filter((a) => !isCalendarCopy(a))
      .map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
    ...(calendarPart && ics !== undefined ? { calendar: { method: methodOf(calendarPart) ?? '', ics } } : {}),
    headers,
  };
}
