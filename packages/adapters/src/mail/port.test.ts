import { asMailDeliveryError, isMailDeliveryError, MailDeliveryError } from './port';

describe('MailDeliveryError', () => {
  it('carries kind, reason, reply code and key', () => {
    const error = new MailDeliveryError('permanent', 'rejected', 'refused', { code: 554, response: '554 no', idempotencyKey: 'k' });
    expect([error.name, error.type, error.kind, error.reason, error.code, error.response, error.idempotencyKey]).toEqual([
      'MailDeliveryError', 'MailDelivery', 'permanent', 'rejected', 554, '554 no', 'k',
    ]);
    expect(error).toBeInstanceOf(Error);
  });

  it('is recognized by its tag too (another copy of the module)', () => {
    expect(isMailDeliveryError({ type: 'MailDelivery', kind: 'transient' })).toBe(true);
    expect(isMailDeliveryError(new Error('x'))).toBe(false);
  });
});

describe('asMailDeliveryError', () => {
  it('keeps a classified error and wraps anything else as transient unknown', () => {
    const given = new MailDeliveryError('permanent', 'invalid-address', 'bad');
    expect(asMailDeliveryError(given, 'k')).toBe(given);
    expect(asMailDeliveryError(new TypeError('boom'), 'k-9')).toMatchObject({
      kind: 'transient',
      reason: 'unknown',
      idempotencyKey: 'k-9',
      message: 'email k-9 was not sent (transient, unknown): boom',
    });
  });
});
