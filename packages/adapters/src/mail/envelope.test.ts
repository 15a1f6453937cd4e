import { sampleOutgoingEmail } from '../testing/mailer-contract';
import { addressProblem, envelopeRecipients, oneLine } from './envelope';

describe('oneLine', () => {
  it('turns line breaks and control characters into one space', () => {
    expect(oneLine(' Jan\r\nBcc: x\u2028y\u0000z\t ')).toBe('Jan Bcc: x y z');
  });
});

describe('envelopeRecipients', () => {
  it('lists to then bcc, each address once regardless of case', () => {
    const email = sampleOutgoingEmail({ to: [{ name: 'A', email: 'a@x.nl' }], bcc: ['b@x.nl', 'A@X.nl', 'b@x.nl'] });
    expect(envelopeRecipients(email)).toEqual(['a@x.nl', 'b@x.nl']);
  });
});

describe('addressProblem', () => {
  it('accepts valid addresses', () => {
    expect(addressProblem(sampleOutgoingEmail())).toBeUndefined();
  });

  it('names the field of an invalid address, as a permanent failure', () => {
    const email = sampleOutgoingEmail({ to: [{ name: 'A', email: 'a@x.nl' }, { name: 'B', email: 'b@x.nl\r\nBcc: c@x.nl' }] });
    expect(addressProblem(email)).toMatchObject({
      kind: 'permanent',
      reason: 'invalid-address',
      message: `email ${email.idempotencyKey} cannot be sent: to.1: "b@x.nl\\r\\nBcc: c@x.nl" is not an email address`,
    });
  });

  it('refuses an email without recipients', () => {
    expect(addressProblem(sampleOutgoingEmail({ to: [] }))?.message).toMatch(/to: the email has no recipient$/);
  });
});
