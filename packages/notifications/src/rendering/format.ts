import { DateTime } from 'luxon';

// Intl quietly falls back to the process's default locale for a tag it has no data for,
// which would make the same history render differently on two machines; pin English instead.
function supported(locale: string): string {
  return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en';
}

/** The date of an instant as luxon's DATE_HUGE in a zone and locale (en: `Monday, March 2, 2026`). */
export function hugeDate(instant: string, zone: string, locale: string): string {
  return DateTime.fromISO(instant, { zone }).setLocale(supported(locale)).toLocaleString(DateTime.DATE_HUGE);
}

/** The time of an instant as `HH:mm` (24-hour, Latin digits) in a zone. */
export function clockTime(instant: string, zone: string): string {
  return DateTime.fromISO(instant, { zone }).setLocale('en').toFormat('HH:mm');
}
