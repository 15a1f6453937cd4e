import * as E from 'fp-ts/Either';
import { decodeEvent, encodeEvent } from './catalogue';

const scheduled = {
  type: 'MeetingScheduled',
  occurredAt: '2026-03-01T10:00:00+01:00',
  data: {
    meetingId: 'm-1',
    accountId: 'acc-1',
    meetingType: { name: 'Intro call', durationMinutes: 30 },
    start: '2026-03-02T09:00:00Z',
    host: { userId: 'u-1', name: 'Hanna Host', email: 'hanna@example.com', timezone: 'Europe/Amsterdam' },
    guests: [{ guestId: 'g-1', name: 'Gus Guest', email: 'gus@example.com' }],
    createdBy: 'guest',
  },
};

describe('the event catalogue', () => {
  it('decodes an event and normalizes its instants to UTC', () => {
    const decoded = decodeEvent(scheduled);
    expect(E.isRight(decoded) && decoded.right.occurredAt).toBe('2026-03-01T09:00:00Z');
  });

  it('names the field path of every problem in one line each', () => {
    const bad = { ...scheduled, data: { ...scheduled.data, guests: [{ guestId: 'g-1', name: ' ', email: 'nope' }] } };
    const decoded = decodeEvent(bad);
    expect(E.isLeft(decoded) && decoded.left.message).toBe(
      'data.guests.0.name: must be a non-empty string\ndata.guests.0.email: not an email address',
    );
  });

  it('refuses a meeting without guests, an unknown type and a missing field', () => {
    const message = (raw: unknown) => {
      const r = decodeEvent(raw);
      return E.isLeft(r) ? r.left.message : 'decoded';
    };
    expect(message({ ...scheduled, data: { ...scheduled.data, guests: [] } })).toBe('data.guests: must list at least one guest');
    expect(message({ ...scheduled, type: 'MeetingExploded' })).toBe('type: unknown event type "MeetingExploded"');
    expect(message({ type: 'MeetingCancelled', occurredAt: '2026-03-01T10:00:00Z', data: { meetingId: 'm-1', by: 'user' } })).toBe(
      'data.reason: is required',
    );
    expect(message({ ...scheduled, occurredAt: '2026-03-01T10:00:00' })).toBe(
      'occurredAt: not an ISO 8601 instant with an offset (e.g. "2026-03-02T09:00:00Z")',
    );
  });

  it('upcasts a version 1 MeetingScheduled (bare meeting type name, top-level duration)', () => {
    const { meetingType: _, createdBy: __, ...rest } = scheduled.data;
    const v1 = { ...scheduled, schemaVersion: 1, data: { ...rest, meetingType: 'Intro call', duration: 45 } };
    const decoded = decodeEvent(v1);
    expect(E.isRight(decoded) && decoded.right.data).toMatchObject({ meetingType: { name: 'Intro call', durationMinutes: 45 }, createdBy: 'user' });
  });

  it('round-trips through encode and decode', () => {
    const decoded = decodeEvent(scheduled);
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    expect(decodeEvent(encodeEvent(decoded.right))).toEqual(decoded);
  });
});

describe('instants', () => {
  it('keeps canonical instants, normalizes offsets and refuses days that do not exist', () => {
    const occurred = (occurredAt: string) => {
      const r = decodeEvent({ ...scheduled, occurredAt });
      return E.isRight(r) ? r.right.occurredAt : r.left.message;
    };
    expect(occurred('2026-03-01T09:00:00Z')).toBe('2026-03-01T09:00:00Z');
    expect(occurred('2026-03-01T09:00:00.120Z')).toBe('2026-03-01T09:00:00.120Z');
    expect(occurred('2026-03-01T09:00:00.000Z')).toBe('2026-03-01T09:00:00Z');
    expect(occurred('2026-02-30T09:00:00Z')).toMatch(/^occurredAt: not an ISO 8601 instant/);
    expect(occurred('2026-03-31T23:30:00-02:00')).toBe('2026-04-01T01:30:00Z');
  });
});

describe('numbers given as strings', () => {
  it('says a number is expected, not a string', () => {
    const r = decodeEvent({ ...scheduled, data: { ...scheduled.data, meetingType: { name: 'Intro call', durationMinutes: '30' } } });
    expect(E.isLeft(r) && r.left.message).toBe('data.meetingType.durationMinutes: must be a number (whole minutes from 1 to 1440)');
    const review = decodeEvent({ type: 'MeetingReviewed', occurredAt: '2026-03-02T10:00:00Z', data: { meetingId: 'm-1', guestId: 'g-1', rating: '5' } });
    expect(E.isLeft(review) && review.left.message).toBe('data.rating: must be a number (a whole number from 1 to 5)');
  });
});
