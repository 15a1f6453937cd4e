import type { Audience, NotificationId } from '@rendezvous/domain';

/** What one tick did. */
export interface TickReport {
  /** The clock's time the tick judged by. */
  readonly now: string;
  readonly sent: number;
  /** Attempts that failed and will be tried again. */
  readonly retrying: number;
  /** Emails recorded as failed for good (permanent failure, or attempts used up). */
  readonly failed: number;
  readonly skipped: number;
  /** Due emails left for later: another dispatcher holds them, their retry time has not come, or the store did not answer. */
  readonly waiting: number;
  /** When something next falls due (for a loop or a virtual clock); absent when nothing is pending. */
  readonly nextWakeAt?: string;
  /** Why the tick could not look at the store: nothing was sent then. */
  readonly error?: string;
}

/** What became of one attempt at one email. */
export type EmailOutcome = 'sent' | 'retrying' | 'failed' | 'skipped';

/** One structured log line per email sent, retried, failed or skipped. No addresses: ids only. */
export interface EmailLogEntry {
  readonly kind: 'email';
  readonly level: 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly outcome: EmailOutcome;
  /** The clock's time of the outcome. */
  readonly at: string;
  readonly dispatcherId: string;
  readonly idempotencyKey: string;
  readonly meetingId: string;
  readonly notification: NotificationId;
  readonly audience: Audience;
  readonly recipientId: string;
  readonly dueAt: string;
  /** How long after its due time the email was handled. */
  readonly lateMs: number;
  /** 0 when skipped before any attempt. */
  readonly attempt: number;
  readonly messageId?: string;
  readonly reason?: string;
  readonly retryAt?: string;
}

/** A line about the dispatcher itself: started, stopped, a store it cannot read. */
export interface DispatcherLogEntry {
  readonly kind: 'dispatcher';
  readonly level: 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly at: string;
  readonly dispatcherId: string;
  readonly detail?: string;
}

/** What the dispatcher logs. */
export type DispatchLogEntry = EmailLogEntry | DispatcherLogEntry;
