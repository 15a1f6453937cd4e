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

const notifications: ReadonlySet<string> = new Set(notificationIds);

/**
 * Every way to read `key` as key parts. Ids may themselves contain ":", so a key can be
 * ambiguous in theory; the caller keeps the reading that names an email it knows.
 */
export function readIdempotencyKey(key: string): KeyParts[] {
  const parts = key.split(':');
  const readings: KeyParts[] = [];
  const version = parts[parts.length - 1] ?? '';
  if (!/^\d+$/.test(version)) return readings;
  // The notification and the audience never contain ":": try each place they could stand.
  for (let at = 1; at + 3 < parts.length; at++) {
    const notification = parts[at] as string;
    const audience = parts[at + 1];
    if (!notifications.has(notification) || (audience !== 'user' && audience !== 'guest')) continue;
    readings.push({
      meetingId: parts.slice(0, at).join(':'),
      notification: notification as NotificationId,
      audience,
      recipientId: parts.slice(at + 2, -1).join(':'),
      triggerVersion: Number(version),
    });
  }
  return readings;
}
