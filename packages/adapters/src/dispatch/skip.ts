import { isErasedEmail, type SkipCause } from '@rendezvous/domain';
import type { EmailToSend, OutgoingEmail } from '@rendezvous/notifications';
import { withDeadline } from './deadline';

/** The privacy check: a reason when this address must receive nothing (restricted, erased). */
export type Suppression = (email: string) => Promise<string | undefined>;

interface SkipContext {
  readonly meetingOver: (meetingId: string) => 'started' | 'cancelled' | undefined;
  readonly isSuppressed: Suppression | undefined;
  readonly storeTimeoutMs: number;
}

/** Why an email that fell due must not go out now after all. */
export interface Skip {
  readonly cause: SkipCause;
  readonly reason: string;
}

function asked(ctx: SkipContext, address: string): Promise<string | undefined> {
  if (ctx.isSuppressed === undefined) return Promise.resolve(undefined);
  return withDeadline(ctx.isSuppressed(address), ctx.storeTimeoutMs, 'the suppression check');
}

/**
 * Why `email` is not to be sent at `nowMs`, or undefined. A reminder that comes too late (the
 * dispatcher was down, or the mail server was) only confuses: once the meeting started, its
 * start passed or it was cancelled, the reminder is skipped. Erased and suppressed recipients
 * get nothing. Rejects when the suppression check fails: better late than to the wrong person.
 */
export async function skipOf(ctx: SkipContext, email: EmailToSend, nowMs: number): Promise<Skip | undefined> {
  if (email.notification === 'meeting-starts-soon') {
    const { meetingId, start } = email.meeting;
    const over = ctx.meetingOver(meetingId) ?? (email.meeting.status === 'cancelled' ? 'cancelled' : undefined);
    if (over === 'cancelled') {
      return { cause: 'meeting-cancelled', reason: `the meeting was cancelled after this reminder fell due at ${email.dueAt}, before it could be sent` };
    }
    if (over === 'started' || email.meeting.status === 'live' || email.meeting.status === 'completed') {
      return { cause: 'meeting-started', reason: `the meeting had started before this reminder (due ${email.dueAt}) could be sent` };
    }
    if (nowMs >= Date.parse(start)) {
      return { cause: 'meeting-started', reason: `the meeting's start (${start}) had passed before this reminder (due ${email.dueAt}) could be sent` };
    }
  }
  if (isErasedEmail(email.recipient.email)) return { cause: 'erased', reason: "the recipient's address was erased" };
  const suppressed = await asked(ctx, email.recipient.email);
  return suppressed === undefined ? undefined : { cause: 'suppressed', reason: suppressed.trim() === '' ? 'the recipient is suppressed' : suppressed };
}

/**
 * The email without the blind copies and the Reply-To whose people must not be written to or
 * named (restricted, erased: the plan may have been folded before the erasure). An address whose
 * check fails is left out too: the copy and the Reply-To are courtesies, the recipient's email is
 * what matters.
 */
export async function withoutSuppressedAddresses(ctx: SkipContext, email: OutgoingEmail): Promise<OutgoingEmail> {
  const replyTo = email.replyTo?.email;
  const addresses = replyTo === undefined ? email.bcc : [...email.bcc, replyTo];
  if (addresses.length === 0) return email;
  // Side by side: the checks must fit in the claim's lease however many addresses there are.
  const verdicts = await Promise.all(addresses.map((address) => (isErasedEmail(address) ? Promise.resolve('erased') : asked(ctx, address).catch(() => 'unknown'))));
  const kept = email.bcc.filter((_, i) => verdicts[i] === undefined);
  const keepReplyTo = replyTo === undefined || verdicts[email.bcc.length] === undefined;
  if (kept.length === email.bcc.length && keepReplyTo) return email;
  const { replyTo: _dropped, ...rest } = email;
  return keepReplyTo ? { ...email, bcc: kept } : { ...rest, bcc: kept };
}
