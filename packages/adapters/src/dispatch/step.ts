import { emailStream, fromMillis, type DeliveryEvent } from '@rendezvous/domain';
import type { EmailToSend, OutgoingEmail, Renderer } from '@rendezvous/notifications';
import { asMailDeliveryError, MailDeliveryError, type Mailer, type SendReceipt } from '../mail/port';
import { messageIdFor } from '../mail/message-id';
import type { EventStore, ExpectedVersion } from '../store/port';
import { DeadlineError, withDeadline } from './deadline';
import { isFinal } from './ledger';
import type { Projection } from './projection';
import { deliveryRecords } from './records';
import type { DispatchLogEntry, EmailOutcome } from './report';
import { retryDelayMs, type RetryPolicy } from './retry-delay';
import { skipOf, withoutSuppressedBcc, type Suppression } from './skip';
import type { Step, Task } from './task';

/** Everything one step needs: the ports, the projection, the settings. */
export interface StepContext {
  readonly store: EventStore;
  readonly mailer: Mailer;
  readonly renderer: Renderer;
  readonly projection: Projection;
  readonly dispatcherId: string;
  readonly leaseMs: number;
  readonly retry: RetryPolicy;
  readonly sendTimeoutMs: number;
  readonly storeTimeoutMs: number;
  /** How long to leave an email alone after the store did not answer (clock time). */
  readonly holdMs: number;
  readonly isSuppressed: Suppression | undefined;
  readonly log: (entry: DispatchLogEntry) => void;
  /** The clock, in epoch ms. */
  readonly nowMs: () => number;
  /** True once stop() was asked for: no new claims. */
  readonly stopping: () => boolean;
}

type Appended = { readonly kind: 'ok'; readonly version: number } | { readonly kind: 'conflict' } | { readonly kind: 'unknown'; readonly error: unknown };

const isConflict = (error: unknown): boolean => typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'VersionConflict';
const expectedAfter = (version: number | undefined): ExpectedVersion => (version === undefined ? { kind: 'noStream' } : { kind: 'exact', version });
const wait = (untilMs: number): Step => ({ kind: 'wait', untilMs });
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Appends one step to the email's stream; a lost race re-reads the stream so the ledger is current. */
async function append(ctx: StepContext, event: DeliveryEvent, expected: ExpectedVersion): Promise<Appended> {
  const stream = emailStream(event.data.idempotencyKey);
  try {
    const result = await withDeadline(ctx.store.append(stream, [event], expected), ctx.storeTimeoutMs, `appending ${event.type} to ${stream}`);
    ctx.projection.recordOwn(result.nextVersion, event);
    return { kind: 'ok', version: result.nextVersion };
  } catch (error) {
    if (!isConflict(error)) return { kind: 'unknown', error };
    await ctx.projection.refresh(ctx.store, stream, ctx.storeTimeoutMs);
    return { kind: 'conflict' };
  }
}

function logOutcome(ctx: StepContext, email: EmailToSend, outcome: EmailOutcome, attempt: number, extra: { messageId?: string; reason?: string; retryAt?: string }): void {
  const nowMs = ctx.nowMs();
  const level = outcome === 'sent' || outcome === 'skipped' ? 'info' : outcome === 'retrying' ? 'warn' : 'error';
  ctx.log({
    kind: 'email',
    level,
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
    attempt,
    ...extra,
  });
}

function storeTrouble(ctx: StepContext, task: Task, what: string, error: unknown): Step {
  task.holdUntilMs = ctx.nowMs() + ctx.holdMs;
  ctx.log({
    kind: 'dispatcher',
    level: 'warn',
    msg: `${what}: the store did not answer; trying again later`,
    at: fromMillis(ctx.nowMs()),
    dispatcherId: ctx.dispatcherId,
    detail: `${task.email.idempotencyKey}: ${describe(error)}`,
  });
  return wait(task.holdUntilMs);
}

/** Records the send the mailer accepted under our claim at `claimVersion`. */
async function recordSent(ctx: StepContext, task: Task, claimVersion: number, attempt: number): Promise<Step> {
  const delivered = task.delivered;
  if (delivered === undefined) throw new Error(`dispatcher: ${task.email.idempotencyKey} has no accepted send to record`);
  const at = fromMillis(ctx.nowMs());
  const event = deliveryRecords(task.email, ctx.dispatcherId).sent(at, attempt, delivered.messageId, delivered.messageId, delivered.refused);
  const appended = await append(ctx, event, { kind: 'exact', version: claimVersion });
  if (appended.kind === 'ok') {
    logOutcome(ctx, task.email, 'sent', attempt, { messageId: event.data.messageId });
    return { kind: 'sent' };
  }
  if (appended.kind === 'unknown') return storeTrouble(ctx, task, 'recording a sent email', appended.error);
  // Our lease ran out and another dispatcher claimed the email: it sends a copy (same Message-ID).
  return isFinal(ctx.projection.ledger.get(task.email.idempotencyKey)) ? { kind: 'done' } : wait(ctx.nowMs());
}

/** Why an attempt failed: a mailer's MailDeliveryError, or the dispatcher's own (render). */
interface Failure {
  readonly kind: 'transient' | 'permanent';
  readonly reason: string;
  readonly message: string;
}

/** Records a failed attempt: once and for good when permanent or the last one, else with a retry time. */
async function recordFailure(ctx: StepContext, task: Task, claimVersion: number, attempt: number, failure: Failure): Promise<Step> {
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
  const appended = await append(ctx, event, { kind: 'exact', version: claimVersion });
  if (appended.kind === 'ok') {
    logOutcome(ctx, task.email, final ? 'failed' : 'retrying', attempt, { reason: event.data.detail, ...(retryAt === undefined ? {} : { retryAt }) });
    return final ? { kind: 'failed' } : { kind: 'retrying' };
  }
  // Unrecorded, the claim simply runs out and the email is tried again then.
  if (appended.kind === 'unknown') return storeTrouble(ctx, task, 'recording a failed attempt', appended.error);
  return wait(nowMs);
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

/** Renders and sends under our claim, then records what happened. */
async function deliver(ctx: StepContext, task: Task, claimVersion: number, attempt: number): Promise<Step> {
  const { email } = task;
  let outgoing: OutgoingEmail;
  try {
    outgoing = await withoutSuppressedBcc(ctx, ctx.renderer.render(email));
  } catch (error) {
    // A template that cannot render will not render on the next attempt either.
    const failure: Failure = { kind: 'permanent', reason: 'render', message: `email ${email.idempotencyKey} could not be rendered: ${describe(error)}` };
    return recordFailure(ctx, task, claimVersion, attempt, failure);
  }
  let receipt: SendReceipt;
  try {
    receipt = await send(ctx, outgoing);
  } catch (error) {
    return recordFailure(ctx, task, claimVersion, attempt, asMailDeliveryError(error, email.idempotencyKey));
  }
  const fallback = messageIdFor(outgoing);
  const messageId = /^<[\x21-\x7e]{1,995}>$/.test(receipt.messageId) ? receipt.messageId : fallback;
  task.delivered = { messageId, refused: receipt.rejected?.length ?? 0, claimVersion };
  return recordSent(ctx, task, claimVersion, attempt);
}

/**
 * Takes one due email one step further: waits while someone holds it, skips it when it no longer
 * makes sense or must not go out, else claims it (one append on the version seen: of several
 * dispatchers exactly one wins), sends it and records the outcome.
 */
export async function step(ctx: StepContext, task: Task, retried = false): Promise<Step> {
  const { email } = task;
  const key = email.idempotencyKey;
  const nowMs = ctx.nowMs();
  const record = ctx.projection.ledger.get(key);
  if (isFinal(record)) return { kind: 'done' };
  if (task.holdUntilMs > nowMs) return wait(task.holdUntilMs);
  if (task.delivered !== undefined && record?.status === 'claimed' && record.version === task.delivered.claimVersion) {
    return recordSent(ctx, task, record.version, record.attempts);
  }
  if (record?.status === 'claimed' && (record.leaseUntilMs ?? 0) > nowMs) return wait(record.leaseUntilMs ?? nowMs);
  if (record?.status === 'retrying' && (record.retryAtMs ?? 0) > nowMs) return wait(record.retryAtMs ?? nowMs);

  const expected = expectedAfter(record?.version);
  const attempt = (record?.attempts ?? 0) + 1;
  const records = deliveryRecords(email, ctx.dispatcherId);
  const at = fromMillis(nowMs);
  let next: DeliveryEvent | undefined;
  if (task.delivered === undefined) {
    let skip: Awaited<ReturnType<typeof skipOf>>;
    try {
      skip = await skipOf(ctx, email, nowMs);
    } catch (error) {
      return storeTrouble(ctx, task, 'asking whether the recipient may be written to', error);
    }
    if (skip !== undefined) next = records.skipped(at, skip.cause, skip.reason);
    else if (attempt > ctx.retry.maxAttempts) {
      const detail = `claimed ${attempt - 1} times without a recorded outcome (dispatchers stopped or lost the store mid-send); giving up`;
      next = records.failed(at, attempt - 1, { permanent: false, reason: 'lease-expired', detail });
    }
  }
  if (ctx.stopping() && next === undefined) return wait(nowMs);
  const leaseUntil = fromMillis(nowMs + ctx.leaseMs);
  const appended = await append(ctx, next ?? records.claimed(at, attempt, leaseUntil), expected);
  if (appended.kind === 'unknown') return storeTrouble(ctx, task, `recording ${next?.type ?? 'a claim'}`, appended.error);
  if (appended.kind === 'conflict') return retried ? wait(nowMs) : step(ctx, task, true);
  if (next?.type === 'EmailSkipped') {
    logOutcome(ctx, email, 'skipped', 0, { reason: next.data.reason });
    return { kind: 'skipped' };
  }
  if (next?.type === 'EmailFailed') {
    logOutcome(ctx, email, 'failed', attempt - 1, { reason: next.data.detail });
    return { kind: 'failed' };
  }
  // The mailer already took this email under an earlier claim of ours: record it, do not resend.
  if (task.delivered !== undefined) {
    task.delivered = { ...task.delivered, claimVersion: appended.version };
    return recordSent(ctx, task, appended.version, attempt);
  }
  return deliver(ctx, task, appended.version, attempt);
}
