import type { MeetingEntry, Queue } from './plan';
import { Slot, compareSlots, slotPriority } from './plan';
import type { PlannedEmail } from './planned-email';
import { treeRemove, treeSet } from './persistent-tree';

/** The queue an email in this state is found through: waiting and ready emails have one. */
export type QueuedState = 'waiting' | 'ready';

/** True when one of these emails is in `state` with this due time. */
export function hasEmailAt(emails: readonly PlannedEmail[], dueMs: number, state: QueuedState): boolean {
  return emails.some((e) => e.dueMs === dueMs && e.state === state);
}

/** The queue with the slot of `meetingId` at `dueMs` (setting an existing slot changes nothing that matters). */
export function withSlot(queue: Queue, meetingId: string, dueMs: number): Queue {
  const slot = new Slot(dueMs, meetingId);
  return treeSet(queue, slot, true, slotPriority(slot), compareSlots);
}

/** The queue without the slot of `entry` at `dueMs` once none of its emails is in `state` there. */
export function withoutSlotIfEmpty(queue: Queue, entry: MeetingEntry, emails: readonly PlannedEmail[], dueMs: number, state: QueuedState): Queue {
  return hasEmailAt(emails, dueMs, state) ? queue : treeRemove(queue, new Slot(dueMs, entry.meeting.meetingId), compareSlots);
}
