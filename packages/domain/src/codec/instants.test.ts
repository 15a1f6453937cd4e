import fc from 'fast-check';
import { DateTime } from 'luxon';
import { fromMillis, normalizeInstant, toMillis } from './primitives';

// toMillis and fromMillis convert canonical instants by arithmetic; luxon is the reference.
const luxonToMillis = (instant: string): number => DateTime.fromISO(instant, { setZone: true }).toMillis();
const luxonFromMillis = (ms: number): string => DateTime.fromMillis(ms, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) ?? '';
const anyMillis = fc.integer({ min: 0, max: 253_402_300_799_999 });

describe('toMillis and fromMillis', () => {
  it('agree with luxon on every instant from 1970 to 9999', () => {
    fc.assert(
      fc.property(anyMillis, (ms) => {
        expect(fromMillis(ms)).toBe(luxonFromMillis(ms));
        expect(toMillis(fromMillis(ms))).toBe(ms);
        expect(toMillis(luxonFromMillis(ms))).toBe(luxonToMillis(luxonFromMillis(ms)));
      }),
      { numRuns: 5000 },
    );
  });

  it('write whole seconds without a fraction and keep milliseconds otherwise', () => {
    expect(fromMillis(Date.UTC(2026, 2, 2, 9, 0, 0))).toBe('2026-03-02T09:00:00Z');
    expect(fromMillis(Date.UTC(2024, 1, 29, 23, 59, 59, 7))).toBe('2024-02-29T23:59:59.007Z');
    expect(fromMillis(0)).toBe('1970-01-01T00:00:00Z');
  });

  it('read leap days, and treat days and times that do not exist as luxon does', () => {
    expect(toMillis('2024-02-29T12:00:00Z')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(toMillis('2000-02-29T00:00:00.500Z')).toBe(Date.UTC(2000, 1, 29, 0, 0, 0, 500));
    for (const impossible of ['2026-02-29T00:00:00Z', '1900-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-03-02T09:60:00Z']) {
      expect(toMillis(impossible)).toBeNaN();
    }
    // luxon reads 24:00 as the next midnight; the arithmetic path leaves it to luxon.
    expect(toMillis('2026-03-02T24:00:00Z')).toBe(luxonToMillis('2026-03-02T24:00:00Z'));
  });

  it('still read other forms (offsets, no seconds) and years before 1970 through luxon', () => {
    expect(toMillis('2026-03-02T10:00:00+01:00')).toBe(Date.UTC(2026, 2, 2, 9));
    expect(toMillis('2026-03-02T09:00Z')).toBe(Date.UTC(2026, 2, 2, 9));
    expect(fromMillis(Date.UTC(1969, 11, 31, 23, 59, 59))).toBe('1969-12-31T23:59:59Z');
    expect(toMillis('1969-12-31T23:59:59Z')).toBe(Date.UTC(1969, 11, 31, 23, 59, 59));
  });

  it('agree with luxon on canonical-looking text with one character changed', () => {
    const replaced = fc.tuple(anyMillis, fc.nat(), fc.constantFrom(...'0123456789-:.TZz+ x')).map(([ms, at, c]) => {
      const text = fromMillis(ms);
      const i = at % text.length;
      return text.slice(0, i) + c + text.slice(i + 1);
    });
    fc.assert(
      fc.property(replaced, (text) => {
        expect(toMillis(text)).toBe(luxonToMillis(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('normalizeInstant', () => {
  it('keeps canonical instants on the last days of a month, and refuses days that do not exist', () => {
    for (const kept of ['2026-01-31T00:00:00Z', '2024-02-29T12:00:00Z', '2026-04-30T23:59:59.500Z']) expect(normalizeInstant(kept)).toBe(kept);
    for (const missing of ['2026-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2100-02-29T00:00:00Z']) expect(normalizeInstant(missing)).toBeUndefined();
  });

  it('agrees with luxon on every canonical instant from 1970 to 9999', () => {
    fc.assert(
      fc.property(anyMillis, (ms) => {
        const text = fromMillis(ms);
        expect(normalizeInstant(text)).toBe(luxonFromMillis(ms));
      }),
      { numRuns: 2000 },
    );
  });
});
