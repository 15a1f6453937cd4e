import type { EmailToSend } from '@rendezvous/notifications';

/**
 * A due email this dispatcher took from the plan and has not seen to the end: it stays here,
 * whoever holds it, until its stream records a final outcome. So an email claimed by a
 * dispatcher that then dies is still known to the others, who take it over when the lease ends.
 */
export interface Task {
  readonly email: EmailToSend;
  /** The delivery stream it shares with the meeting's other emails due at the same time. */
  readonly stream: string;
  /** Not before this time (epoch ms, clock time): set after the store failed to answer. */
  holdUntilMs: number;
  /**
   * Set once the mailer accepted the email under our claim (attempt `attempt`) but the record
   * did not make it to the store: the next step records it, and never sends it again.
   */
  delivered?: { readonly messageId: string; readonly refused: number; readonly attempt: number };
}

/** What one look at a task came to. */
export type Step =
  | { readonly kind: 'sent' | 'retrying' | 'failed' | 'skipped' | 'done' }
  /** Nothing to do before `untilMs` (a lease, a retry time, a hold). */
  | { readonly kind: 'wait'; readonly untilMs: number };
