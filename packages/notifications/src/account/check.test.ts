import * as E from 'fp-ts/Either';
import type { AccountEvent } from '@rendezvous/domain';
import { initialAccountState } from '@rendezvous/domain';
import { checkAccountEvent } from './decider';

const at = '2026-03-01T09:00:00Z';
const customized = (subject: string, audience: 'user' | 'guest' = 'guest', notification: 'review' | 'meeting-cancelled' = 'review'): AccountEvent => ({
  type: 'NotificationCustomized',
  occurredAt: at,
  data: { accountId: 'acc-1', audience, notification, subject, body: 'Hello' },
});

function messageOf(event: AccountEvent): string {
  const checked = checkAccountEvent(initialAccountState, event);
  return E.isLeft(checked) ? checked.left.message : 'accepted';
}

describe('checking recorded account events (for replays)', () => {
  it('accepts a customization that compiles and a toggle of an existing pair', () => {
    expect(messageOf(customized('Review {{ meeting.type.name }}'))).toBe('accepted');
    expect(messageOf({ type: 'NotificationEnabled', occurredAt: at, data: { accountId: 'acc-1', audience: 'guest', notification: 'review' } })).toBe('accepted');
  });

  it('refuses a recorded customization whose template does not compile', () => {
    expect(messageOf(customized('Why: {{ cancellationReason }}'))).toMatch(/^subject line 1, column 6: .*cancellationReason/);
  });

  it('refuses a recorded pair that does not exist', () => {
    expect(messageOf(customized('Hi', 'user', 'review'))).toBe(
      '(user, review) is not a notification hosts receive: review is only sent to guests; the host (user audience) never receives it',
    );
    expect(messageOf({ type: 'NotificationDisabled', occurredAt: at, data: { accountId: 'acc-1', audience: 'user', notification: 'wrap-up' } })).toMatch(
      /^\(user, wrap-up\) is not a notification/,
    );
  });
});
