import type { SMTPSentMessageInfo, SMTPTransportOptions, Transporter } from 'nodemailer';
import { createTransport } from '../../peers/nodemailer';
import { addressProblem } from '../envelope';
import { messageIdFor } from '../message-id';
import { toMimeMessage } from '../mime';
import { MailDeliveryError, type Mailer, type SendReceipt } from '../port';
import { classifySmtpError } from './classify';

/** Where the SMTP server is: a URL such as `smtp://host:587` (docs/CONTRACT.md §5 `SMTP_URL`) or nodemailer's transport options. */
export type SmtpConnection = { readonly url: string } | { readonly transport: SMTPTransportOptions };

/** Options of `createSmtpMailer`. */
export type SmtpMailerOptions = SmtpConnection & {
  /** Keep connections open and reuse them (default true). */
  readonly pool?: boolean;
  /** Open connections of the pool (default 3). */
  readonly maxConnections?: number;
  /** Deadline of one send, connecting included, in ms (default 30 000); past it the send fails as a transient timeout. */
  readonly timeoutMs?: number;
  /** The clock stamping `acceptedAt` (default: the wall clock). */
  readonly now?: () => Date;
};

function transportOptions(options: SmtpMailerOptions, timeoutMs: number): SMTPTransportOptions {
  const given: SMTPTransportOptions = 'url' in options ? { url: options.url } : options.transport;
  return {
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    ...given,
    // Never let message data make nodemailer read a local file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/**
 * A mailer that speaks SMTP through nodemailer (pooled by default). Each email goes out as the
 * shared MIME of `toMimeMessage`; failures reject with a classified `MailDeliveryError`.
 * A timeout after the message was transmitted can mean the server took it: the retry then
 * delivers a copy with the same Message-ID, which mail clients recognize.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const now = options.now ?? (() => new Date());
  const base = transportOptions(options, timeoutMs);
  const transporter: Transporter<SMTPSentMessageInfo> =
    options.pool === false
      ? createTransport(base)
      : createTransport({ ...base, pool: true, maxConnections: options.maxConnections ?? 3 });
  // A pooled connection can fail while idle; without a listener the 'error' event would crash the process.
  // The next send reconnects and reports its own, classified error.
  transporter.on('error', () => undefined);
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;

  async function deliver(email: Parameters<Mailer['send']>[0]): Promise<SendReceipt> {
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      const info = await transporter.sendMail({ ...toMimeMessage(email), signal: deadline });
      const rejected = info.rejected.map(String);
      return {
        messageId: messageIdFor(email),
        acceptedAt: now().toISOString(),
        ...(typeof info.response === 'string' ? { response: info.response } : {}),
        ...(rejected.length > 0 ? { rejected } : {}),
      };
    } catch (error) {
      throw classifySmtpError(error, email.idempotencyKey, deadline.aborted ? timeoutMs : undefined);
    }
  }

  return {
    async send(email) {
      if (closed) {
        throw new MailDeliveryError('transient', 'closed', `email ${email.idempotencyKey} was not sent: the SMTP mailer is closed`, {
          idempotencyKey: email.idempotencyKey,
        });
      }
      const invalid = addressProblem(email);
      if (invalid) throw invalid;
      const sending = deliver(email);
      inFlight.add(sending);
      try {
        return await sending;
      } finally {
        inFlight.delete(sending);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...inFlight]);
      transporter.close();
    },
  };
}
