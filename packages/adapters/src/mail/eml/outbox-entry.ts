import type { OutgoingEmail } from '@rendezvous/notifications';

/** What the outbox keeps beside each .eml (as `<stem>.json`): the envelope and what the index shows. */
export interface OutboxEntry {
  /** File name without extension: `<sortable sentAt>-<16 hex of the key hash>`. */
  readonly stem: string;
  readonly messageId: string;
  readonly idempotencyKey: string;
  readonly notification: string;
  readonly audience: string;
  readonly meetingId: string;
  readonly sentAt: string;
  /** When the file was written (the wall clock, unlike `sentAt`). */
  readonly writtenAt: string;
  readonly from: { readonly name: string; readonly email: string };
  readonly to: readonly { readonly name: string; readonly email: string }[];
  readonly replyTo?: { readonly name: string; readonly email: string };
  /** Blind copies: only here and in the index, never in the .eml, so the file can be relayed as is. */
  readonly bcc: readonly string[];
  readonly subject: string;
  readonly attachments: readonly { readonly filename: string; readonly contentType: string; readonly size: number }[];
  readonly calendarMethod?: string;
}

/** `2026-03-02T09:00:00Z` -> `20260302T090000.000Z`: sorts by time as text and is safe in any file system. */
export function sortableInstant(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '');
}

/** The outbox entry of an email about to be written. */
export function outboxEntry(email: OutgoingEmail, stem: string, messageId: string, writtenAt: string): OutboxEntry {
  return {
    stem,
    messageId,
    idempotencyKey: email.idempotencyKey,
    notification: email.notification,
    audience: email.audience,
    meetingId: email.meetingId,
    sentAt: email.sentAt,
    writtenAt,
    from: email.from,
    to: email.to,
    ...(email.replyTo === undefined ? {} : { replyTo: email.replyTo }),
    bcc: email.bcc,
    subject: email.subject,
    attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: a.content.length })),
    ...(email.calendar ? { calendarMethod: email.calendar.method } : {}),
  };
}

const isText = (v: unknown): v is string => typeof v === 'string';

/** Reads a `<stem>.json` back; undefined when it is not one of ours (a person may have edited the folder). */
export function parseOutboxEntry(json: string): OutboxEntry | undefined {
  try {
    const v = JSON.parse(json) as Partial<Record<keyof OutboxEntry, unknown>>;
    const fields = [v.stem, v.messageId, v.idempotencyKey, v.notification, v.audience, v.meetingId, v.sentAt, v.writtenAt, v.subject];
    const ok = fields.every(isText) && typeof v.from === 'object' && v.from !== null && Array.isArray(v.to) && Array.isArray(v.bcc);
    return ok ? ({ attachments: [], ...v } as OutboxEntry) : undefined;
  } catch {
    return undefined;
  }
}
