import { fromMillis, type DeliveryEvent } from '@rendezvous/domain';
import type { OutgoingEmail, Renderer } from '@rendezvous/notifications';
import { asMailDeliveryError, MailDeliveryError, type Mailer, type SendReceipt } from '../mail/port';
import { messageIdFor } from '../mail/message-id';
import type { EventStore } from '../store/port';
import { DeadlineError, withDeadline } from './deadline';
import { isFinal, type Delivery } from './ledger';
import type { Deliveries } from './deliveries';
import { deliveryRecords } from './records';
import type { DispatchLogEntry, EmailOutcome } from './report';
import { retryDelayMs, type RetryPolicy } from './retry-delay';
import { skipOf, withoutSuppressedAddresses, type Suppression } from './skip';
import type { Step, Task } from './task';

/** Everything a step needs: the ports, the meeting's delivery records, the settings. */
export interface StepContext {
  readonly store: EventStore;
  readonly mailer: Mailer;
  readonly renderer: Renderer;
  /** The delivery records of the meeting being worked on. */
  readonly deliveries: Deliveries;
  /** Whether the meeting went LIVE (or ended) or was cancelled, as folded: a late reminder is skipped. */
  readonly meetingOver: (meetingId: string) => 'started' | 'cancelled' | undefined;
  readonly dispatcherId: string;
  readonly leaseMs: number;
  readonly retry: RetryPolicy;
  readonly sendTimeoutMs: number;
  readonly storeTimeoutMs: number;
  /** How long to leave an email alone after the store did not answer (clock time). */
  readonly holdMs: number;
  /** Most emails claimed by one append; they are sent side by side, so the lease covers one send. */
  readonly batch: number;
  readonly isSuppressed: Suppression | undefined;
  readonly log: (entry: DispatchLogEntry) => void;
  /** The clock, in epoch ms. */
  readonly nowMs: () => number;
  /** True once stop() was asked for: no new claims. */
  readonly stopping: () => boolean;
}

type Appended = { readonly kind: 'ok' } | { readonly kind: 'conflict' } | { readonly kind: 'unknown'; readonly error: unknown };
/** One record to append about one task, and what it means for the task once written. */
interface Entry {
  readonly task: Task;
  readonly event: DeliveryEvent;
  readonly outcome?: EmailOutcome;
}

const isConflict = (error: unknown): boolean => typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'VersionConflict';
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const wait = (untilMs: number): Step => ({ kind: 'wait', untilMs });
/** Conflicts on one stream in a row before its emails wait for the next tick. */
const maxConflicts = 3;

/** Appends records to a delivery stream on the version known here; a lost race re-reads the stream. */
async function append(ctx: StepContext, stream: string, events: readonly DeliveryEvent[]): Promise<Appended> {
  const known = ctx.deliveries.ledger.version(stream);
  try {
    const expected = known === undefined ? ({ kind: 'noStream' } as const) : ({ kind: 'exact', version: known } as const);
    const result = await withDeadline(ctx.store.append(stream, events, expected), ctx.storeTimeoutMs, `appending to ${stream}`);
    ctx.deliveries.recordOwn(stream, result.nextVersion, events);
    return { kind: 'ok' };
  } catch (error) {
    if (!isConflict(error)) return { kind: 'unknown', error };
    await ctx.deliveries.refresh(ctx.store, stream, ctx.storeTimeoutMs);
    return { kind: 'conflict' };
  }
}

function logOutcome(ctx: StepContext, entry: Entry): void {
  const { task, event, outcome } = entry;
  if (outcome === undefined) return;
  const { email } = task;
  const nowMs = ctx.nowMs();
  const data = event.data;
  ctx.log({
    kind: 'email',
    level: outcome === 'sent' || outcome === 'skipped' ? 'info' : outcome === 'retrying' ? 'warn' : 'error',
    msg: `email ${outcome}`,
    outcome,
    at: fromMillis(nowMs),
    dispatcherId: ctx.dispatcherId,
    idempotencyKey: email.idempotencyKey,
    meetingId: email.meeting.meetingId,
    notification: email.notification,
    audience: email.audience,
    recipientId: email.recipient.id,
    dueAt: email.dueAt,
    lateMs: Math.max(0, nowMs - Date.parse(email.dueAt)),
    attempt: 'attempt' in data ? data.attempt : 0,
    ...('messageId' in data ? { messageId: data.messageId } : {}),
    ...('detail' in data ? { reason: data.detail } : 'reason' in data ? { reason: data.reason } : {}),
    ...('retryAt' in data && data.retryAt !== undefined ? { retryAt: data.retryAt } : {}),
  });
}

function hold(ctx: StepContext, tasks: readonly Task[], what: string, error: unknown): Step {
  const untilMs = ctx.nowMs() + ctx.holdMs;
  for (const task of tasks) task.holdUntilMs = untilMs;
  ctx.log({
    kind: 'dispatcher',
    level: 'warn',
    msg: `${what}: the store did not answer; trying again later`,
    at: fromMillis(ctx.nowMs()),
    dispatcherId: ctx.dispatcherId,
    detail: `${tasks.map((t) => t.email.idempotencyKey).join(', ')}: ${describe(error)}`,
  });
  return wait(untilMs);
}

/** True while the email's last record is our claim of `attempt`: an outcome of that attempt may be recorded. */
const stillOurs = (ctx: StepContext, d: Delivery | undefined, attempt: number): boolean =>
  d?.status === 'claimed' && d.dispatcherId === ctx.dispatcherId && d.attempts === attempt;

/** Why an attempt failed: a mailer's MailDeliveryError, or the dispatcher's own (render). */
interface Failure {
  readonly kind: 'transient' | 'permanent';
  readonly reason: string;
  readonly message: string;
}

function failureEntry(ctx: StepContext, task: Task, attempt: number, failure: Failure): Entry {
  const nowMs = ctx.nowMs();
  const permanent = failure.kind === 'permanent';
  const final = permanent || attempt >= ctx.retry.maxAttempts;
  const retryAt = final ? undefined : fromMillis(nowMs + retryDelayMs(ctx.retry, attempt));
  const detail = final && !permanent ? `${failure.message} (attempt ${attempt} of ${ctx.retry.maxAttempts}: giving up)` : failure.message;
  const event = deliveryRecords(task.email, ctx.dispatcherId).failed(fromMillis(nowMs), attempt, {
    permanent,
    reason: failure.reason,
    detail,
    ...(retryAt === undefined ? {} : { retryAt }),
  });
  return { task, event, outcome: final ? 'failed' : 'retrying' };
}

function sentEntry(ctx: StepContext, task: Task, attempt: number): Entry {
  const delivered = task.delivered;
  if (delivered === undefined) throw new Error(`dispatcher: ${task.email.idempotencyKey} has no accepted send to record`);
  const event = deliveryRecords(task.email, ctx.dispatcherId).sent(fromMillis(ctx.nowMs()), attempt, delivered.messageId, delivered.refused);
  return { task, event, outcome: 'sent' };
}

async function send(ctx: StepContext, outgoing: OutgoingEmail): Promise<SendReceipt> {
  try {
    return await withDeadline(ctx.mailer.send(outgoing), ctx.sendTimeoutMs, `sending ${outgoing.idempotencyKey}`);
  } catch (error) {
    if (error instanceof DeadlineError) {
      throw new MailDeliveryError('transient', 'timeout', `email ${outgoing.idempotencyKey}: the mailer did not answer within ${ctx.sendTimeoutMs} ms`, {
        idempotencyKey: outgoing.idempotencyKey,
      });
    }
    throw asMailDeliveryError(error, outgoing.idempotencyKey);
  }
}

/** Renders and sends one claimed email; the entry says what to record. */
async function deliver(ctx: StepContext, task: Task, attempt: number): Promise<Entry> {
  const { email } = task;
  let outgoing: OutgoingEmail;
  try {
    outgoing = await withoutSuppressedAddresses(ctx, ctx.renderer.render(email));
  } catch (error) {
    // A template that cannot render will not render on the next attempt either.
    return failureEntry(ctx, task, attempt, { kind: 'permanent', reason: 'render', message: `email ${email.idempotencyKey} could not be rendered: ${describe(error)}` });
  }
  try {
    const receipt = await send(ctx, outgoing);
    const messageId = /^<[\x21-\x7e]{1,995}>$/.test(receipt.messageId) ? receipt.messageId : messageIdFor(outgoing);
    task.delivered = { messageId, refused: receipt.rejected?.length ?? 0, attempt };
    return sentEntry(ctx, task, attempt);
  } catch (error) {
    return failureEntry(ctx, task, attempt, asMailDeliveryError(error, email.idempotencyKey));
  }
}

/**
 * Records what became of the sends of our claims. Entries whose email another dispatcher took
 * over meanwhile (our lease ran out) are dropped: that one records its own send.
 */
async function recordOutcomes(ctx: StepContext, stream: string, entries: readonly Entry[], results: Map<Task, Step>): Promise<void> {
  let pending = entries;
  for (let conflicts = 0; pending.length > 0; conflicts++) {
    pending = pending.filter((e) => stillOurs(ctx, ctx.deliveries.ledger.get(e.task.email.idempotencyKey), 'attempt' in e.event.data ? e.event.data.attempt : 0));
    if (pending.length === 0 || conflicts === maxConflicts) break;
    const appended = await append(ctx, stream, pending.map((e) => e.event));
    if (appended.kind === 'ok') {
      for (const entry of pending) {
        logOutcome(ctx, entry);
        results.set(entry.task, { kind: entry.outcome === 'retrying' ? 'retrying' : entry.outcome === 'failed' ? 'failed' : 'sent' });
      }
      return;
    }
    // Unrecorded, a failure costs nothing (the claim runs out and the email is tried again); an
    // accepted send stays in `delivered`, to be recorded, never sent again.
    if (appended.kind === 'unknown') {
      hold(ctx, pending.map((e) => e.task), 'recording what was sent', appended.error);
      return;
    }
  }
  for (const entry of entries) if (!results.has(entry.task)) results.set(entry.task, wait(ctx.nowMs()));
}

/**
 * Takes the due emails of one delivery stream one step further. Those another dispatcher holds,
 * or whose retry time has not come, wait. Those that no longer make sense or must not go out are
 * recorded as skipped. The rest are claimed in one append (of several dispatchers exactly one
 * wins it), sent side by side, and their outcomes recorded in one more append.
 */
export async function stepGroup(ctx: StepContext, stream: string, tasks: readonly Task[]): Promise<Map<Task, Step>> {
  const results = new Map<Task, Step>();
  for (let conflicts = 0; conflicts <= maxConflicts; ) {
    const nowMs = ctx.nowMs();
    const at = fromMillis(nowMs);
    const entries: Entry[] = [];
    const toSend: { task: Task; attempt: number }[] = [];
    const open = tasks.filter((t) => !results.has(t));
    if (open.length === 0) break;
    const candidates: { task: Task; attempt: number }[] = [];
    for (const task of open) {
      const d = ctx.deliveries.ledger.get(task.email.idempotencyKey);
      if (isFinal(d)) results.set(task, { kind: 'done' });
      else if (task.holdUntilMs > nowMs) results.set(task, wait(task.holdUntilMs));
      else if (task.delivered !== undefined && stillOurs(ctx, d, task.delivered.attempt)) entries.push(sentEntry(ctx, task, task.delivered.attempt));
      else if (d?.status === 'claimed' && (d.leaseUntilMs ?? 0) > nowMs) results.set(task, wait(d.leaseUntilMs ?? nowMs));
      else if (d?.status === 'retrying' && (d.retryAtMs ?? 0) > nowMs) results.set(task, wait(d.retryAtMs ?? nowMs));
      else candidates.push({ task, attempt: (d?.attempts ?? 0) + 1 });
    }
    // Skips first: a reminder that comes too late, an erased or suppressed recipient.
    const verdicts = await Promise.all(
      candidates.map(({ task }) =>
        task.delivered !== undefined
          ? Promise.resolve({ ok: true as const, skip: undefined })
          : skipOf(ctx, task.email, nowMs).then(
              (skip) => ({ ok: true as const, skip }),
              (error: unknown) => ({ ok: false as const, error }),
            ),
      ),
    );
    candidates.forEach(({ task, attempt }, i) => {
      const verdict = verdicts[i];
      const records = deliveryRecords(task.email, ctx.dispatcherId);
      if (verdict === undefined) return;
      if (!verdict.ok) results.set(task, hold(ctx, [task], 'asking whether the recipient may be written to', verdict.error));
      else if (verdict.skip !== undefined) entries.push({ task, event: records.skipped(at, verdict.skip.cause, verdict.skip.reason), outcome: 'skipped' });
      else if (task.delivered === undefined && attempt > ctx.retry.maxAttempts) {
        const detail = `claimed ${attempt - 1} times without a recorded outcome (dispatchers stopped or lost the store mid-send); giving up`;
        entries.push({ task, event: records.failed(at, attempt - 1, { permanent: false, reason: 'lease-expired', detail }), outcome: 'failed' });
      } else if (ctx.stopping()) results.set(task, wait(nowMs));
      else if (toSend.length < ctx.batch) {
        entries.push({ task, event: records.claimed(at, attempt, fromMillis(nowMs + ctx.leaseMs)) });
        // The mailer took this email under an earlier claim of ours: record it, never resend it.
        if (task.delivered !== undefined) {
          task.delivered = { ...task.delivered, attempt };
          entries.push(sentEntry(ctx, task, attempt));
        } else toSend.push({ task, attempt });
      }
      // Beyond the batch: left open for the next round.
    });
    if (entries.length === 0) break;

    const appended = await append(ctx, stream, entries.map((e) => e.event));
    if (appended.kind === 'conflict') {
      conflicts++;
      continue;
    }
    if (appended.kind === 'unknown') {
      const step = hold(ctx, entries.map((e) => e.task), 'recording claims and skips', appended.error);
      for (const { task } of entries) results.set(task, step);
      break;
    }
    for (const entry of entries) {
      if (entry.outcome === undefined) continue;
      logOutcome(ctx, entry);
      results.set(entry.task, { kind: entry.outcome === 'retrying' ? 'retrying' : entry.outcome });
    }
    const outcomes = await Promise.all(toSend.map(({ task, attempt }) => deliver(ctx, task, attempt)));
    await recordOutcomes(ctx, stream, outcomes, results);
  }
  for (const task of tasks) if (!results.has(task)) results.set(task, wait(ctx.nowMs()));
  return results;
}
