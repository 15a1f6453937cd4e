import * as t from 'io-ts';
import { Email, Hostname, Id, Locale, Name } from '../codec/primitives';

/** Who an email is written for: the host user or a guest. */
export const Audience = t.keyof({ user: null, guest: null }, 'Audience');
export type Audience = t.TypeOf<typeof Audience>;

/** The notifications of the catalogue (docs/CONTRACT.md §2). */
export const NotificationId = t.keyof(
  {
    'meeting-scheduled': null,
    'meeting-rescheduled': null,
    'meeting-cancelled': null,
    'meeting-starts-soon': null,
    'wrap-up': null,
    review: null,
  },
  'NotificationId',
);
export type NotificationId = t.TypeOf<typeof NotificationId>;

/** Every notification id, in catalogue order. */
export const notificationIds = Object.keys(NotificationId.keys) as NotificationId[];

const filename = new t.Type<string, string, unknown>(
  'Filename',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    typeof u !== 'string'
      ? t.failure(u, c, 'must be a string')
      : u.trim() === '' || /[\\/\r\n"]/.test(u) || u.includes(String.fromCharCode(0)) || u.length > 255
        ? t.failure(u, c, 'must be a file name without path separators, quotes or line breaks (1 to 255 characters)')
        : t.success(u),
  t.identity,
);
const contentType = new t.Type<string, string, unknown>(
  'ContentType',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    typeof u === 'string' && /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/.test(u)
      ? t.success(u)
      : t.failure(u, c, 'not a MIME type (e.g. "application/pdf")'),
  t.identity,
);
const base64 = new t.Type<string, string, unknown>(
  'Base64',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    typeof u === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(u) && u.length % 4 === 0
      ? t.success(u)
      : t.failure(u, c, 'must be base64 (A-Z, a-z, 0-9, +, /, padded with =)'),
  t.identity,
);

/** A file attached to every email of one (audience, notification) pair. */
export const Attachment = t.exact(t.type({ filename, contentType, contentBase64: base64 }), 'Attachment');
export type Attachment = t.TypeOf<typeof Attachment>;

/** Codec of BrandingConfigured data: the company name, hostname and default locale the emails use. */
export const BrandingConfiguredData = t.exact(
  t.intersection([t.type({ accountId: Id, companyName: Name, hostname: Hostname }), t.partial({ defaultLocale: Locale })]),
  'BrandingConfigured',
);
/** Codec of NotificationCustomized data: an account's own subject, body, bcc and attachments for one pair, in one locale or in all. */
export const NotificationCustomizedData = t.exact(
  t.intersection([
    t.type({ accountId: Id, audience: Audience, notification: NotificationId, subject: t.string, body: t.string }),
    t.partial({ locale: Locale, bcc: t.array(Email), attachments: t.array(Attachment) }),
  ]),
  'NotificationCustomized',
);
/** Codec of NotificationEnabled data: a pair is sent again. */
export const NotificationEnabledData = t.exact(
  t.type({ accountId: Id, audience: Audience, notification: NotificationId }),
  'NotificationEnabled',
);
/** Codec of NotificationDisabled data: a pair sends nothing. */
export const NotificationDisabledData = t.exact(
  t.type({ accountId: Id, audience: Audience, notification: NotificationId }),
  'NotificationDisabled',
);

/** The data codec of each event of an `account-<accountId>` stream. */
export const accountEventData = {
  BrandingConfigured: BrandingConfiguredData,
  NotificationCustomized: NotificationCustomizedData,
  NotificationEnabled: NotificationEnabledData,
  NotificationDisabled: NotificationDisabledData,
} as const;
