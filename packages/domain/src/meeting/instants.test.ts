import { isAfter } from './instants';

describe('isAfter', () => {
  it('orders UTC instants, with and without milliseconds', () => {
    expect(isAfter('2026-03-02T09:00:01Z', '2026-03-02T09:00:00Z')).toBe(true);
    expect(isAfter('2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z')).toBe(false);
    expect(isAfter('2026-03-02T09:00:00.500Z', '2026-03-02T09:00:00Z')).toBe(true);
    expect(isAfter('2026-03-02T09:00:00Z', '2026-03-02T09:00:00.500Z')).toBe(false);
    expect(isAfter('2027-01-01T00:00:00Z', '2026-12-31T23:59:59.999Z')).toBe(true);
  });

  it('falls back to parsing for instants with an offset', () => {
    expect(isAfter('2026-03-02T10:00:01+01:00', '2026-03-02T09:00:00Z')).toBe(true);
    expect(isAfter('2026-03-02T10:00:00+01:00', '2026-03-02T09:00:00Z')).toBe(false);
  });
});
