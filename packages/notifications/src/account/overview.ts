import { notificationPairs, pairSettings, type AccountState, type Audience, type Customization, type NotificationId } from '@rendezvous/domain';

/** One row of the Email Editor: a pair, whether it sends, and its customization if any. */
export interface PairOverview {
  readonly notification: NotificationId;
  readonly enabled: boolean;
  /** Absent: the built-in default template in the recipient's locale. At most one per locale (and one for all). */
  readonly customizations?: readonly Customization[];
}

/** One audience's tab of the Email Editor. */
export interface AudienceOverview {
  readonly total: number;
  readonly active: number;
  readonly disabled: number;
  readonly pairs: readonly PairOverview[];
}

/** What the Email Editor shows: per audience, the counts and every pair in catalogue order. */
export type NotificationOverview = Readonly<Record<Audience, AudienceOverview>>;

function audienceOverview(state: AccountState, audience: Audience): AudienceOverview {
  const pairs = notificationPairs
    .filter((pair) => pair.audience === audience)
    .map(({ notification }): PairOverview => {
      const { enabled, customizations } = pairSettings(state, audience, notification);
      return customizations === undefined ? { notification, enabled } : { notification, enabled, customizations };
    });
  const active = pairs.filter((pair) => pair.enabled).length;
  return { total: pairs.length, active, disabled: pairs.length - active, pairs };
}

/** The account's notifications per audience, as the Email Editor lists them. */
export function notificationOverview(state: AccountState): NotificationOverview {
  return { user: audienceOverview(state, 'user'), guest: audienceOverview(state, 'guest') };
}
