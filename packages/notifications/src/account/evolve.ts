import type { AccountEvent } from '@rendezvous/domain';
import type { Customization } from '../planning/email-to-send';
import { pairKey } from './pairs';
import type { AccountState, Branding, PairSettings } from './state';
import { pairSettings } from './state';

function withPair(state: AccountState, key: string, settings: PairSettings): AccountState {
  return { ...state, pairs: { ...state.pairs, [key]: settings } };
}

/** Folds one account event into the account's state. */
export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  const withId: AccountState = state.accountId === undefined ? { ...state, accountId: event.data.accountId } : state;
  switch (event.type) {
    case 'BrandingConfigured': {
      const { companyName, hostname, defaultLocale } = event.data;
      const branding: Branding = defaultLocale === undefined ? { companyName, hostname } : { companyName, hostname, defaultLocale };
      return { ...withId, branding };
    }
    case 'NotificationCustomized': {
      const { audience, notification, subject, body, bcc, attachments } = event.data;
      const customization: Customization = { subject, body, bcc: bcc ?? [], attachments: attachments ?? [] };
      const { enabled } = pairSettings(withId, audience, notification);
      return withPair(withId, pairKey(audience, notification), { enabled, customization });
    }
    case 'NotificationEnabled':
    case 'NotificationDisabled': {
      const { audience, notification } = event.data;
      const current = pairSettings(withId, audience, notification);
      return withPair(withId, pairKey(audience, notification), { ...current, enabled: event.type === 'NotificationEnabled' });
    }
  }
}
