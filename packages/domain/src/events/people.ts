import * as t from 'io-ts';
import { Email, Id, Line, Locale, Name, TimeZone, Url } from '../codec/primitives';

/** Where a host works from; every part optional. */
export const Location = t.exact(
  t.partial({ name: Line, city: Line, state: Line, postcode: Line, country: Line }),
  'Location',
);
export type Location = t.TypeOf<typeof Location>;

/** The host user of a meeting, as the emails show them. */
export const Host = t.exact(
  t.intersection([
    t.type({ userId: Id, name: Name, email: Email, timezone: TimeZone }),
    t.partial({ locale: Locale, phone: Line, jobTitle: Line, location: Location, profileUrl: Url }),
  ]),
  'Host',
);
export type Host = t.TypeOf<typeof Host>;

/** A guest (customer) of a meeting. */
export const Guest = t.exact(
  t.intersection([
    t.type({ guestId: Id, name: Name, email: Email }),
    t.partial({ timezone: TimeZone, locale: Locale, phone: Line }),
  ]),
  'Guest',
);
export type Guest = t.TypeOf<typeof Guest>;

/** Who did something: the host side or the customer side. */
export const Actor = t.keyof({ user: null, guest: null }, 'Actor');
export type Actor = t.TypeOf<typeof Actor>;
