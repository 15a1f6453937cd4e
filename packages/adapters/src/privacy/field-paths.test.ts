import { compilePattern, matchPattern, replaceAt } from './field-paths';

describe('personal field paths', () => {
  const data = { host: { name: 'Hanna', location: { city: 'Haarlem' } }, guests: [{ name: 'Gus' }, { name: 'Greta', phone: '+31' }], rating: 5 };

  it('finds every string a pattern reaches, with its path and the indices of the stars', () => {
    expect(matchPattern(data, compilePattern('guests.*.name'))).toEqual([
      { segments: ['guests', 0, 'name'], path: 'data.guests.0.name', indices: [0], value: 'Gus' },
      { segments: ['guests', 1, 'name'], path: 'data.guests.1.name', indices: [1], value: 'Greta' },
    ]);
    expect(matchPattern(data, compilePattern('guests.*.phone')).map((m) => m.path)).toEqual(['data.guests.1.phone']);
    expect(matchPattern(data, compilePattern('host.location.city')).map((m) => m.value)).toEqual(['Haarlem']);
    expect(matchPattern(data, compilePattern('host.profileUrl'))).toEqual([]);
    expect(matchPattern(data, compilePattern('rating'))).toEqual([]); // not a string
    expect(matchPattern({ guests: 'not an array' }, compilePattern('guests.*.name'))).toEqual([]);
  });

  it('replaces values on a copy, sharing what did not change and leaving the input as it was', () => {
    const before = JSON.stringify(data);
    const out = replaceAt(data, [
      { segments: ['guests', 1, 'name'], value: 'X' },
      { segments: ['host', 'location', 'city'], value: 'Y' },
      { segments: ['guests', 1, 'phone'], value: 'Z' },
    ]) as typeof data;
    expect(out).toEqual({ host: { name: 'Hanna', location: { city: 'Y' } }, guests: [{ name: 'Gus' }, { name: 'X', phone: 'Z' }], rating: 5 });
    expect(JSON.stringify(data)).toBe(before);
    expect(out.guests[0]).toBe(data.guests[0]);
    expect(Array.isArray(out.guests)).toBe(true);
    expect(replaceAt(data, [])).toBe(data);
  });
});
