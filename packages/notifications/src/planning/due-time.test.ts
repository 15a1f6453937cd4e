import type { AccountEvent, DomainEvent } from '@rendezvous/domain';
import { aGuest, aHost, endMeeting, recorded, scheduleMeeting, startMeeting } from '@rendezvous/domain/testing';
import { run } from './testing/virtual-clock';

// Rules 9 to 11 and the options: what is read at the due time, not when the email was planned.
const scheduled = recorded(scheduleMeeting());
const later = '2026-03-10T00:00:00Z';

function account(type: AccountEvent['type'], occurredAt: string, data: Record<string, unknown>): DomainEvent {
  return { type, occurredAt, data: { accountId: 'acc-1', ...data } } as DomainEvent;
}
const toggle = (type: 'NotificationEnabled' | 'NotificationDisabled', at: string, audience: 'user' | 'guest', notification: string) =>
  account(type, at, { audience, notification });

describe('9. a disabled pair sends nothing; its state at the due time counts', () => {
  it('disabled after scheduling but before the due time: no reminder for that audience', () => {
    const { lines, session } = run([scheduled, toggle('NotificationDisabled', '2026-03-01T20:00:00Z', 'guest', 'meeting-starts-soon')], later);
    expect(lines.filter((l) => l.includes('starts-soon'))).toEqual(['2026-03-02T08:00:00Z m-1:meeting-starts-soon:user:u-1:0']);
    expect(session.explain('m-1').find((r) => r.idempotencyKey === 'm-1:meeting-starts-soon:guest:g-1:0')).toMatchObject({
      state: 'suppressed',
      reason: 'not sent: the account disabled meeting-starts-soon for guests',
    });
  });

  it('disabled, then enabled again before the due time: sent', () => {
    const history = [
      scheduled,
      toggle('NotificationDisabled', '2026-03-01T20:00:00Z', 'guest', 'meeting-starts-soon'),
      toggle('NotificationEnabled', '2026-03-02T07:59:59Z', 'guest', 'meeting-starts-soon'),
    ];
    expect(run(history, later).lines.filter((l) => l.includes('starts-soon'))).toHaveLength(2);
  });

  it('disabled at the due time and enabled a minute later: not sent late', () => {
    const history = [
      scheduled,
      toggle('NotificationDisabled', '2026-03-02T08:00:00Z', 'user', 'meeting-starts-soon'),
      toggle('NotificationEnabled', '2026-03-02T08:01:00Z', 'user', 'meeting-starts-soon'),
    ];
    expect(run(history, later).lines.filter((l) => l.includes('starts-soon'))).toEqual(['2026-03-02T08:00:00Z m-1:meeting-starts-soon:guest:g-1:0']);
  });

  it('an email due at once reads the pair when its event happens, and is not sent when enabled later', () => {
    const history = [
      toggle('NotificationDisabled', '2026-03-01T08:00:00Z', 'guest', 'meeting-scheduled'),
      scheduled,
      toggle('NotificationEnabled', '2026-03-01T09:30:00Z', 'guest', 'meeting-scheduled'),
    ];
    expect(run(history, '2026-03-01T23:00:00Z').lines).toEqual(['2026-03-01T09:00:00Z m-1:meeting-scheduled:user:u-1:0']);
  });

  it('each account has its own toggles', () => {
    const other = account('NotificationDisabled', '2026-03-01T08:00:00Z', { accountId: 'acc-2', audience: 'guest', notification: 'meeting-scheduled' });
    expect(run([other, scheduled], '2026-03-01T23:00:00Z').lines).toHaveLength(2);
  });
});

describe('10. the customization and branding in force at the due time', () => {
  it('puts the customization saved after scheduling into the reminder, and the branding beside it', () => {
    const history = [
      scheduled,
      account('BrandingConfigured', '2026-03-01T10:00:00Z', { companyName: 'Acme', hostname: 'meet.acme.com', defaultLocale: 'nl' }),
      account('NotificationCustomized', '2026-03-01T11:00:00Z', {
        audience: 'guest',
        notification: 'meeting-starts-soon',
        subject: 'Soon: {{ meeting.type.name }}',
        body: '<p>See you</p>',
        bcc: ['audit@acme.com'],
      }),
    ];
    const { sent } = run(history, later);
    const scheduledEmail = sent.find((s) => s.email.idempotencyKey === 'm-1:meeting-scheduled:guest:g-1:0')!.email;
    const reminder = sent.find((s) => s.email.idempotencyKey === 'm-1:meeting-starts-soon:guest:g-1:0')!.email;
    const hostReminder = sent.find((s) => s.email.idempotencyKey === 'm-1:meeting-starts-soon:user:u-1:0')!.email;
    expect(scheduledEmail.account).toEqual({ accountId: 'acc-1' });
    expect(reminder.account).toEqual({
      accountId: 'acc-1',
      companyName: 'Acme',
      hostname: 'meet.acme.com',
      defaultLocale: 'nl',
      customizations: [{ subject: 'Soon: {{ meeting.type.name }}', body: '<p>See you</p>', bcc: ['audit@acme.com'], attachments: [] }],
    });
    expect(hostReminder.account.customizations).toBeUndefined();
  });
});

describe('11. recipient time zone and locale', () => {
  it("uses the guest's own zone, else the host's; the recipient's locale, else the account's, else en", () => {
    const guests = [
      aGuest({ guestId: 'g-1', timezone: 'America/New_York', locale: 'de' }),
      aGuest({ guestId: 'g-2', email: 'greta@example.com' }),
    ];
    const host = aHost({ locale: 'fr' });
    const alone = run([recorded(scheduleMeeting({ guests, host }))], '2026-03-01T23:00:00Z').sent.map((s) => s.email.recipient);
    expect(alone.map((r) => [r.id, r.timezone, r.locale])).toEqual([
      ['g-1', 'America/New_York', 'de'],
      ['g-2', 'Europe/Amsterdam', 'en'],
      ['u-1', 'Europe/Amsterdam', 'fr'],
    ]);
    const branded = [account('BrandingConfigured', '2026-03-01T08:00:00Z', { companyName: 'Acme', hostname: 'meet.acme.com', defaultLocale: 'nl' })];
    const withDefault = run([...branded, recorded(scheduleMeeting({ guests }))], '2026-03-01T23:00:00Z').sent.map((s) => s.email.recipient);
    expect(withDefault.map((r) => [r.id, r.locale])).toEqual([
      ['g-1', 'de'],
      ['g-2', 'nl'],
      ['u-1', 'nl'],
    ]);
  });
});

describe("the host's My Account changes", () => {
  const update = (at: string, data: Record<string, unknown>): DomainEvent =>
    ({ type: 'UserProfileUpdated', occurredAt: at, data: { userId: 'u-1', ...data } });

  it('show up in the next email: an update between scheduling and the reminder', () => {
    const history = [scheduled, update('2026-03-01T15:00:00Z', { email: 'hanna@new.example.com', timezone: 'Asia/Tokyo', phone: '+31 6 12345678' })];
    const { sent } = run(history, later);
    const toHost = sent.find((s) => s.email.idempotencyKey === 'm-1:meeting-starts-soon:user:u-1:0')!.email;
    const toGuest = sent.find((s) => s.email.idempotencyKey === 'm-1:meeting-starts-soon:guest:g-1:0')!.email;
    expect([toHost.recipient.email, toHost.recipient.timezone, toHost.meeting.host.phone]).toEqual(['hanna@new.example.com', 'Asia/Tokyo', '+31 6 12345678']);
    expect([toGuest.recipient.timezone, toGuest.meeting.host.email]).toEqual(['Asia/Tokyo', 'hanna@new.example.com']);
  });

  it('made before the meeting was booked are not applied: the booking carries the host as they were then', () => {
    const history = [update('2026-02-01T00:00:00Z', { email: 'old@example.com' }), scheduled];
    expect(run(history, later).sent.map((s) => s.email.meeting.host.email)).toEqual(Array(4).fill('hanna@example.com'));
  });

  it("of another user change nothing", () => {
    const other = { type: 'UserProfileUpdated', occurredAt: '2026-03-01T15:00:00Z', data: { userId: 'u-9', email: 'x@example.com' } } as DomainEvent;
    expect(run([scheduled, other], later).sent.map((s) => s.email.recipient.email)).toEqual([
      'gus@example.com',
      'hanna@example.com',
      'gus@example.com',
      'hanna@example.com',
    ]);
  });
});

describe('the options (docs/CONTRACT.md §2.13)', () => {
  it('change the lead, the minimum notice and the review delay', () => {
    const booked = recorded(scheduleMeeting({ now: '2026-03-02T07:30:00Z' })); // 90 minutes before the start
    const history = [booked, recorded(startMeeting()), recorded(endMeeting())];
    const defaults = run(history, later).lines.filter((l) => !l.includes('meeting-scheduled'));
    expect(defaults).toEqual(['2026-03-02T10:31:00Z m-1:review:guest:g-1:2']);
    const custom = run(history, later, { startsSoonLeadMinutes: 30, minimumNoticeMinutes: 60, reviewDelayMinutes: 120 });
    expect(custom.lines.filter((l) => !l.includes('meeting-scheduled'))).toEqual([
      '2026-03-02T08:30:00Z m-1:meeting-starts-soon:guest:g-1:0',
      '2026-03-02T08:30:00Z m-1:meeting-starts-soon:user:u-1:0',
      '2026-03-02T11:31:00Z m-1:review:guest:g-1:2',
    ]);
  });

  it('send the reminder at once when the notice allowed is shorter than the lead and the booking is late', () => {
    const booked = recorded(scheduleMeeting({ now: '2026-03-02T08:30:00Z' }));
    const { lines } = run([booked], later, { minimumNoticeMinutes: 0 });
    expect(lines).toEqual([
      '2026-03-02T08:30:00Z m-1:meeting-scheduled:guest:g-1:0',
      '2026-03-02T08:30:00Z m-1:meeting-scheduled:user:u-1:0',
      '2026-03-02T08:30:00Z m-1:meeting-starts-soon:guest:g-1:0',
      '2026-03-02T08:30:00Z m-1:meeting-starts-soon:user:u-1:0',
    ]);
  });
});
