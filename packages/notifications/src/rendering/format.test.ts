import fc from 'fast-check';
import { DateTime } from 'luxon';
import { clockTime, hugeDate } from './format';

// hugeDate and clockTime format through cached Intl formatters; luxon (what they replaced) is
// the reference for the exact text.
const zones = ['Europe/Amsterdam', 'Europe/London', 'America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC'];
const locales = ['en', 'nl', 'nl-BE', 'de', 'fr-CA', 'ja', 'ar-EG', 'zz-unknown'];
const luxonHuge = (instant: string, zone: string, locale: string): string =>
  DateTime.fromISO(instant, { zone }).setLocale(Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'en').toLocaleString(DateTime.DATE_HUGE);
const luxonClock = (instant: string, zone: string): string => DateTime.fromISO(instant, { zone }).toFormat('HH:mm');
const instants = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }).map((ms) => new Date(ms).toISOString().replace('.000Z', 'Z'));

describe('hugeDate and clockTime', () => {
  it('give the same text as luxon in every zone and locale, across DST changes', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...zones), fc.constantFrom(...locales), (instant, zone, locale) => {
        expect(hugeDate(instant, zone, locale)).toBe(luxonHuge(instant, zone, locale));
        expect(clockTime(instant, zone)).toBe(luxonClock(instant, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('write the contract examples', () => {
    expect(hugeDate('2026-03-02T09:00:00Z', 'Europe/London', 'en')).toBe('Monday, March 2, 2026');
    expect(hugeDate('2026-03-02T09:00:00Z', 'Europe/Amsterdam', 'nl')).toBe('maandag 2 maart 2026');
    expect(clockTime('2026-03-02T09:00:00Z', 'Europe/Amsterdam')).toBe('10:00');
    expect(clockTime('2026-03-01T23:30:00Z', 'Europe/Amsterdam')).toBe('00:30');
  });

  it('read instants with an offset as well', () => {
    expect(clockTime('2026-03-02T10:00:00+01:00', 'UTC')).toBe('09:00');
    expect(hugeDate('2026-03-02T00:30:00+01:00', 'UTC', 'en')).toBe('Sunday, March 1, 2026');
  });
});
