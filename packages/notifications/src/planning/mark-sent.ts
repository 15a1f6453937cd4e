import { toMillis } from '@rendezvous/domain';
import { readIdempotencyKey } from './idempotency-key';
import type { Plan } from './plan';
import type { PlannedEmail } from './planned-email';
import { removeSlotIfEmpty } from './slots';
import { kindOf } from './planned-email';

/**
 * Records that the email with this key was sent at `at`: it leaves the queue and explains
 * itself as sent. An unknown key, or an email already sent, leaves the plan as it is, so a
 * dispatcher may confirm twice.
 */
export function markSent(plan: Plan, key: string, at: string): void {
  // Keys are written with the version in plain digits: "007" names no email (a reading would
  // otherwise find version 7). Every other reading spells the key exactly.
  if (/:0\d+$/.test(key)) return;
  for (const parts of readIdempotencyKey(key)) {
    const entry = plan.meetings.get(parts.meetingId);
    if (entry === undefined) continue;
    const kind = kindOf(parts.notification, parts.audience);
    const { emails } = entry;
    const place = entry.pending.findIndex((i) => emails[i]?.isKind(kind, parts.recipientId, parts.triggerVersion));
    const index = entry.pending[place];
    if (index === undefined) continue;
    const email = emails[index] as PlannedEmail;
    emails[index] = email.sent(toMillis(at));
    const pending = entry.pending.filter((_, p) => p !== place);
    entry.pending = pending;
    const state = email.isIn('ready') ? 'ready' : 'waiting';
    removeSlotIfEmpty(plan[state], parts.meetingId, emails, pending, email.dueMs, state);
    return;
  }
}
