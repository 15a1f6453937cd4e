import { toMillis } from '@rendezvous/domain';
import type { EmailToSend } from './email-to-send';
import { emailOf, type SnapshotCache } from './email-of';
import { judge } from './judge';
import type { Plan } from './plan';
import type { QueuedState } from './slots';
import type { Slot } from './time-queue';

interface Due {
  readonly dueMs: number;
  readonly email: EmailToSend;
}

function byDueThenKey(a: Due, b: Due): number {
  if (a.dueMs !== b.dueMs) return a.dueMs - b.dueMs;
  const x = a.email.idempotencyKey;
  const y = b.email.idempotencyKey;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Adds the emails of one slot that may go out at `now` to `due`. */
function collect(plan: Plan, slot: Slot, state: QueuedState, now: string, snapshots: SnapshotCache, due: Due[]): void {
  const entry = plan.meetings.get(slot.meetingId);
  if (entry === undefined) return;
  for (const index of entry.pending) {
    const email = entry.emails[index];
    if (email === undefined || !email.isAt(slot.dueMs, state)) continue;
    // A waiting email due by now has seen no later event: the plan is its due-time state.
    if (state === 'waiting' && judge(plan.accounts, plan.profiles, entry, email) !== undefined) continue;
    const toSend = emailOf(plan, entry, email, slot.dueAt, now, snapshots);
    if (toSend !== undefined) due.push({ dueMs: email.dueMs, email: toSend });
  }
}

/**
 * The emails to send at `now`: those due by then that are valid at their due time, oldest first
 * (ties by idempotency key). Reads only the front of the time queue, so a tick costs the number
 * of due emails, not the number planned. Call markSent for each one sent.
 */
export function dueEmails(plan: Plan, now: string): EmailToSend[] {
  const nowMs = toMillis(now);
  const due: Due[] = [];
  const snapshots: SnapshotCache = new Map();
  plan.ready.eachUntil(nowMs, (slot) => collect(plan, slot, 'ready', now, snapshots, due));
  plan.waiting.eachUntil(nowMs, (slot) => collect(plan, slot, 'waiting', now, snapshots, due));
  return due.length === 0 ? [] : due.sort(byDueThenKey).map((d) => d.email);
}

/** When the next email falls due (or fell due and awaits sending); undefined when none is pending. */
export function nextDueAt(plan: Plan): string | undefined {
  const ready = plan.ready.first();
  const waiting = plan.waiting.first();
  const first = ready === undefined ? waiting : waiting === undefined || ready.dueMs <= waiting.dueMs ? ready : waiting;
  return first?.dueAt;
}
