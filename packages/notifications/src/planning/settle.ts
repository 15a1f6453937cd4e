import type { MeetingEntry, Plan, Slot } from './plan';
import { compareStrings } from './plan';
import { judge } from './judge';
import { hashString, treeEachBetween, treeGet, treeSet } from './persistent-tree';
import { dropSlotIfDone } from './slots';

/**
 * Judges every waiting email due before `at` (epoch ms). Before an event is folded, `at` is its
 * occurredAt: the plan then holds exactly the state at their due time, and the event may change
 * it. Valid ones become ready (due, awaiting markSent); the others are suppressed, with why.
 * Emails due at the very instant of the event wait for it: events at the due time count.
 * Only the slots between the last judged instant and `at` are read.
 */
export function settle(plan: Plan, at: number): Plan {
  if (at <= plan.judgedBefore && plan.late.length === 0) return plan;
  const slots: Slot[] = [...plan.late];
  const lower = plan.judgedBefore;
  treeEachBetween(
    plan.pending,
    (slot) => slot.dueMs >= lower,
    (slot) => slot.dueMs < at,
    (slot) => slots.push(slot),
  );
  let { pending, meetings } = plan;
  for (const slot of slots) {
    const entry = treeGet(meetings, slot.meetingId, compareStrings);
    if (entry === undefined) continue;
    let emails = entry.emails;
    for (const [index, email] of entry.emails.entries()) {
      if (email.dueMs !== slot.dueMs || email.state !== 'waiting') continue;
      const why = judge(plan.accounts, plan.profiles, entry, email);
      if (emails === entry.emails) emails = entry.emails.slice();
      (emails as typeof entry.emails[number][])[index] = email.moved(why === undefined ? 'ready' : 'suppressed', why);
    }
    if (emails === entry.emails) continue;
    const next: MeetingEntry = { ...entry, emails };
    meetings = treeSet(meetings, slot.meetingId, next, hashString(slot.meetingId), compareStrings);
    pending = dropSlotIfDone(pending, slot.meetingId, emails, slot.dueMs);
  }
  return { ...plan, pending, meetings, judgedBefore: Math.max(plan.judgedBefore, at), late: [] };
}
