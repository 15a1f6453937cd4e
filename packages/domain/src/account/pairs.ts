import { notificationIds, type Audience, type NotificationId } from '../events/account';

/** One (audience, notification) pair of the catalogue: what an account can toggle and customize. */
export interface NotificationPair {
  readonly audience: Audience;
  readonly notification: NotificationId;
}

// The wrap-up note and the review request are written to customers: the host never gets them
// (docs/CONTRACT.md §2, the table's "user" column).
const guestOnly: ReadonlySet<NotificationId> = new Set<NotificationId>(['wrap-up', 'review']);

/** The audiences in the order the Email Editor lists them. */
export const audiences: readonly Audience[] = ['user', 'guest'];

/** Every pair that exists, user pairs first, each in catalogue order. */
export const notificationPairs: readonly NotificationPair[] = audiences.flatMap((audience) =>
  notificationIds.filter((notification) => pairExists(audience, notification)).map((notification) => ({ audience, notification })),
);

/** True when the catalogue has `notification` for `audience` (wrap-up and review are guest-only). */
export function pairExists(audience: Audience, notification: NotificationId): boolean {
  return audience === 'guest' || !guestOnly.has(notification);
}

// Planning asks for a pair's settings for every email it hands out: build each key once.
const keys: Readonly<Record<Audience, Readonly<Record<string, string>>>> = {
  user: Object.fromEntries(notificationIds.map((n) => [n, `user/${n}`])),
  guest: Object.fromEntries(notificationIds.map((n) => [n, `guest/${n}`])),
};

/** The key a pair's settings are stored under: `guest/review`. */
export function pairKey(audience: Audience, notification: NotificationId): string {
  return keys[audience][notification] ?? `${audience}/${notification}`;
}

/** How a person names an audience in a sentence: "hosts" (the user audience) or "guests". */
export function audienceNoun(audience: Audience): string {
  return audience === 'user' ? 'hosts' : 'guests';
}
