import type { OutgoingEmail } from '@rendezvous/notifications';

/** What a mailer reports once a server (or a folder, or memory) has taken an email. */
export interface SendReceipt {
  /** The RFC 5322 Message-ID the email went out with (see `messageIdFor`). */
  readonly messageId: string;
  /** When the mailer saw it accepted, ISO 8601 UTC. */
  readonly acceptedAt?: string;
  /** The server's last reply, e.g. `250 OK: queued as 4f2a`. */
  readonly response?: string;
  /**
   * Recipients the server refused while it accepted the others. The email went out, so it is not
   * an error (retrying would send it again to everyone who got it); the dispatcher may record these.
   */
  readonly rejected?: readonly string[];
}

/**
 * The mail port: the live dispatcher and the replay hand rendered emails to one of these.
 * Failures reject with `MailDeliveryError`, whose `kind` tells whether a retry can help.
 */
export interface Mailer {
  /** Sends one email; resolves once it has been accepted for delivery. */
  send(email: OutgoingEmail): Promise<SendReceipt>;
  /** Waits for sends in flight, then releases connections and files. Later sends fail as transient `closed`. */
  close(): Promise<void>;
}

/** `transient`: the same email may go through later, retry it. `permanent`: it never will, record it once. */
export type MailFailureKind = 'transient' | 'permanent';

/** Why a send failed, coarse enough to count and alert on. */
export type MailFailureReason =
  // transient: the server, the network or our own side is not ready now
  | 'deferred' // the server answered 4xx (or 503: wrong session state)
  | 'timeout'
  | 'connection' // refused, reset, closed mid-session
  | 'dns'
  | 'tls'
  | 'authentication' // our credentials: a setup problem, not the email's fault
  | 'protocol' // an answer that is not SMTP
  | 'configuration'
  | 'storage' // the outbox folder could not be written
  | 'closed' // the mailer was closed (shutting down): the next process should send it
  | 'unknown'
  // permanent: this email cannot be delivered as it is
  | 'rejected' // the server answered 5xx
  | 'invalid-address'
  | 'message-too-big'
  | 'invalid-message';

/** Optional details of a `MailDeliveryError`. */
export interface MailDeliveryDetails {
  /** SMTP reply code when a server answered, e.g. 451 or 550. */
  readonly code?: number;
  /** The server's reply text, when there was one. */
  readonly response?: string;
  /** The idempotency key of the email that failed. */
  readonly idempotencyKey?: string;
  readonly cause?: unknown;
}

/** A send that failed, classified so the dispatcher can decide between retrying and recording it once. */
export class MailDeliveryError extends Error {
  readonly type = 'MailDelivery' as const;
  readonly code?: number;
  readonly response?: string;
  readonly idempotencyKey?: string;

  constructor(
    readonly kind: MailFailureKind,
    readonly reason: MailFailureReason,
    message: string,
    details: MailDeliveryDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'MailDeliveryError';
    if (details.code !== undefined) this.code = details.code;
    if (details.response !== undefined) this.response = details.response;
    if (details.idempotencyKey !== undefined) this.idempotencyKey = details.idempotencyKey;
  }
}

/** True for a `MailDeliveryError` (also across module copies, by its `type` tag). */
export function isMailDeliveryError(error: unknown): error is MailDeliveryError {
  return error instanceof MailDeliveryError || (typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'MailDelivery');
}

/**
 * Any error a mailer rejected with, as a `MailDeliveryError`: classified ones as they are, anything
 * else (a bug, a third-party mailer) as transient `unknown`, since a permanent verdict would lose the email.
 */
export function asMailDeliveryError(error: unknown, idempotencyKey: string): MailDeliveryError {
  if (isMailDeliveryError(error)) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new MailDeliveryError('transient', 'unknown', `email ${idempotencyKey} was not sent (transient, unknown): ${detail}`, {
    idempotencyKey,
    cause: error,
  });
}
