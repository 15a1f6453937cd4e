import type { OutgoingEmail } from '@rendezvous/notifications';
import { addressProblem } from '../envelope';
import { messageIdFor } from '../message-id';
import { MailDeliveryError, type MailFailureKind, type MailFailureReason, type Mailer, type SendReceipt } from '../port';

/** An email the in-memory mailer accepted. */
export interface SentEmail {
  readonly email: OutgoingEmail;
  readonly messageId: string;
  readonly acceptedAt: string;
}

/** Options of `createInMemoryMailer`. */
export interface InMemoryMailerOptions {
  /** The clock stamping `acceptedAt` (default: the wall clock). */
  readonly now?: () => Date;
  /** How long a hung send waits before failing as a transient timeout; default: until `close()`. */
  readonly hangTimeoutMs?: number;
}

/** A mailer that keeps what it sends, with hooks to make sends fail: the dispatcher's test double. */
export interface InMemoryMailer extends Mailer {
  /** Every accepted email in the order sent. Duplicates are kept, so a test can see a double send. */
  sent(): readonly SentEmail[];
  /** How many times `send` was called, failures included. */
  attempts(): number;
  /** Forgets sent emails, attempts and pending faults. */
  clear(): void;
  /** The next `count` sends fail with this kind (reason default: `deferred` / `rejected`). */
  failNext(count: number, kind: MailFailureKind, reason?: MailFailureReason): void;
  /** The next `count` sends never answer: they fail as a transient timeout after `timeoutMs`, or at `close()`. */
  hangNext(count?: number, timeoutMs?: number): void;
  /** Every send of an email the predicate picks fails with the kind it returns (undefined: no fault). */
  failWhen(predicate: ((email: OutgoingEmail) => MailFailureKind | undefined) | undefined): void;
}

type Fault =
  | { readonly type: 'fail'; readonly kind: MailFailureKind; readonly reason: MailFailureReason }
  | { readonly type: 'hang'; readonly timeoutMs: number | undefined };

/** Creates an in-memory mailer (see `InMemoryMailer`). */
export function createInMemoryMailer(options: InMemoryMailerOptions = {}): InMemoryMailer {
  const now = options.now ?? (() => new Date());
  let sent: SentEmail[] = [];
  let faults: Fault[] = [];
  let attempts = 0;
  let predicate: ((email: OutgoingEmail) => MailFailureKind | undefined) | undefined;
  let closed = false;
  const hanging = new Set<() => void>();

  const failure = (email: OutgoingEmail, kind: MailFailureKind, reason: MailFailureReason, why: string) =>
    new MailDeliveryError(kind, reason, `email ${email.idempotencyKey} was not sent: ${why} (${kind})`, {
      idempotencyKey: email.idempotencyKey,
    });

  const hang = (email: OutgoingEmail, timeoutMs: number | undefined) =>
    new Promise<never>((_, reject) => {
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              hanging.delete(onClose);
              reject(failure(email, 'transient', 'timeout', `no answer within ${timeoutMs} ms (injected hang)`));
            }, timeoutMs);
      const onClose = () => {
        if (timer !== undefined) clearTimeout(timer);
        reject(failure(email, 'transient', 'closed', 'the mailer was closed while the send hung'));
      };
      hanging.add(onClose);
    });

  return {
    async send(email) {
      attempts += 1;
      if (closed) throw failure(email, 'transient', 'closed', 'the mailer is closed');
      const invalid = addressProblem(email);
      if (invalid) throw invalid;
      const fault = faults.shift();
      if (fault?.type === 'fail') throw failure(email, fault.kind, fault.reason, `injected ${fault.reason} failure`);
      if (fault?.type === 'hang') return hang(email, fault.timeoutMs);
      const picked = predicate?.(email);
      if (picked) throw failure(email, picked, picked === 'permanent' ? 'rejected' : 'deferred', 'refused by failWhen');
      const receipt: SendReceipt & SentEmail = { email, messageId: messageIdFor(email), acceptedAt: now().toISOString() };
      sent.push(receipt);
      return { messageId: receipt.messageId, acceptedAt: receipt.acceptedAt, response: '250 accepted in memory' };
    },
    async close() {
      closed = true;
      for (const wake of [...hanging]) wake();
      hanging.clear();
    },
    sent: () => [...sent],
    attempts: () => attempts,
    clear() {
      sent = [];
      faults = [];
      attempts = 0;
      predicate = undefined;
    },
    failNext(count, kind, reason) {
      const fault: Fault = { type: 'fail', kind, reason: reason ?? (kind === 'permanent' ? 'rejected' : 'deferred') };
      faults.push(...Array.from({ length: count }, () => fault));
    },
    hangNext(count = 1, timeoutMs = options.hangTimeoutMs) {
      faults.push(...Array.from({ length: count }, (): Fault => ({ type: 'hang', timeoutMs })));
    },
    failWhen(next) {
      predicate = next;
    },
  };
}
