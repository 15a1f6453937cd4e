import type { Audience, NotificationId } from '@rendezvous/domain';
import { notificationIds } from '@rendezvous/domain';

/** What an idempotency key is made of: the structured key a planning session looks an email up by. */
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
 * Every way to read `key` as key parts, for a key read back from storage. Ids may themselves
 * contain ":", so a key can be ambiguous in theory; the caller keeps the reading that names an
 * email it knows. Planning itself never reads a key back: due emails carry their `key`.
 */
export function readIdempotencyKey(key: string): KeyParts[] {
  const readings: KeyParts[] = [];
  const last = key.lastIndexOf(':');
  const version = key.slice(last + 1);
  if (last < 0 || !/^\d+$/.test(version)) return readings;
  // The notification and the audience never contain ":": try each colon they could follow.
  for (let before = key.indexOf(':'); before >= 0 && before < last; before = key.indexOf(':', before + 1)) {
    const afterNotification = key.indexOf(':', before + 1);
    const afterAudience = afterNotification < 0 ? -1 : key.indexOf(':', afterNotification + 1);
    if (afterAudience < 0 || afterAudience >= last) break;
    const notification = key.slice(before + 1, afterNotification);
    const audience = key.slice(afterNotification + 1, afterAudience);
    if (!notifications.has(notification) || (audience !== 'user' && audience !== 'guest')) continue;
    readings.push({
      meetingId: key.slice(0, before),
      notification: notification as NotificationId,
      audience,
      recipientId: key.slice(afterAudience + 1, last),
      triggerVersion: Number(version),
    });
  }
  return readings;
}
