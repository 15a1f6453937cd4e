import type { Audience, NotificationId } from '@rendezvous/domain';
import { notificationIds } from '@rendezvous/domain';

/** What an idempotency key is made of. */
export interface KeyParts {
  readonly meetingId: string;
  readonly notification: NotificationId;
  readonly audience: Audience;
  readonly recipientId: string;
  /** The 0-based version, in the meeting stream, of the event that caused the email. */
  readonly triggerVersion: number;
}

/** `<meetingId>:<notification>:<audience>:<recipientId>:<triggerVersion>`: the same on every replay. */
export function idempotencyKey(parts: KeyParts): string {
  return `${parts.meetingId}:${parts.notification}:${parts.audience}:${parts.recipientId}:${parts.triggerVersion}`;
}

const marker = new RegExp(`:(${notificationIds.join('|')}):(user|guest):`, 'g');

/**
 * Every way to read `key` as key parts. Ids may themselves contain ":", so a key can be
 * ambiguous in theory; the caller keeps the reading that names an email it knows.
 */
export function readIdempotencyKey(key: string): KeyParts[] {
  const readings: KeyParts[] = [];
  for (const match of key.matchAll(marker)) {
    const meetingId = key.slice(0, match.index);
    const rest = key.slice(match.index + match[0].length);
    const cut = rest.lastIndexOf(':');
    const version = rest.slice(cut + 1);
    if (cut <= 0 || !/^\d+$/.test(version)) continue;
    readings.push({
      meetingId,
      notification: match[1] as NotificationId,
      audience: match[2] as Audience,
      recipientId: rest.slice(0, cut),
      triggerVersion: Number(version),
    });
  }
  return readings;
}
