import { createHash } from 'node:crypto';
import { messageIdFor } from './message-id';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('messageIdFor', () => {
  const email = { idempotencyKey: 'meeting-scheduled/m-1/guest/g-1/0', from: { name: 'Acme', email: 'no-reply@Meet.Acme.com' } };

  it('is the key hash at the sender domain, lower-cased', () => {
    expect(messageIdFor(email)).toBe(`<${sha(email.idempotencyKey).slice(0, 32)}@meet.acme.com>`);
  });

  it('is the same on every call and differs per key', () => {
    expect(messageIdFor({ ...email })).toBe(messageIdFor(email));
    expect(messageIdFor({ ...email, idempotencyKey: 'meeting-scheduled/m-1/guest/g-2/0' })).not.toBe(messageIdFor(email));
  });

  it('writes an internationalized sender domain in punycode', () => {
    expect(messageIdFor({ ...email, from: { name: 'x', email: 'info@bücher.example' } })).toMatch(/@xn--bcher-kva\.example>$/);
  });

  it('falls back to a reserved domain when the sender has none', () => {
    expect(messageIdFor({ ...email, from: { name: 'x', email: 'nobody' } })).toMatch(/@rendezvous\.invalid>$/);
  });
});
