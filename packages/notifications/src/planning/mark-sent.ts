import { idempotencyKey, readIdempotencyKey } from './idempotency-key';
import type { MeetingEntry, Plan } from './plan';
import { compareStrings } from './plan';
import { hashString, treeGet, treeSet } from './persistent-tree';
import { dropSlotIfDone } from './slots';

/**
 * Records that the email with this key was sent at `at`: it leaves the queue and explains
 * itself as sent. An unknown key, or an email already sent, leaves the plan as it is, so a
 * dispatcher may confirm twice.
 */
export function markSent(plan: Plan, key: string, at: string): Plan {
  for (const parts of readIdempotencyKey(key)) {
    if (idempotencyKey(parts) !== key) continue;
    const entry = treeGet(plan.meetings, parts.meetingId, compareStrings);
    if (entry === undefined) continue;
    const index = entry.emails.findIndex(
      (e) => e.isPending() && e.is(parts.notification, parts.audience, parts.recipientId, parts.triggerVersion),
    );
    const email = entry.emails[index];
    if (email === undefined) continue;
    const emails = [...entry.emails];
    emails[index] = email.moved('sent', { kind: 'sent', at: Date.parse(at) });
    const next: MeetingEntry = { ...entry, emails };
    return {
      ...plan,
      pending: dropSlotIfDone(plan.pending, parts.meetingId, emails, email.dueMs),
      meetings: treeSet(plan.meetings, parts.meetingId, next, hashString(parts.meetingId), compareStrings),
    };
  }
  return plan;
}
