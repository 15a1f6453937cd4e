import { MailDeliveryError } from '../port';
import { classifySmtpError } from './classify';

const nodemailerError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('classifySmtpError', () => {
  it.each([
    ['a 421 greeting', { code: 'EPROTOCOL', responseCode: 421, response: '421 4.3.2 Service shutting down' }, 'transient', 'deferred'],
    ['a 503 bad sequence', { code: 'EENVELOPE', responseCode: 503, response: '503 5.5.1 Bad sequence', command: 'RCPT TO' }, 'transient', 'deferred'],
    ['a 535 login refusal (our setup, not the email)', { code: 'EAUTH', responseCode: 535, response: '535 5.7.8 Bad credentials' }, 'transient', 'authentication'],
    ['a refused connection', { code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, 'transient', 'connection'],
    ['a reset connection', { code: 'ESOCKET', originalCode: 'ECONNRESET' }, 'transient', 'connection'],
    ['a closed connection', { code: 'ECONNECTION' }, 'transient', 'connection'],
    ['a greeting timeout', { code: 'ETIMEDOUT' }, 'transient', 'timeout'],
    ['a DNS failure', { code: 'EDNS', originalCode: 'EAI_AGAIN' }, 'transient', 'dns'],
    ['a failed STARTTLS', { code: 'ETLS' }, 'transient', 'tls'],
    ['an unknown error', {}, 'transient', 'unknown'],
    ['a 554 refusal', { code: 'EMESSAGE', responseCode: 554, response: '554 5.7.1 Spam' }, 'permanent', 'rejected'],
    ['a refused sender', { code: 'EENVELOPE', responseCode: 550, response: '550 5.7.1 Relaying denied', command: 'MAIL FROM' }, 'permanent', 'rejected'],
    ['an unknown mailbox', { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 No such user', command: 'RCPT TO' }, 'permanent', 'invalid-address'],
    ['a 552 size refusal', { code: 'EMESSAGE', responseCode: 552, response: '552 5.3.4 Message too big' }, 'permanent', 'message-too-big'],
    ['a 554 with 5.3.4', { code: 'EMESSAGE', responseCode: 554, response: '554 5.3.4 Message too big for system' }, 'permanent', 'message-too-big'],
    ['an envelope error without a reply', { code: 'EENVELOPE' }, 'permanent', 'invalid-address'],
  ] as [string, Record<string, unknown>, string, string][])('%s is %s %s', (_, fields, kind, reason) => {
    const error = classifySmtpError(nodemailerError('Failed', fields), 'k-1');
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect({ kind: error.kind, reason: error.reason, key: error.idempotencyKey }).toEqual({ kind, reason, key: 'k-1' });
    expect(error.code).toBe(fields.responseCode);
  });

  it('says what the server answered and whether a retry can help', () => {
    const error = classifySmtpError(nodemailerError('Message failed', { code: 'EMESSAGE', responseCode: 451, response: '451 4.3.0 Try later' }), 'k-2');
    expect(error.message).toBe('email k-2 was not sent (transient, deferred): the server answered "451 4.3.0 Try later"; a later attempt may succeed');
    expect(error.response).toBe('451 4.3.0 Try later');
  });

  it('treats our own deadline as a transient timeout, whatever nodemailer reported', () => {
    const error = classifySmtpError(nodemailerError('This operation was aborted', { code: 'EABORT' }), 'k-3', 250);
    expect([error.kind, error.reason, error.message]).toEqual([
      'transient',
      'timeout',
      'email k-3 was not sent (transient, timeout): no answer within 250 ms; a later attempt may succeed',
    ]);
  });

  it('classifies a thrown non-error as transient and keeps a MailDeliveryError as it is', () => {
    expect(classifySmtpError('boom', 'k-4')).toMatchObject({ kind: 'transient', reason: 'unknown', message: expect.stringContaining('boom') });
    const given = new MailDeliveryError('permanent', 'invalid-address', 'bad');
    expect(classifySmtpError(given, 'k-5')).toBe(given);
  });
});
