import * as t from 'io-ts';
import { Instant } from '../codec/primitives';
import {
  BrandingConfiguredData,
  NotificationCustomizedData,
  NotificationDisabledData,
  NotificationEnabledData,
} from '../events/account';
import type { EventData } from '../events/catalogue';

// Like the meeting commands: each carries exactly the data of the event it asks for, plus
// `now` (the moment the caller decided it), so one codec defines a valid hostname or bcc list.
function command<N extends string, D extends t.Mixed>(name: N, data: D) {
  return t.intersection([t.exact(t.type({ type: t.literal(name), now: Instant })), data], name);
}

/** Codecs of the account commands, by command type (for the boundaries: HTTP bodies, scripts). */
export const accountCommandCodecs = {
  ConfigureBranding: command('ConfigureBranding', BrandingConfiguredData),
  CustomizeNotification: command('CustomizeNotification', NotificationCustomizedData),
  EnableNotification: command('EnableNotification', NotificationEnabledData),
  DisableNotification: command('DisableNotification', NotificationDisabledData),
} as const;

/** Set the company name, hostname and default locale the emails use. */
export type ConfigureBranding = { readonly type: 'ConfigureBranding'; readonly now: string } & EventData<'BrandingConfigured'>;
/** Save an account's own subject, body, bcc and attachments for one (audience, notification) pair. */
export type CustomizeNotification = { readonly type: 'CustomizeNotification'; readonly now: string } & EventData<'NotificationCustomized'>;
/** Turn a pair back on. */
export type EnableNotification = { readonly type: 'EnableNotification'; readonly now: string } & EventData<'NotificationEnabled'>;
/** Turn a pair off: its emails are no longer sent. */
export type DisableNotification = { readonly type: 'DisableNotification'; readonly now: string } & EventData<'NotificationDisabled'>;

/** Every command an account stream accepts. */
export type AccountCommand = ConfigureBranding | CustomizeNotification | EnableNotification | DisableNotification;
