import type { Plan } from './plan';
import type { PlannedEmail } from './planned-email';
import { judge } from './judge';
import type { Slot } from './time-queue';

/**
 * Judges every waiting email due before `at` (epoch ms). Before an event is folded, `at` is its
 * occurredAt: the plan then holds exactly the state at their due time, and the event may change
 * it. Valid ones become ready (due, awaiting markSent); the others are suppressed, with why.
 * Emails due at the very instant of the event wait for it: events at the due time count.
 */
export function settle(plan: Plan, at: number): void {
  const { waiting, ready, meetings } = plan;
  for (let first = waiting.first(); first !== undefined && first.dueMs < at; first = waiting.first()) {
    const slot: Slot = first;
    waiting.remove(slot.meetingId, slot.dueMs);
    const entry = meetings.get(slot.meetingId);
    if (entry !== undefined) {
      const { emails } = entry;
      const pending: number[] = [];
      let becameReady = false;
      for (const index of entry.pending) {
        const email = emails[index] as PlannedEmail;
        if (!email.isAt(slot.dueMs, 'waiting')) {
          pending.push(index);
          continue;
        }
        const why = judge(plan.accounts, plan.profiles, entry, email);
        emails[index] = email.moved(why === undefined ? 'ready' : 'suppressed', why);
        if (why === undefined) {
          becameReady = true;
          pending.push(index);
        }
      }
      if (becameReady) ready.add(slot.meetingId, slot.dueMs);
      entry.pending = pending;
    }
  }
}
