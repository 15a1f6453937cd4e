import type { PlannedEmail } from './planned-email';
import type { TimeQueue } from './time-queue';

/** The queue an email in this state is found through: waiting and ready emails have one. */
export type QueuedState = 'waiting' | 'ready';

/** True when one of the pending emails (indexes into `emails`) is in `state` with this due time. */
export function hasPendingAt(emails: readonly PlannedEmail[], pending: readonly number[], dueMs: number, state: QueuedState): boolean {
  return pending.some((i) => emails[i]?.isAt(dueMs, state));
}

/** Removes the slot of `meetingId` at `dueMs` from `queue` once none of its pending emails is in `state` there. */
export function removeSlotIfEmpty(
  queue: TimeQueue,
  meetingId: string,
  emails: readonly PlannedEmail[],
  pending: readonly number[],
  dueMs: number,
  state: QueuedState,
): void {
  if (!hasPendingAt(emails, pending, dueMs, state)) queue.remove(meetingId, dueMs);
}
