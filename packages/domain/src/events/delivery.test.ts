import * as E from 'fp-ts/Either';
import { decodeEvent, encodeEvent, isDeliveryEvent } from './catalogue';
import { streamOf } from './streams';

const key = 'm-1:meeting-scheduled:guest:g-1:0';
const sent = {
  type: 'EmailSent',
  occurredAt: '2026-03-01T10:00:00+01:00',
  data: {
    idempotencyKey: key,
    meetingId: 'm-1',
    notification: 'meeting-scheduled',
    audience: 'guest',
    recipientId: 'g-1',
    dueAt: '2026-03-01T09:00:00Z',
    messageId: '<0123456789abcdef0123456789abcdef@meet.example.com>',
    dispatcherId: 'web-1-4711',
    attempt: 1,
  },
};

const message = (raw: unknown): string => {
  const decoded = decodeEvent(raw);
  return E.isLeft(decoded) ? decoded.left.message : 'decoded';
};

describe('the delivery events', () => {
  it('decode through the catalogue, live in the stream of their email and round-trip', () => {
    const decoded = decodeEvent(sent);
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    expect(decoded.right.occurredAt).toBe('2026-03-01T09:00:00Z');
    expect(isDeliveryEvent(decoded.right)).toBe(true);
    expect(streamOf(decoded.right)).toBe('emails-m-1@2026-03-01T09:00:00Z');
    expect(decodeEvent(encodeEvent(decoded.right))).toEqual(decoded);
  });

  it('name what is wrong with a malformed record', () => {
    expect(message({ ...sent, data: { ...sent.data, messageId: 'no-brackets@x', attempt: 0 } })).toBe(
      'data.messageId: must be a Message-ID such as <id@example.com>\ndata.attempt: must be a whole number from 1 to 10000',
    );
    expect(
      message({ type: 'EmailFailed', occurredAt: '2026-03-01T09:00:00Z', data: { idempotencyKey: 'a b', meetingId: 'm-1', dueAt: '2026-03-01T09:00:00Z', dispatcherId: 'd', attempt: 1, permanent: true, reason: 'Rejected!', detail: ' ' } }),
    ).toBe(
      'data.idempotencyKey: must be an idempotency key of 1 to 512 visible ASCII characters\ndata.reason: must be a lower-case word such as "timeout"\ndata.detail: must be a non-empty string',
    );
    expect(message({ type: 'EmailSkipped', occurredAt: '2026-03-01T09:00:00Z', data: { idempotencyKey: key, meetingId: 'm-1', dueAt: '2026-03-01T09:00:00Z', cause: 'bored', reason: 'x' } })).toBe(
      'data.cause: must be one of "meeting-started", "meeting-cancelled", "suppressed", "erased"',
    );
  });

  it('are not meeting facts', () => {
    const decoded = decodeEvent({ type: 'MeetingStarted', occurredAt: '2026-03-01T09:00:00Z', data: { meetingId: 'm-1' } });
    expect(E.isRight(decoded) && isDeliveryEvent(decoded.right)).toBe(false);
  });
});
