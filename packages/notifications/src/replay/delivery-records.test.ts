import * as E from 'fp-ts/Either';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replay } from './replay';

// A history exported from a live store carries the dispatcher's delivery records beside the
// facts. The replay must accept them and predict exactly what it predicts without them.
const history = JSON.parse(readFileSync(join(__dirname, '../../../../examples/histories/rule-01-meeting-scheduled.json'), 'utf8')) as {
  type: string;
  occurredAt: string;
  data: { meetingId?: string };
}[];

describe('replay of a history with delivery records', () => {
  it('accepts EmailClaimed, EmailSent, EmailFailed and EmailSkipped and predicts the same emails', () => {
    const plain = replay(history);
    if (E.isLeft(plain)) throw new Error(plain.left.message);
    const first = plain.right[0];
    if (first === undefined) throw new Error('the golden history sends emails');
    const at = first.sentAt;
    const base = { idempotencyKey: first.idempotencyKey, meetingId: first.meetingId, dueAt: at };
    const records = [
      { type: 'EmailClaimed', occurredAt: at, data: { ...base, dispatcherId: 'd-1', attempt: 1, leaseUntil: at } },
      { type: 'EmailFailed', occurredAt: at, data: { ...base, dispatcherId: 'd-1', attempt: 1, permanent: false, reason: 'timeout', detail: 'no answer', retryAt: at } },
      {
        type: 'EmailSent',
        occurredAt: at,
        data: { ...base, dispatcherId: 'd-1', attempt: 2, notification: first.notification, audience: first.audience, recipientId: 'r-1', messageId: '<abc@example.com>' },
      },
      { type: 'EmailSkipped', occurredAt: at, data: { ...base, cause: 'suppressed', reason: 'the recipient asked to stop processing' } },
    ];
    const index = history.findIndex((r) => r.occurredAt > at);
    const withRecords = index < 0 ? [...history, ...records] : [...history.slice(0, index), ...records, ...history.slice(index)];
    expect(replay(withRecords)).toEqual(plain);
  });
});

describe('delivery records out of time order', () => {
  it('are not held to the order of the facts (two dispatchers with slightly different clocks)', () => {
    const plain = replay(history);
    if (E.isLeft(plain)) throw new Error(plain.left.message);
    const first = plain.right[0];
    const last = history[history.length - 1];
    if (first === undefined || last === undefined) throw new Error('the golden history sends emails');
    const early = '2020-01-01T00:00:00Z';
    const skipped = {
      type: 'EmailSkipped',
      occurredAt: early,
      data: { idempotencyKey: first.idempotencyKey, meetingId: first.meetingId, dueAt: first.sentAt, cause: 'suppressed', reason: 'restricted' },
    };
    expect(replay([...history, skipped])).toEqual(plain);
  });

  it('must still decode', () => {
    const broken = { type: 'EmailSent', occurredAt: '2026-03-02T09:00:00Z', data: { meetingId: 'm-1' } };
    const result = replay([...history, broken]);
    expect(E.isLeft(result) && result.left.message).toMatch(new RegExp(`^record ${history.length} \\(EmailSent\\): data\\.`));
  });
});
