import { DateTime } from 'luxon';

// Intl quietly falls back to the process's default locale for a tag it has no data for,
// which would make the same history render differently on two machines; pin English instead.
const supportedCache = new Map<string, string>();
function supported(locale: string): string {
  let known = supportedCache.get(locale);
  if (known === undefined) {
    known = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
    supportedCache.set(locale, known);
  }
  return known;
}

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** The date of an instant as luxon's DATE_HUGE in a zone and locale (en: `Monday, March 2, 2026`). */
export function hugeDate(instant: string, zone: string, locale: string): string {
  return DateTime.fromISO(instant, { zone }).setLocale(supported(locale)).toLocaleString(DateTime.DATE_HUGE);
}

/** The time of an instant as `HH:mm` (24-hour, Latin digits) in a zone. */
export function clockTime(instant: string, zone: string): string {
  // Built from the fields rather than toFormat: the same digits, without building an Intl formatter.
  const local = DateTime.fromISO(instant, { zone });
  return `${twoDigits(local.hour)}:${twoDigits(local.minute)}`;
}
