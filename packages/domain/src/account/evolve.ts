import type { AccountEvent } from '../events/catalogue';
import { localeKey } from './customization-for';
import { pairKey } from './pairs';
import type { AccountBranding, AccountState, Customization, PairSettings } from './state';
import { pairSettings } from './state';

function withPair(state: AccountState, key: string, settings: PairSettings): AccountState {
  return { ...state, pairs: { ...state.pairs, [key]: settings } };
}

// A customization replaces the earlier one for the same pair and locale (CONTRACT §2.10), in its place.
function replacing(list: readonly Customization[], customization: Customization): readonly Customization[] {
  const key = localeKey(customization.locale);
  const at = list.findIndex((c) => localeKey(c.locale) === key);
  return at === -1 ? [...list, customization] : list.map((c, i) => (i === at ? customization : c));
}

/** Folds one account event into the account's state. */
export function evolveAccount(state: AccountState, event: AccountEvent): AccountState {
  const withId: AccountState = state.accountId === undefined ? { ...state, accountId: event.data.accountId } : state;
  switch (event.type) {
    case 'BrandingConfigured': {
      const { companyName, hostname, defaultLocale } = event.data;
      const branding: AccountBranding = defaultLocale === undefined ? { companyName, hostname } : { companyName, hostname, defaultLocale };
      return { ...withId, branding };
    }
    case 'NotificationCustomized': {
      const { audience, notification, locale, subject, body, bcc, attachments } = event.data;
      const customization: Customization = { ...(locale === undefined ? {} : { locale }), subject, body, bcc: bcc ?? [], attachments: attachments ?? [] };
      const current = pairSettings(withId, audience, notification);
      return withPair(withId, pairKey(audience, notification), { ...current, customizations: replacing(current.customizations ?? [], customization) });
    }
    case 'NotificationEnabled':
    case 'NotificationDisabled': {
      const { audience, notification } = event.data;
      const current = pairSettings(withId, audience, notification);
      return withPair(withId, pairKey(audience, notification), { ...current, enabled: event.type === 'NotificationEnabled' });
    }
  }
}
