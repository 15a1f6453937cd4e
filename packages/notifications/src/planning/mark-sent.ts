import { idempotencyKey, readIdempotencyKey } from './idempotency-key';
import type { MeetingEntry, Plan } from './plan';
import { withoutSlotIfEmpty } from './slots';
import { kindOf } from './planned-email';
import { getById, setById } from './by-id';

/**
 * Records that the email with this key was sent at `at`: it leaves the queue and explains
 * itself as sent. An unknown key, or an email already sent, leaves the plan as it is, so a
 * dispatcher may confirm twice.
 */
export function markSent(plan: Plan, key: string, at: string): Plan {
  for (const parts of readIdempotencyKey(key)) {
    if (idempotencyKey(parts) !== key) continue;
    const entry = getById(plan.meetings, parts.meetingId);
    if (entry === undefined) continue;
    const kind = kindOf(parts.notification, parts.audience);
    const index = entry.emails.findIndex((e) => e.isKind(kind, parts.recipientId, parts.triggerVersion) && e.isPending());
    const email = entry.emails[index];
    if (email === undefined) continue;
    const emails = entry.emails.slice();
    emails[index] = email.moved('sent', { kind: 'sent', at: Date.parse(at) });
    const next: MeetingEntry = { ...entry, emails };
    const state = email.state === 'ready' ? 'ready' : 'waiting';
    const queue = withoutSlotIfEmpty(plan[state], entry, emails, email.dueMs, state);
    return {
      ...plan,
      [state]: queue,
      meetings: setById(plan.meetings, parts.meetingId, next),
    };
  }
  return plan;
}
