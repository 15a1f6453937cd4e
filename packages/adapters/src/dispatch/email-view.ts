import { fromMillis, type Audience, type NotificationId } from '@rendezvous/domain';
import type { PlannedEmailReport } from '@rendezvous/notifications';
import type { Delivery } from './ledger';

/**
 * Where an email is, from the outside: `planned` (not due yet), `due` (due, not claimed yet),
 * `sending` (claimed by a dispatcher), `retrying` (an attempt failed, another will follow), or a
 * final `sent`, `failed`, `skipped` (fell due but must not or no longer could go out),
 * `withdrawn` (a later event took it back) or `suppressed` (a rule kept it from being due).
 */
export type EmailState = 'planned' | 'due' | 'sending' | 'retrying' | 'sent' | 'failed' | 'skipped' | 'withdrawn' | 'suppressed';

/** One email sent or planned for a meeting (GET /meetings/:id/emails). */
export interface EmailView {
  readonly idempotencyKey: string;
  readonly notification: NotificationId;
  readonly audience: Audience;
  readonly recipientId: string;
  /** The recipient's address as known now (an erased one reads as its marker); empty when unknown. */
  readonly to: string;
  readonly dueAt: string;
  readonly state: EmailState;
  /** A sentence saying why the email is in its state. */
  readonly reason: string;
  /** Sends attempted so far. */
  readonly attempts: number;
  readonly sentAt?: string;
  readonly messageId?: string;
  /** When the next attempt may be made (retrying) or the claim runs out (sending). */
  readonly nextAttemptAt?: string;
}

function fromDelivery(d: Delivery): Pick<EmailView, 'state' | 'reason' | 'attempts' | 'sentAt' | 'messageId' | 'nextAttemptAt'> {
  const attempts = d.attempts;
  switch (d.status) {
    case 'sent':
      return { state: 'sent', reason: `sent at ${d.at} as ${d.messageId ?? '?'} by dispatcher ${d.dispatcherId ?? '?'} (attempt ${attempts})`, attempts, sentAt: d.at, ...(d.messageId === undefined ? {} : { messageId: d.messageId }) };
    case 'failed':
      return { state: 'failed', reason: `failed for good after attempt ${attempts}: ${d.reason ?? 'no reason recorded'}`, attempts };
    case 'skipped':
      return { state: 'skipped', reason: `skipped at ${d.at}: ${d.reason ?? 'no reason recorded'}`, attempts };
    case 'claimed': {
      const until = fromMillis(d.leaseUntilMs ?? 0);
      return { state: 'sending', reason: `attempt ${attempts} claimed by dispatcher ${d.dispatcherId ?? '?'} at ${d.at}, theirs until ${until}`, attempts, nextAttemptAt: until };
    }
    case 'retrying': {
      const at = fromMillis(d.retryAtMs ?? 0);
      return { state: 'retrying', reason: `attempt ${attempts} failed: ${d.reason ?? 'no reason recorded'}; next attempt at ${at}`, attempts, nextAttemptAt: at };
    }
  }
}

const reportedState: Record<PlannedEmailReport['state'], EmailState> = { pending: 'planned', sent: 'sent', withdrawn: 'withdrawn', suppressed: 'suppressed' };

/**
 * The planner's account of a meeting's emails (folded at `nowMs`) with what the delivery records
 * add: a record always wins over the plan. An email the plan holds as pending and due by now,
 * with no record yet, is `due`: no dispatcher has claimed it.
 */
export function emailViews(reports: readonly PlannedEmailReport[], deliveries: readonly Delivery[], nowMs: number): EmailView[] {
  const byKey = new Map(deliveries.map((d) => [d.idempotencyKey, d]));
  const views = reports.map((r): EmailView => {
    const base = { idempotencyKey: r.idempotencyKey, notification: r.notification, audience: r.audience, recipientId: r.recipientId, to: r.email, dueAt: r.dueAt };
    const d = byKey.get(r.idempotencyKey);
    if (d !== undefined) return { ...base, ...fromDelivery(d) };
    if ((r.state === 'pending' || r.state === 'sent') && Date.parse(r.dueAt) <= nowMs) {
      return { ...base, state: 'due', reason: `due since ${r.dueAt}; not claimed by a dispatcher yet`, attempts: 0 };
    }
    return { ...base, state: reportedState[r.state], reason: r.reason, attempts: 0 };
  });
  return views;
}
