import { idempotencyKey, readIdempotencyKey } from './idempotency-key';

describe('idempotency keys', () => {
  it('read back into their parts, even when ids contain ":"', () => {
    const parts = { meetingId: 'm:1', notification: 'review', audience: 'guest', recipientId: 'g:2', triggerVersion: 12 } as const;
    const key = idempotencyKey(parts);
    expect(key).toBe('m:1:review:guest:g:2:12');
    expect(readIdempotencyKey(key)).toEqual([parts]);
  });

  it('read nothing from text that is not a key', () => {
    expect([readIdempotencyKey('m-1:review:guest:g-1'), readIdempotencyKey('m-1:hello:guest:g-1:0'), readIdempotencyKey('')]).toEqual([[], [], []]);
  });
});
