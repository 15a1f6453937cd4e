import { toMillis } from '@rendezvous/domain';
import type { KeyParts } from './idempotency-key';
import type { Plan } from './plan';
import type { PlannedEmail } from './planned-email';
import { removeSlotIfEmpty } from './slots';
import { kindOf } from './planned-email';

/**
 * Records that the email with this key (an EmailToSend's `key`) was sent at `at`: it leaves the
 * queue and explains itself as sent. An unknown key, or an email already sent, leaves the plan
 * as it is, so a dispatcher may confirm twice.
 */
export function markSent(plan: Plan, key: KeyParts, at: string): void {
  const entry = plan.meetings.get(key.meetingId);
  if (entry === undefined) return;
  const kind = kindOf(key.notification, key.audience);
  const { emails } = entry;
  const place = entry.pending.findIndex((i) => emails[i]?.isKind(kind, key.recipientId, key.triggerVersion));
  const index = entry.pending[place];
  if (index === undefined) return;
  const email = emails[index] as PlannedEmail;
  emails[index] = email.sent(toMillis(at));
  const pending = entry.pending.filter((_, p) => p !== place);
  entry.pending = pending;
  const state = email.isIn('ready') ? 'ready' : 'waiting';
  removeSlotIfEmpty(plan[state], key.meetingId, emails, pending, email.dueMs, state);
}
