import type { Plan } from './plan';
import { emailsToChange, planWith, withLists } from './plan';
import type { PlannedEmail } from './planned-email';
import { judge } from './judge';
import type { Slot } from './time-queue';

/**
 * Judges every waiting email due before `at` (epoch ms). Before an event is folded, `at` is its
 * occurredAt: the plan then holds exactly the state at their due time, and the event may change
 * it. Valid ones become ready (due, awaiting markSent); the others are suppressed, with why.
 * Emails due at the very instant of the event wait for it: events at the due time count.
 */
export function settle(plan: Plan, at: number): Plan {
  let first = plan.waiting.first();
  if (first === undefined || first.dueMs >= at) return plan;
  let { waiting, ready, meetings } = plan;
  while (first !== undefined && first.dueMs < at) {
    const slot: Slot = first;
    waiting = waiting.without(slot.meetingId, slot.dueMs);
    const entry = meetings.get(slot.meetingId);
    if (entry !== undefined) {
      const emails = emailsToChange(plan, entry.emails);
      const pending: number[] = [];
      let becameReady = false;
      for (const index of entry.pending) {
        const email = entry.emails[index] as PlannedEmail;
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
      if (becameReady) ready = ready.with(slot.meetingId, slot.dueMs);
      meetings = withLists(plan, meetings, entry, emails, pending);
    }
    first = waiting.first();
  }
  return planWith(plan, { waiting, ready, meetings });
}
