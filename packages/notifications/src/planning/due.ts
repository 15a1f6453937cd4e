import type { EmailToSend } from './email-to-send';
import { emailOf, type SnapshotCache } from './email-of';
import { judge } from './judge';
import type { Plan, Queue } from './plan';
import { treeEachWhile, treeFirst } from './persistent-tree';
import { getById } from './by-id';

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

/**
 * The emails to send at `now`: those due by then that are valid at their due time, oldest first
 * (ties by idempotency key). Reads only the front of the time queue, so a tick costs the number
 * of due emails, not the number planned. Call markSent for each one sent.
 */
export function dueEmails(plan: Plan, now: string): EmailToSend[] {
  const nowMs = Date.parse(now);
  const due: Due[] = [];
  const snapshots: SnapshotCache = new Map();
  const collect = (queue: Queue, state: 'waiting' | 'ready'): void =>
    treeEachWhile(
      queue,
      (slot) => slot.dueMs <= nowMs,
      (slot) => {
        const entry = getById(plan.meetings, slot.meetingId);
        if (entry === undefined) return;
        for (const email of entry.emails) {
          if (email.dueMs !== slot.dueMs || email.state !== state) continue;
          // A waiting email due by now has seen no later event: the plan is its due-time state.
          if (state === 'waiting' && judge(plan.accounts, plan.profiles, entry, email) !== undefined) continue;
          const toSend = emailOf(plan, entry, email, slot.dueAt, now, snapshots);
          if (toSend !== undefined) due.push({ dueMs: email.dueMs, email: toSend });
        }
      },
    );
  collect(plan.ready, 'ready');
  collect(plan.waiting, 'waiting');
  return due.sort(byDueThenKey).map((d) => d.email);
}

/** When the next email falls due (or fell due and awaits sending); undefined when none is pending. */
export function nextDueAt(plan: Plan): string | undefined {
  const ready = treeFirst(plan.ready)?.key;
  const waiting = treeFirst(plan.waiting)?.key;
  const first = ready === undefined ? waiting : waiting === undefined || ready.dueMs <= waiting.dueMs ? ready : waiting;
  return first?.dueAt;
}
