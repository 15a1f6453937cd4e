import { toMillis } from '@rendezvous/domain';
import { readIdempotencyKey } from './idempotency-key';
import type { Plan } from './plan';
import { emailsToChange, planWith, withLists } from './plan';
import type { PlannedEmail } from './planned-email';
import { withoutSlotIfEmpty } from './slots';
import { kindOf } from './planned-email';

/**
 * Records that the email with this key was sent at `at`: it leaves the queue and explains
 * itself as sent. An unknown key, or an email already sent, leaves the plan as it is, so a
 * dispatcher may confirm twice.
 */
export function markSent(plan: Plan, key: string, at: string): Plan {
  // Keys are written with the version in plain digits: "007" names no email (a reading would
  // otherwise find version 7). Every other reading spells the key exactly.
  if (/:0\d+$/.test(key)) return plan;
  for (const parts of readIdempotencyKey(key)) {
    const entry = plan.meetings.get(parts.meetingId);
    if (entry === undefined) continue;
    const kind = kindOf(parts.notification, parts.audience);
    const { emails } = entry;
    const place = entry.pending.findIndex((i) => emails[i]?.isKind(kind, parts.recipientId, parts.triggerVersion));
    const index = entry.pending[place];
    if (index === undefined) continue;
    const email = emails[index] as PlannedEmail;
    const changed = emailsToChange(plan, emails);
    changed[index] = email.sent(toMillis(at));
    const pending = entry.pending.filter((_, p) => p !== place);
    const meetings = withLists(plan, plan.meetings, entry, changed, pending);
    const { meetingId } = parts;
    return email.isIn('ready')
      ? planWith(plan, { meetings, ready: withoutSlotIfEmpty(plan.ready, meetingId, changed, pending, email.dueMs, 'ready') })
      : planWith(plan, { meetings, waiting: withoutSlotIfEmpty(plan.waiting, meetingId, changed, pending, email.dueMs, 'waiting') });
  }
  return plan;
}
