import type { Attachment, Audience, NotificationId } from '../events/account';
import { pairKey } from './pairs';

/** An account's own version of one pair's email, as the Email Editor saved it. */
export interface Customization {
  /** The recipients' locale it is written for; absent: every locale without its own customization. */
  readonly locale?: string;
  readonly subject: string;
  readonly body: string;
  readonly bcc: readonly string[];
  readonly attachments: readonly Attachment[];
}

/** The company identity the emails show and link to. */
export interface AccountBranding {
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
  readonly branding?: AccountBranding;
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
