// Dates the way a hand-written renderer would do them: one cached Intl formatter per zone and
// locale, nothing else. (The library formats through luxon.)

const hugeFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** `Monday, March 2, 2026` in the zone and locale. */
export function hugeDate(ms: number, zone: string, locale: string): string {
  const key = `${zone} ${locale}`;
  let format = hugeFormats.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: zone });
    hugeFormats.set(key, format);
  }
  return format.format(ms);
}

/** `09:00` in the zone. */
export function clockTime(ms: number, zone: string): string {
  let format = clockFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone });
    clockFormats.set(zone, format);
  }
  return format.format(ms);
}
