import { DateTime } from 'luxon';
import { toMillis } from '@rendezvous/domain';

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

// One Intl formatter per zone and locale, built once: luxon parses the instant and builds or
// looks up its formatters on every call, a fifth of the time an email took to render
// (BENCHMARKS.md, workload 2). The options are luxon's DATE_HUGE, so the text is the same.
const formatters = new Map<string, Intl.DateTimeFormat>();
const maxFormatters = 2048;
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (found === undefined) {
    if (formatters.size >= maxFormatters) formatters.clear();
    found = make();
    formatters.set(key, found);
  }
  return found;
}

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** The date of an instant as luxon's DATE_HUGE in a zone and locale (en: `Monday, March 2, 2026`). */
export function hugeDate(instant: string, zone: string, locale: string): string {
  const ms = toMillis(instant);
  const tag = supported(locale);
  if (Number.isNaN(ms)) return DateTime.fromISO(instant, { zone }).setLocale(tag).toLocaleString(DateTime.DATE_HUGE);
  const format = formatter(`huge\u0000${zone}\u0000${tag}`, () => new Intl.DateTimeFormat(tag, { ...DateTime.DATE_HUGE, timeZone: zone }));
  return format.format(ms);
}

/** The time of an instant as `HH:mm` (24-hour, Latin digits) in a zone. */
export function clockTime(instant: string, zone: string): string {
  const ms = toMillis(instant);
  if (Number.isNaN(ms)) {
    const local = DateTime.fromISO(instant, { zone });
    return `${twoDigits(local.hour)}:${twoDigits(local.minute)}`;
  }
  // Numbers from the parts, not the formatted text: the same digits whatever the locale.
  const parts = formatter(`clock\u0000${zone}`, () => new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: 'numeric', hourCycle: 'h23', timeZone: zone })).formatToParts(ms);
  let hour = 0;
  let minute = 0;
  for (const part of parts) {
    if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return `${twoDigits(hour)}:${twoDigits(minute)}`;
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * Names joined as a list in a locale ("Ann, Bob and Cy"; nl "Ann, Bob en Cy"). Plain `en` is
 * written without the serial comma, as CONTRACT §3 shows it; en-US keeps its own convention.
 */
export function guestList(guests: readonly { readonly name: string }[], locale: string): string {
  const tag = supported(locale);
  const key = tag.toLowerCase() === 'en' ? 'en-GB' : tag;
  let format = listFormats.get(key);
  if (format === undefined) {
    if (listFormats.size >= maxFormatters) listFormats.clear();
    format = new Intl.ListFormat(key, { style: 'long', type: 'conjunction' });
    listFormats.set(key, format);
  }
  return format.format(guests.map((g) => g.name));
}
