import { meetingEventData, toMillis } from '@rendezvous/domain';
import type { StoredEvent } from '../../store/port';

/**
 * The event types that mark a meeting in the due index: the facts of a meeting stream. Account
 * and profile events never create a due time (they change what an email says or whether it may
 * go out, judged when the meeting is folded), and delivery records are the dispatchers' own.
 */
export const meetingFactTypes: readonly string[] = Object.keys(meetingEventData);

/** The (meeting, time) a stored meeting fact marks as possibly due: its at-once emails are due at its occurredAt. */
export function dueMarkOf(stored: StoredEvent): { readonly meetingId: string; readonly dueMs: number } | undefined {
  const data = stored.event.data as { meetingId?: unknown };
  if (!meetingFactTypes.includes(stored.event.type) || typeof data.meetingId !== 'string') return undefined;
  return { meetingId: data.meetingId, dueMs: toMillis(stored.event.occurredAt) };
}
