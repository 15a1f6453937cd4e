import type { Audience, NotificationId } from '@rendezvous/domain';
import type { Customization } from '../planning/email-to-send';
import { pairKey } from './pairs';

/** The company identity the emails show and link to. */
export interface Branding {
  readonly companyName: string;
  readonly hostname: string;
  readonly defaultLocale?: string;
}

/** One pair's settings; a pair without an entry is enabled and uses the built-in template. */
export interface PairSettings {
  readonly enabled: boolean;
  /** At most one per locale (and one without a locale), in the order they were first saved. */
  readonly customizations?: readonly Customization[];
}

/** The folded `account-<accountId>` stream: branding and the pairs an admin changed. */
export interface AccountState {
  /** Set by the first event; absent for an empty stream. */
  readonly accountId?: string;
  readonly branding?: Branding;
  /** Only the pairs that were changed, by `pairKey`: untouched pairs cost nothing. */
  readonly pairs: Readonly<Record<string, PairSettings>>;
}

/** The state of an empty account stream: no branding, every pair enabled with its default template. */
export const initialAccountState: AccountState = { pairs: {} };

const untouched: PairSettings = { enabled: true };

/** The settings of one pair (enabled, built-in template when the account never touched it). */
export function pairSettings(state: AccountState, audience: Audience, notification: NotificationId): PairSettings {
  return state.pairs[pairKey(audience, notification)] ?? untouched;
}
