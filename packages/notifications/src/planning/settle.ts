import type { MeetingEntry, Plan, Slot } from './plan';
import { compareSlots } from './plan';
import type { PlannedEmail } from './planned-email';
import { judge } from './judge';
import { treeFirst, treeRemove } from './persistent-tree';
import { hasEmailAt, withSlot } from './slots';
import { getById, setById } from './by-id';

/**
 * Judges every waiting email due before `at` (epoch ms). Before an event is folded, `at` is its
 * occurredAt: the plan then holds exactly the state at their due time, and the event may change
 * it. Valid ones become ready (due, awaiting markSent); the others are suppressed, with why.
 * Emails due at the very instant of the event wait for it: events at the due time count.
 */
export function settle(plan: Plan, at: number): Plan {
  let first = treeFirst(plan.waiting)?.key;
  if (first === undefined || first.dueMs >= at) return plan;
  let { waiting, ready, meetings } = plan;
  while (first !== undefined && first.dueMs < at) {
    const slot: Slot = first;
    waiting = treeRemove(waiting, slot, compareSlots);
    const entry = getById(meetings, slot.meetingId);
    if (entry !== undefined) {
      const emails: PlannedEmail[] = entry.emails.slice();
      for (const [index, email] of entry.emails.entries()) {
        if (email.dueMs !== slot.dueMs || email.state !== 'waiting') continue;
        const why = judge(plan.accounts, plan.profiles, entry, email);
        emails[index] = email.moved(why === undefined ? 'ready' : 'suppressed', why);
      }
      if (hasEmailAt(emails, slot.dueMs, 'ready') && !hasEmailAt(entry.emails, slot.dueMs, 'ready')) ready = withSlot(ready, slot.meetingId, slot.dueMs);
      const next: MeetingEntry = { ...entry, emails };
      meetings = setById(meetings, slot.meetingId, next);
    }
    first = treeFirst(waiting)?.key;
  }
  return { ...plan, waiting, ready, meetings };
}
