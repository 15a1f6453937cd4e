import fc from 'fast-check';
import type { NotificationId } from '@rendezvous/domain';
import { notificationIds } from '@rendezvous/domain';
import { idempotencyKey, readIdempotencyKey, type KeyParts } from './idempotency-key';

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

// The plain way to read a key, kept here as the reference the faster reader must agree with.
function readBySplitting(key: string): KeyParts[] {
  const parts = key.split(':');
  const version = parts[parts.length - 1] ?? '';
  if (!/^\d+$/.test(version)) return [];
  const readings: KeyParts[] = [];
  for (let at = 1; at + 3 < parts.length; at++) {
    const [notification, audience] = [parts[at] as NotificationId, parts[at + 1]];
    if (!notificationIds.includes(notification) || (audience !== 'user' && audience !== 'guest')) continue;
    readings.push({ meetingId: parts.slice(0, at).join(':'), notification, audience, recipientId: parts.slice(at + 2, -1).join(':'), triggerVersion: Number(version) });
  }
  return readings;
}

describe('reading keys, property', () => {
  it('finds exactly the readings that splitting on ":" finds, for keys and near-keys', () => {
    const piece = fc.oneof(fc.constantFrom('', 'm', 'g-1', 'user', 'guest', 'review', 'wrap-up', '7', '007', 'x:y'), fc.string({ maxLength: 4 }));
    const parts = fc.record({
      meetingId: piece,
      notification: fc.constantFrom(...notificationIds),
      audience: fc.constantFrom('user' as const, 'guest' as const),
      recipientId: piece,
      triggerVersion: fc.nat(),
    });
    const text = fc.oneof(
      parts.map((p) => idempotencyKey(p)),
      // a key with some of its parts left out
      parts.chain((p) => fc.subarray([p.meetingId, p.notification, p.audience, p.recipientId, String(p.triggerVersion)])).map((ps) => ps.join(':')),
      fc.array(piece, { maxLength: 8 }).map((ps) => ps.join(':')),
    );
    fc.assert(
      fc.property(text, (key) => {
        expect(readIdempotencyKey(key)).toEqual(readBySplitting(key));
      }),
      { numRuns: 3000 },
    );
  });
});
