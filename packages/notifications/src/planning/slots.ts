import type { Plan } from './plan';
import { Slot, compareSlots, slotPriority } from './plan';
import type { PlannedEmail } from './planned-email';
import { treeRemove, treeSet } from './persistent-tree';

/** True while one of these emails with this due time still waits or awaits sending. */
export function isPendingAt(emails: readonly PlannedEmail[], dueMs: number): boolean {
  return emails.some((e) => e.isPending() && e.dueMs === dueMs);
}

/** The queue with this slot (an existing slot is left as it is by the callers' checks). */
export function addSlot(pending: Plan['pending'], slot: Slot): Plan['pending'] {
  return treeSet(pending, slot, true, slotPriority(slot), compareSlots);
}

/** The queue without the slot of `meetingId` at `dueMs`, when none of its emails is pending any more. */
export function dropSlotIfDone(pending: Plan['pending'], meetingId: string, emails: readonly PlannedEmail[], dueMs: number): Plan['pending'] {
  return isPendingAt(emails, dueMs) ? pending : treeRemove(pending, new Slot(dueMs, meetingId), compareSlots);
}
