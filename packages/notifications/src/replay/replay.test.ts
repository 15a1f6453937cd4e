import * as E from 'fp-ts/Either';
import { verifyEntryLink } from '../links/verify';
import { replay, replayLinkSecret } from './replay';

const host = { userId: 'u-1', name: 'Hanna de Vries', email: 'hanna@acme.example', timezone: 'Europe/Amsterdam' };
const guest = { guestId: 'g-1', name: 'Sam Carter', email: 'sam@client.example' };
const scheduled = (at: string, start: string) => ({
  type: 'MeetingScheduled',
  occurredAt: at,
  data: { meetingId: 'm-1', accountId: 'acme', meetingType: { name: 'Intro call', durationMinutes: 30 }, start, host, guests: [guest], createdBy: 'guest' },
});
const summary = (history: unknown[], options = {}) =>
  E.map((emails: { sentAt: string; notification: string; audience: string }[]) => emails.map((e) => `${e.sentAt} ${e.notification} ${e.audience}`))(replay(history, options));
const error = (history: unknown[] | string, options = {}) => {
  const result = replay(history, options);
  return E.isLeft(result) ? result.left.message : 'replayed';
};

describe('replay', () => {
  it('sends "at once" emails at their event and reminders at their due time', () => {
    expect(summary([scheduled('2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z')])).toEqual(
      E.right([
        '2026-03-02T09:00:00Z meeting-scheduled guest',
        '2026-03-02T09:00:00Z meeting-scheduled user',
        '2026-03-03T08:00:00Z meeting-starts-soon guest',
        '2026-03-03T08:00:00Z meeting-starts-soon user',
      ]),
    );
  });

  it('lets an event at exactly the due time win over the email', () => {
    const history = [
      scheduled('2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z'),
      { type: 'MeetingCancelled', occurredAt: '2026-03-03T08:00:00Z', data: { meetingId: 'm-1', reason: 'Ill.', by: 'user' } },
    ];
    expect(E.map((lines: string[]) => lines.filter((l) => l.includes('starts-soon')))(summary(history))).toEqual(E.right([]));
  });

  it('sends an email due before an event before applying it, at its own due time', () => {
    const history = [
      scheduled('2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z'),
      { type: 'MeetingCancelled', occurredAt: '2026-03-03T08:00:01Z', data: { meetingId: 'm-1', reason: 'Ill.', by: 'user' } },
    ];
    expect(summary(history)).toEqual(
      E.right([
        '2026-03-02T09:00:00Z meeting-scheduled guest',
        '2026-03-02T09:00:00Z meeting-scheduled user',
        '2026-03-03T08:00:00Z meeting-starts-soon guest',
        '2026-03-03T08:00:00Z meeting-starts-soon user',
        '2026-03-03T08:00:01Z meeting-cancelled guest',
        '2026-03-03T08:00:01Z meeting-cancelled user',
      ]),
    );
  });

  it('runs to 30 days after the last record by default, or to --until (inclusive)', () => {
    const far = [scheduled('2026-03-02T09:00:00Z', '2026-04-02T10:00:00Z')];
    expect(E.map((l: string[]) => l.length)(summary(far))).toEqual(E.right(2));
    expect(E.map((l: string[]) => l.length)(summary(far, { until: '2026-04-02T09:00:00Z' }))).toEqual(E.right(4));
    expect(E.map((l: string[]) => l.length)(summary(far, { until: '2026-04-02T08:59:59Z' }))).toEqual(E.right(2));
    expect(E.map((l: string[]) => l.length)(summary(far, { until: '2026-03-02T08:59:59Z' }))).toEqual(E.right(0));
    expect(error(far, { until: 'soon' })).toBe('until: "soon" is not an ISO 8601 instant with an offset (e.g. "2026-03-02T09:00:00Z")');
  });

  it('still checks records after --until', () => {
    const history = [scheduled('2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z'), { type: 'MeetingEnded', occurredAt: '2026-03-05T09:00:00Z', data: { meetingId: 'm-1' } }];
    expect(error(history, { until: '2026-03-02T10:00:00Z' })).toMatch(/^record 1 \(MeetingEnded\): /);
  });

  it('uses the embedding application’s planning options', () => {
    const history = [scheduled('2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z')];
    expect(summary(history, { planning: { startsSoonLeadMinutes: 15, minimumNoticeMinutes: 30 } })).toEqual(
      E.right([
        '2026-03-02T09:00:00Z meeting-scheduled guest',
        '2026-03-02T09:00:00Z meeting-scheduled user',
        '2026-03-02T09:45:00Z meeting-starts-soon guest',
        '2026-03-02T09:45:00Z meeting-starts-soon user',
      ]),
    );
  });

  it('signs links with the documented replay secret unless given another', () => {
    const history = [scheduled('2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z')];
    const linkIn = (options = {}) => {
      const result = replay(history, options);
      const text = E.isRight(result) ? result.right[0]?.text ?? '' : '';
      return /https:\/\/meet\.rendezvous\.example\/m\/m-1\?a=guest&r=g-1&t=[\w-]+/.exec(text)?.[0] ?? 'no link';
    };
    expect(E.isRight(verifyEntryLink(linkIn(), replayLinkSecret))).toBe(true);
    expect(E.isRight(verifyEntryLink(linkIn({ linkSecret: 'another' }), 'another'))).toBe(true);
    expect(linkIn({ linkSecret: 'another' })).not.toBe(linkIn());
  });

  it('names the record, its type and the field or rule of the first problem, on one line', () => {
    expect(error([{ occurredAt: '2026-03-02T09:00:00Z', data: {} }])).toBe('record 0 (no type): type: is required');
    expect(error(['nope'])).toBe('record 0 (no type): must be an object');
    const twoProblems = { ...scheduled('2026-03-02T09:00:00Z', 'tomorrow'), data: { ...scheduled('x', 'y').data, start: 'tomorrow', guests: [] } };
    expect(error([twoProblems])).toBe(
      'record 0 (MeetingScheduled): data.start: not an ISO 8601 instant with an offset (e.g. "2026-03-02T09:00:00Z"); data.guests: must list at least one guest',
    );
    expect(replay([scheduled('2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z'), scheduled('2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z')])).toEqual(
      E.left({ type: 'ReplayError', index: 1, message: expect.stringMatching(/^record 1 \(MeetingScheduled\): /) as unknown }),
    );
  });

  it('refuses a record whose occurredAt goes back, comparing instants, not their text (CONTRACT §4, 1.1)', () => {
    const invite = (at: string) => ({ type: 'GuestInvited', occurredAt: at, data: { meetingId: 'm-1', guest: { guestId: 'g-2', name: 'Kim', email: 'kim@client.example' } } });
    const booked = scheduled('2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z');
    expect(error([booked, invite('2026-03-02T08:59:59Z')])).toBe(
      "record 1 (GuestInvited): occurredAt: 2026-03-02T08:59:59Z is before the previous record's 2026-03-02T09:00:00Z; records must be in the order they happened",
    );
    // The same instant, or a later one written with another offset, is in order.
    expect(error([booked, invite('2026-03-02T10:00:00+01:00')])).toBe('replayed');
    expect(error([booked, invite('2026-03-02T09:30:00+01:00')])).toMatch(/^record 1 \(GuestInvited\): occurredAt: /);
  });

  it('orders emails of the same sentAt by idempotencyKey in plain string order, not by locale (CONTRACT §4, 1.1)', () => {
    const meeting = (id: string) => ({ ...scheduled('2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'), data: { ...scheduled('x', '2026-03-02T10:00:00Z').data, meetingId: id } });
    const result = replay([meeting('m-b'), meeting('m-B'), meeting('m-a'), meeting('m-A')]);
    if (E.isLeft(result)) throw new Error(result.left.message);
    const keys = result.right.map((e) => e.idempotencyKey);
    expect(keys).toEqual([...keys].sort());
    expect(keys.map((k) => k.split(':')[0])).toEqual(['m-A', 'm-A', 'm-B', 'm-B', 'm-a', 'm-a', 'm-b', 'm-b']);
    expect(new Set(result.right.map((e) => e.sentAt))).toEqual(new Set(['2026-03-02T09:00:00Z']));
  });

  it('keeps the UID on the hostname in force when the meeting was scheduled; links follow the current one (CONTRACT §2.12, 1.1)', () => {
    const branding = (at: string, hostname: string) => ({ type: 'BrandingConfigured', occurredAt: at, data: { accountId: 'acme', companyName: 'Acme', hostname } });
    const history = [
      scheduled('2026-03-02T09:00:00Z', '2026-03-03T09:00:00Z'),
      // At the very instant of the scheduling: it counts (§2.14), whatever its place in the file.
      branding('2026-03-02T09:00:00Z', 'old.acme.example'),
      branding('2026-03-02T10:00:00Z', 'new.acme.example'),
      { type: 'MeetingRescheduled', occurredAt: '2026-03-02T11:00:00Z', data: { meetingId: 'm-1', start: '2026-03-04T09:00:00Z', reason: 'Clash', by: 'user' } },
    ];
    const result = replay(history, { until: '2026-03-02T12:00:00Z' });
    if (E.isLeft(result)) throw new Error(result.left.message);
    const moved = result.right.filter((e) => e.notification === 'meeting-rescheduled');
    expect(moved).toHaveLength(2);
    for (const email of moved) {
      expect(email.ics).toContain('UID:m-1@old.acme.example\r\n');
      expect(email.ics).toContain('SEQUENCE:1\r\n');
      expect(email.html).toContain('href="https://new.acme.example/m/m-1?');
      expect(email.html).not.toContain('https://old.acme.example/');
    }
  });

  it("prints the current host's address as replyTo on guest emails only, right after bcc (docs/CONTRACT.md §2.15)", () => {
    const rita = { userId: 'u-2', name: 'Rita Jansen', email: 'rita@acme.example', timezone: 'Europe/Amsterdam' };
    const history = [
      scheduled('2026-03-01T09:00:00Z', '2026-03-05T09:00:00Z'),
      { type: 'UserProfileUpdated', occurredAt: '2026-03-01T10:00:00Z', data: { userId: 'u-1', email: 'Hanna@New.example' } },
      { type: 'MeetingRescheduled', occurredAt: '2026-03-01T11:00:00Z', data: { meetingId: 'm-1', start: '2026-03-06T09:00:00Z', reason: 'Clash', by: 'user' } },
      { type: 'MeetingReassigned', occurredAt: '2026-03-01T12:00:00Z', data: { meetingId: 'm-1', host: rita, hostAvailable: true } },
    ];
    const result = replay(history, { until: '2026-03-06T08:00:00Z' });
    if (E.isLeft(result)) throw new Error(result.left.message);
    expect(result.right.map((e) => [e.sentAt, e.notification, e.audience, e.to[0], e.replyTo])).toEqual([
      ['2026-03-01T09:00:00Z', 'meeting-scheduled', 'guest', 'sam@client.example', 'hanna@acme.example'],
      ['2026-03-01T09:00:00Z', 'meeting-scheduled', 'user', 'hanna@acme.example', undefined],
      ['2026-03-01T11:00:00Z', 'meeting-rescheduled', 'guest', 'sam@client.example', 'Hanna@New.example'],
      ['2026-03-01T11:00:00Z', 'meeting-rescheduled', 'user', 'Hanna@New.example', undefined],
      ['2026-03-01T12:00:00Z', 'meeting-cancelled', 'user', 'Hanna@New.example', undefined],
      ['2026-03-01T12:00:00Z', 'meeting-scheduled', 'user', 'rita@acme.example', undefined],
      ['2026-03-06T08:00:00Z', 'meeting-starts-soon', 'guest', 'sam@client.example', 'rita@acme.example'],
      ['2026-03-06T08:00:00Z', 'meeting-starts-soon', 'user', 'rita@acme.example', undefined],
    ]);
    expect(result.right.filter((e) => e.audience === 'user').some((e) => 'replyTo' in e)).toBe(false);
    expect(Object.keys(result.right[0]!).slice(3, 7)).toEqual(['to', 'bcc', 'replyTo', 'sentAt']);
  });

  it('gives no emails for an empty history', () => {
    expect(replay([])).toEqual(E.right([]));
    expect(replay('')).toEqual(E.right([]));
  });
});
