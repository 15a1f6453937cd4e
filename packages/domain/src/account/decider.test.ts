import type { AccountCommand, AccountEvent } from '@rendezvous/domain';
import { accountDeciderWith, checkAccountEventWith, initialAccountState } from '@rendezvous/domain';
import { forDecider } from '@rendezvous/domain/testing';
import * as E from 'fp-ts/Either';

// The domain knows nothing of the template language: it takes the check as a function and
// returns its refusal as is, after its own rules (the pair exists, the limits).
interface Refused { readonly type: 'Refused'; readonly message: string }
const noShouting = (c: { subject: string }): Refused | undefined =>
  c.subject === c.subject.toUpperCase() ? { type: 'Refused', message: `shouting: ${c.subject}` } : undefined;
const decider = accountDeciderWith(noShouting);
const spec = forDecider(decider);
const now = '2026-03-01T09:00:00Z';

const customize = (subject: string, notification: 'review' | 'wrap-up' = 'review', audience: 'guest' | 'user' = 'guest'): AccountCommand => ({
  type: 'CustomizeNotification', now, accountId: 'acc-1', audience, notification, subject, body: '<p>Hello</p>',
});

describe('the account decider with an injected customization check', () => {
  it('records a customization the check lets through', () => {
    spec.when(customize('Your review')).then([
      { type: 'NotificationCustomized', occurredAt: now, data: { accountId: 'acc-1', audience: 'guest', notification: 'review', subject: 'Your review', body: '<p>Hello</p>' } },
    ]);
  });

  it("refuses with the check's own refusal", () => {
    const decided = decider.decide(customize('YOUR REVIEW'), decider.initial);
    expect(decided).toEqual(E.left({ type: 'Refused', message: 'shouting: YOUR REVIEW' }));
  });

  it('judges the pair before asking the check', () => {
    spec.when(customize('WRAP', 'wrap-up', 'user')).thenFails('UnknownNotificationPair');
  });

  it('checks a recorded event with the same decider (for replays)', () => {
    const event: AccountEvent = { type: 'NotificationCustomized', occurredAt: now, data: { accountId: 'acc-1', audience: 'guest', notification: 'review', subject: 'LOUD', body: 'x' } };
    expect(checkAccountEventWith(decider, initialAccountState, event)).toEqual(E.left({ type: 'Refused', message: 'shouting: LOUD' }));
  });
});
