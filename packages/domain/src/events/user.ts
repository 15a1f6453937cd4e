import * as t from 'io-ts';
import { Email, Id, Line, Locale, Name, TimeZone, Url } from '../codec/primitives';
import { Location } from './people';

/** Codec of UserProfileUpdated data: a My Account change; only the fields given change. */
export const UserProfileUpdatedData = t.exact(
  t.intersection([
    t.type({ userId: Id }),
    t.partial({ name: Name, email: Email, timezone: TimeZone, locale: Locale, phone: Line, jobTitle: Line, location: Location, profileUrl: Url }),
  ]),
  'UserProfileUpdated',
);

/** The data codec of each event of a `user-<userId>` stream. */
export const userEventData = { UserProfileUpdated: UserProfileUpdatedData } as const;
