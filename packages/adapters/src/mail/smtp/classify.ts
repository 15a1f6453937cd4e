import { MailDeliveryError, type MailFailureKind, type MailFailureReason } from '../port';

/** The fields nodemailer puts on the errors it hands back (all optional: any error may arrive). */
interface SmtpErrorFields {
  readonly code?: unknown;
  readonly originalCode?: unknown;
  readonly responseCode?: unknown;
  readonly response?: unknown;
  readonly command?: unknown;
  readonly message?: unknown;
}

const connectionCodes = new Set(['ECONNECTION', 'ESOCKET', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
const dnsCodes = new Set(['EDNS', 'ENOTFOUND', 'EAI_AGAIN']);
// Problems of our own setup (credentials, TLS, proxy, URL): every email would fail the same way,
// so none of them is the email's fault. Transient, so nothing is lost while someone fixes it.
const setupReasons: Record<string, MailFailureReason> = {
  EAUTH: 'authentication', ENOAUTH: 'authentication', EOAUTH2: 'authentication',
  ETLS: 'tls', EREQUIRETLS: 'tls', ECONFIG: 'configuration', EPROXY: 'configuration',
};

function classifyReply(code: number, response: string, command: string): [MailFailureKind, MailFailureReason] {
  // RFC 5321: 4yz is transient, 5yz permanent. 503 (bad sequence) says the session was in the
  // wrong state, not that the email was refused: a new connection can take it (nodemailer agrees).
  if (code < 500 || code >= 600 || code === 503) return ['transient', code >= 400 && code < 600 ? 'deferred' : 'protocol'];
  if (code === 552 || /\b5\.[23]\.[34]\b/.test(response)) return ['permanent', 'message-too-big'];
  if (/^RCPT/i.test(command) || /\b5\.1\.\d\b/.test(response)) return ['permanent', 'invalid-address'];
  return ['permanent', 'rejected'];
}

function classifyCode(code: string, original: string): [MailFailureKind, MailFailureReason] {
  const setup = setupReasons[code];
  if (setup) return ['transient', setup];
  if (code === 'ETIMEDOUT' || original === 'ETIMEDOUT') return ['transient', 'timeout'];
  if (dnsCodes.has(code) || dnsCodes.has(original)) return ['transient', 'dns'];
  if (connectionCodes.has(code) || connectionCodes.has(original)) return ['transient', 'connection'];
  if (code === 'EPROTOCOL') return ['transient', 'protocol'];
  // Without a reply code these come from nodemailer itself: no valid recipient, a message it cannot build.
  if (code === 'EENVELOPE' || code === 'EMAXRECIPIENTS') return ['permanent', 'invalid-address'];
  if (code === 'EMESSAGE' || code === 'ESTREAM') return ['permanent', 'invalid-message'];
  // Unknown: retrying is the safe side (the dispatcher bounds the attempts); a permanent verdict loses the email.
  return ['transient', 'unknown'];
}

/**
 * Turns whatever nodemailer rejected with into a `MailDeliveryError`: SMTP 4xx, timeouts, refused or
 * reset connections, DNS and setup problems are transient; 5xx, invalid addresses and messages too
 * big are permanent. `timedOutAfterMs` says our own per-send deadline fired (nodemailer then reports EABORT).
 */
export function classifySmtpError(error: unknown, idempotencyKey: string, timedOutAfterMs?: number): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const e: SmtpErrorFields = typeof error === 'object' && error !== null ? error : { message: String(error) };
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const response = text(e.response).trim();
  const [kind, reason]: [MailFailureKind, MailFailureReason] = timedOutAfterMs !== undefined
    ? ['transient', 'timeout']
    : setupReasons[text(e.code)] === undefined && responseCode !== undefined
      ? classifyReply(responseCode, response, text(e.command))
      : classifyCode(text(e.code), text(e.originalCode));
  const detail = timedOutAfterMs !== undefined
    ? `no answer within ${timedOutAfterMs} ms`
    : response !== '' ? `the server answered "${response}"` : text(e.message) || 'no detail';
  const hint = kind === 'transient' ? 'a later attempt may succeed' : 'retrying will not help';
  return new MailDeliveryError(kind, reason, `email ${idempotencyKey} was not sent (${kind}, ${reason}): ${detail}; ${hint}`, {
    ...(responseCode === undefined ? {} : { code: responseCode }),
    ...(response === '' ? {} : { response }),
    idempotencyKey,
    cause: error,
  });
}
