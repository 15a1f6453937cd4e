import * as t from 'io-ts';
import { DateTime, IANAZone } from 'luxon';
import { decodesToItself } from './canonical';

// Each primitive validates and keeps the plain TypeScript type (string, number), so domain
// code stays readable; the codecs at the boundaries are what guarantee the shape.

function refined<A>(
  name: string,
  is: (u: unknown) => u is A,
  check: (a: A) => string | undefined,
  wrongKind = 'must be a string',
): t.Type<A, A, unknown> {
  return decodesToItself(
    new t.Type<A, A, unknown>(
      name,
      (u): u is A => is(u) && check(u) === undefined,
      (u, c) => {
        if (!is(u)) return t.failure(u, c, u === undefined ? 'is required' : wrongKind);
        const problem = check(u);
        return problem === undefined ? t.success(u) : t.failure(u, c, problem);
      },
      t.identity,
    ),
  );
}

const isString = (u: unknown): u is string => typeof u === 'string';
const hasLineBreak = (s: string): boolean => /[\r\n\u2028\u2029]/.test(s);

/** A string that is non-empty after trimming (free text: reasons, notes, descriptions). */
export const NonEmptyText = refined('NonEmptyText', isString, (s) =>
  s.trim() === '' ? 'must be a non-empty string' : s.length > 10_000 ? 'must be at most 10000 characters' : undefined,
);

/** A single-line, non-empty name: a person's name, a meeting type, a company. */
export const Name = refined('Name', isString, (s) => {
  if (s.trim() === '') return 'must be a non-empty string';
  if (hasLineBreak(s)) return 'must not contain line breaks';
  if (s.length > 200) return 'must be at most 200 characters';
  return undefined;
});

/** An optional single-line value (phone, job title, location parts): no line breaks. */
export const Line = refined('Line', isString, (s) =>
  hasLineBreak(s) ? 'must not contain line breaks' : s.length > 500 ? 'must be at most 500 characters' : undefined,
);

/** An identifier usable in stream names, links and ICS UIDs. */
export const Id = refined('Id', isString, (s) =>
  /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/.test(s) ? undefined : 'must be an id of letters, digits, "-", "_", ".", ":" (1 to 128 characters)',
);

const atext = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const dotAtom = `${atext}(?:\\.${atext})*`;
const quoted = '"(?:[^"\\\\\\r\\n]|\\\\[^\\r\\n])*"';
const label = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const domainName = `${label}(?:\\.${label})*`;
const domainLiteral = '\\[[^\\[\\]\\\\\\r\\n]*\\]';
const addrSpec = new RegExp(`^(?:${dotAtom}|${quoted})@(?:${domainName}|${domainLiteral})$`);

/** True for an RFC 5322 addr-spec (no display name, no comments, no folding). */
export function isEmailAddress(s: string): boolean {
  const at = s.lastIndexOf('@');
  return s.length <= 254 && at > 0 && at <= 64 + (s.startsWith('"') ? 2 : 0) && addrSpec.test(s);
}

/** An email address (RFC 5322 addr-spec). */
export const Email = refined('Email', isString, (s) => (isEmailAddress(s) ? undefined : 'not an email address'));

// luxon builds an Intl.DateTimeFormat on every validity check (~0.4 ms); a zone name's validity
// never changes within a process, so remember it. The set of names seen is small and bounded
// by the zones that exist (invalid names are remembered only up to a cap).
const zoneValidity = new Map<string, boolean>();
function isZone(name: string): boolean {
  const known = zoneValidity.get(name);
  if (known !== undefined) return known;
  const valid = IANAZone.isValidZone(name) && !/^[+-]?\d/.test(name);
  if (valid || zoneValidity.size < 10_000) zoneValidity.set(name, valid);
  return valid;
}

/** True for an IANA time zone name such as `Europe/Amsterdam`. */
export function isTimeZone(name: string): boolean {
  return isZone(name);
}

/** An IANA time zone name such as `Europe/Amsterdam`. */
export const TimeZone = refined('TimeZone', isString, (s) =>
  isZone(s) ? undefined : 'not an IANA time zone name (e.g. "Europe/Amsterdam")',
);

// Like zones: a tag's validity never changes within a process, and Intl's check costs
// microseconds on every command that names a locale. Remembered as the zones are, capped.
const localeValidity = new Map<string, boolean>();
function isLocaleTag(tag: string): boolean {
  const known = localeValidity.get(tag);
  if (known !== undefined) return known;
  let valid = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(tag);
  if (valid) {
    try {
      Intl.getCanonicalLocales(tag);
    } catch {
      valid = false;
    }
  }
  if (valid || localeValidity.size < 10_000) localeValidity.set(tag, valid);
  return valid;
}

/** A BCP 47 locale tag such as `en` or `nl-BE`. */
export const Locale = refined('Locale', isString, (s) => (isLocaleTag(s) ? undefined : 'not a locale tag (e.g. "en", "nl-BE")'));

const canonicalUtc = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{3})?Z$/;
const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Normalizes an instant to the one UTC form used everywhere: `2026-03-02T09:00:00Z`. */
export function normalizeInstant(iso: string): string | undefined {
  // Stored events and most commands are already canonical: skip luxon when the digits name a
  // day that exists (not Feb 30).
  if (canonicalUtc.test(iso) && !iso.endsWith('.000Z') && canonicalMillis(iso) !== undefined) return iso;
  if (!withOffset.test(iso)) return undefined;
  const dt = DateTime.fromISO(iso, { setZone: true });
  if (!dt.isValid) return undefined;
  return dt.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined;
}

/** An ISO 8601 instant with an offset; decodes to its UTC form. */
export const Instant = decodesToItself(
  // `is` holds only for the UTC form itself, which decodes to itself.
  new t.Type<string, string, unknown>(
    'Instant',
    (u): u is string => typeof u === 'string' && normalizeInstant(u) === u,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, u === undefined ? 'is required' : 'must be a string');
      const normalized = normalizeInstant(u);
      return normalized === undefined
        ? t.failure(u, c, 'not an ISO 8601 instant with an offset (e.g. "2026-03-02T09:00:00Z")')
        : t.success(normalized);
    },
    t.identity,
  ),
);

// Instants in the canonical UTC form are converted by calendar arithmetic: luxon's parser and
// formatter cost microseconds a call, and planning and status checks convert on every email they
// consider (a third of a replay's time in the benchmarks). The canonical form is
// `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ`; other forms go through luxon.
const dayMs = 86_400_000;
const lastMillis = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);

// Days between 1970-01-01 and a proleptic Gregorian date, and back (H. Hinnant's algorithms).
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Milliseconds since the epoch of an instant string. */
export function toMillis(instant: string): number {
  const canonical = canonicalMillis(instant);
  return canonical ?? DateTime.fromISO(instant, { setZone: true }).toMillis();
}

/** The digits of `text` from `at` to `at + width` as a number, or NaN if one is not a digit. */
function digitsAt(text: string, at: number, width: number): number {
  let n = 0;
  for (let i = at; i < at + width; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Milliseconds of an instant in the canonical form, read digit by
 * digit: a replay reads several instants per event, and a regular expression costs twice as much.
 */
function canonicalMillis(instant: string): number | undefined {
  const fraction = instant.length === 24;
  if (!(instant.length === 20 || fraction) || instant.charCodeAt(instant.length - 1) !== 90 /* Z */) return undefined;
  if (instant[4] !== '-' || instant[7] !== '-' || instant[10] !== 'T' || instant[13] !== ':' || instant[16] !== ':') return undefined;
  if (fraction && instant[19] !== '.') return undefined;
  const y = digitsAt(instant, 0, 4);
  const mo = digitsAt(instant, 5, 2);
  const d = digitsAt(instant, 8, 2);
  const h = digitsAt(instant, 11, 2);
  const mi = digitsAt(instant, 14, 2);
  const s = digitsAt(instant, 17, 2);
  const ms = fraction ? digitsAt(instant, 20, 3) : 0;
  // NaN fails every comparison, so a non-digit anywhere falls through to luxon.
  if (!(ms >= 0 && y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= monthDays(y, mo) && h <= 23 && mi <= 59 && s <= 59)) return undefined;
  return daysFromCivil(y, mo, d) * dayMs + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

/** The UTC instant string of milliseconds since the epoch. */
export function fromMillis(ms: number): string {
  if (Number.isInteger(ms) && ms >= 0 && ms <= lastMillis) {
    const days = Math.floor(ms / dayMs);
    const { year, month, day } = civilFromDays(days);
    const rest = ms - days * dayMs;
    const fraction = rest % 1000;
    const seconds = (rest - fraction) / 1000;
    const time = `${pad(Math.floor(seconds / 3600), 2)}:${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}`;
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${time}${fraction === 0 ? '' : `.${pad(fraction, 3)}`}Z`;
  }
  return DateTime.fromMillis(ms, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? '';
}

/** A whole number of minutes, 1 to 1440. */
export const Minutes = refined(
  'Minutes',
  (u): u is number => typeof u === 'number',
  (n) => (Number.isInteger(n) && n >= 1 && n <= 1440 ? undefined : 'must be a whole number of minutes from 1 to 1440'),
  'must be a number (whole minutes from 1 to 1440)',
);

/** A review rating: a whole number from 1 to 5. */
export const Rating = refined(
  'Rating',
  (u): u is number => typeof u === 'number',
  (n) => (Number.isInteger(n) && n >= 1 && n <= 5 ? undefined : 'must be a whole number from 1 to 5'),
  'must be a number (a whole number from 1 to 5)',
);

/** An absolute http(s) URL. */
export const Url = refined('Url', isString, (s) => {
  try {
    const url = new URL(s);
    return url.protocol === 'https:' || url.protocol === 'http:' ? undefined : 'must be an http(s) URL';
  } catch {
    return 'not a URL';
  }
});

/** A DNS host name (optionally with a port), as used in links: `meet.example.com`. */
export const Hostname = refined('Hostname', isString, (s) =>
  new RegExp(`^${domainName}(?::\\d{1,5})?$`).test(s) && s.length <= 253 ? undefined : 'not a host name (e.g. "meet.example.com")',
);
