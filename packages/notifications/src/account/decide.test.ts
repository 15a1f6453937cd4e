import type { AccountCommand, AccountEvent } from '@rendezvous/domain';
import { forDecider } from '@rendezvous/domain/testing';
import { accountDecider } from './decider';

const now = '2026-03-01T09:00:00Z';
const spec = forDecider(accountDecider);

const customize = (overrides: Partial<Extract<AccountCommand, { type: 'CustomizeNotification' }>> = {}): AccountCommand => ({
  type: 'CustomizeNotification',
  now,
  accountId: 'acc-1',
  audience: 'guest',
  notification: 'meeting-scheduled',
  subject: 'Booked: {{ meeting.type.name }}',
  body: '<p>Hello {{ recipient.name }}</p>',
  ...overrides,
});

const disabled: AccountEvent = {
  type: 'NotificationDisabled',
  occurredAt: now,
  data: { accountId: 'acc-1', audience: 'guest', notification: 'review' },
};

describe('the account decider', () => {
  it('configures branding', () => {
    spec
      .when({ type: 'ConfigureBranding', now: '2026-03-01T10:00:00+01:00', accountId: 'acc-1', companyName: 'Acme', hostname: 'meet.acme.com', defaultLocale: 'nl' })
      .then([{ type: 'BrandingConfigured', occurredAt: now, data: { accountId: 'acc-1', companyName: 'Acme', hostname: 'meet.acme.com', defaultLocale: 'nl' } }]);
  });

  it('names the field of a bad hostname', () => {
    const error = spec.when({ type: 'ConfigureBranding', now, accountId: 'acc-1', companyName: 'Acme', hostname: 'not a host' }).thenFails('DecodeError');
    expect(error.message).toBe('hostname: not a host name (e.g. "meet.example.com")');
  });

  it('refuses a company name with a line break (CONTRACT §1, 1.1: it reaches the From header)', () => {
    const error = spec.when({ type: 'ConfigureBranding', now, accountId: 'acc-1', companyName: 'Acme\r\nBcc: all@example.com', hostname: 'meet.acme.com' }).thenFails('DecodeError');
    expect(error.message).toBe('companyName: must not contain line breaks');
  });

  it('records a customization whose templates compile', () => {
    spec.when(customize({ bcc: ['audit@acme.com'] })).then([
      {
        type: 'NotificationCustomized',
        occurredAt: now,
        data: {
          accountId: 'acc-1',
          audience: 'guest',
          notification: 'meeting-scheduled',
          subject: 'Booked: {{ meeting.type.name }}',
          body: '<p>Hello {{ recipient.name }}</p>',
          bcc: ['audit@acme.com'],
        },
      },
    ]);
  });

  it('refuses a body that uses an unknown variable, with line, column and the closest name', () => {
    const error = spec.when(customize({ body: 'Hi\n  {{ meeting.usr.name }}' })).thenFails('TemplateError');
    expect([error.part, error.line, error.column, error.construct, error.suggestion]).toEqual(['body', 2, 3, 'meeting.usr.name', 'meeting.user.name']);
  });

  it('refuses a subject that uses a variable of another notification', () => {
    const error = spec.when(customize({ subject: 'Why: {{ cancellationReason }}' })).thenFails('TemplateError');
    expect([error.part, error.line, error.construct]).toEqual(['subject', 1, 'cancellationReason']);
  });

  it('refuses customizing, enabling or disabling a pair the host never receives', () => {
    const error = spec.when(customize({ audience: 'user', notification: 'wrap-up' })).thenFails('UnknownNotificationPair');
    expect(error.message).toBe(
      '(user, wrap-up) is not a notification hosts receive: wrap-up is only sent to guests; the host (user audience) never receives it',
    );
    spec.when({ type: 'EnableNotification', now, accountId: 'acc-1', audience: 'user', notification: 'review' }).thenFails('UnknownNotificationPair');
    spec.when({ type: 'DisableNotification', now, accountId: 'acc-1', audience: 'user', notification: 'wrap-up' }).thenFails('UnknownNotificationPair');
  });

  it('disables and enables a pair, and records nothing when it is already in that state', () => {
    spec.when({ type: 'DisableNotification', now, accountId: 'acc-1', audience: 'guest', notification: 'review' }).then([disabled]);
    spec.given([disabled]).when({ type: 'DisableNotification', now, accountId: 'acc-1', audience: 'guest', notification: 'review' }).then([]);
    spec.when({ type: 'EnableNotification', now, accountId: 'acc-1', audience: 'guest', notification: 'review' }).then([]);
    spec
      .given([disabled])
      .when({ type: 'EnableNotification', now, accountId: 'acc-1', audience: 'guest', notification: 'review' })
      .then([{ ...disabled, type: 'NotificationEnabled' }]);
  });

  it('refuses a command for another account than the stream’s', () => {
    const error = spec
      .given([disabled])
      .when({ type: 'EnableNotification', now, accountId: 'acc-2', audience: 'guest', notification: 'review' })
      .thenFails('AccountMismatch');
    expect(error.message).toBe('this is the stream of account acc-1; a change for account acc-2 does not belong here');
  });

  it('refuses a bcc that is not an address, naming its index', () => {
    const error = spec.when(customize({ bcc: ['audit@acme.com', 'nope'] })).thenFails('DecodeError');
    expect(error.message).toBe('bcc.1: not an email address');
  });
});

describe('saving a customization per language, with HTML from the allowlist (CONTRACT §2.10, §3)', () => {
  it('records the locale it is written for', () => {
    spec.when(customize({ locale: 'nl-BE' })).then([
      {
        type: 'NotificationCustomized',
        occurredAt: now,
        data: { accountId: 'acc-1', audience: 'guest', notification: 'meeting-scheduled', locale: 'nl-BE', subject: 'Booked: {{ meeting.type.name }}', body: '<p>Hello {{ recipient.name }}</p>' },
      },
    ]);
  });

  it('refuses a locale that is not a BCP 47 tag', () => {
    expect(spec.when(customize({ locale: 'not a locale' })).thenFails('DecodeError').message).toMatch(/^locale: /);
  });

  it('refuses a script or an event handler in the body, at its line and column', () => {
    const script = spec.when(customize({ body: '<p>Hi</p>\n<script>alert(1)</script>' })).thenFails('TemplateError');
    expect([script.part, script.line, script.column, script.construct]).toEqual(['body', 2, 1, '<script>']);
    const handler = spec.when(customize({ body: '<p onclick="x()">Hi</p>' })).thenFails('TemplateError');
    expect(handler.message).toBe('body line 1, column 4: the onclick attribute is not allowed: event handlers run script, and email clients remove them');
  });
});
