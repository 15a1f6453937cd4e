import type { AccountEvent } from '@rendezvous/domain';
import { evolveAccount, fold, initialAccountState } from '@rendezvous/domain';
import { notificationOverview } from './overview';

const at = '2026-03-01T09:00:00Z';
const events: AccountEvent[] = [
  { type: 'NotificationDisabled', occurredAt: at, data: { accountId: 'acc-1', audience: 'guest', notification: 'review' } },
  { type: 'NotificationDisabled', occurredAt: at, data: { accountId: 'acc-1', audience: 'user', notification: 'meeting-starts-soon' } },
  {
    type: 'NotificationCustomized',
    occurredAt: at,
    data: { accountId: 'acc-1', audience: 'guest', notification: 'review', subject: 'Rate us', body: 'Please', bcc: ['audit@acme.com'] },
  },
];

describe('the notification overview (Email Editor)', () => {
  it('lists every pair enabled with the built-in template for a new account', () => {
    const overview = notificationOverview(initialAccountState);
    expect(overview.user).toEqual({
      total: 4,
      active: 4,
      disabled: 0,
      pairs: [
        { notification: 'meeting-scheduled', enabled: true },
        { notification: 'meeting-rescheduled', enabled: true },
        { notification: 'meeting-cancelled', enabled: true },
        { notification: 'meeting-starts-soon', enabled: true },
      ],
    });
    expect([overview.guest.total, overview.guest.active, overview.guest.pairs.map((p) => p.notification)]).toEqual([
      6,
      6,
      ['meeting-scheduled', 'meeting-rescheduled', 'meeting-cancelled', 'meeting-starts-soon', 'wrap-up', 'review'],
    ]);
  });

  it('counts disabled pairs and shows a customization, which keeps the pair disabled', () => {
    const overview = notificationOverview(fold(evolveAccount, initialAccountState, events));
    expect([overview.user.active, overview.user.disabled, overview.guest.active, overview.guest.disabled]).toEqual([3, 1, 5, 1]);
    expect(overview.guest.pairs[5]).toEqual({
      notification: 'review',
      enabled: false,
      customizations: [{ subject: 'Rate us', body: 'Please', bcc: ['audit@acme.com'], attachments: [] }],
    });
  });
});
