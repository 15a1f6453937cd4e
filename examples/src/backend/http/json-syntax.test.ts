import { findJsonSyntaxError } from './json-syntax';

describe('findJsonSyntaxError', () => {
  it.each(['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]} ', '"text"', '0'])('finds nothing wrong in %j (JSON.parse accepts it too)', (text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['', 1, 1, 'the body ends where a value was expected'],
    ['{"a" 1}', 1, 6, 'unexpected "1"; expected ":" after the property name'],
    ['{a: 1}', 1, 2, 'unexpected "a"; expected a property name in double quotes'],
    ['[1, 2,]', 1, 7, 'a comma before "]" is not allowed in JSON; remove the trailing comma'],
    ['{"a": "line\nbreak"}', 1, 12, 'a line break or control character inside a string; write it as \\n, \\t or \\uXXXX'],
    ['{"a": "\\x"}', 1, 8, 'invalid escape "\\\\x" in a string; valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX'],
    ['{"a": "open', 1, 7, 'a string is never closed; add the closing double quote'],
    ['{"a": 01}', 1, 8, 'unexpected "1" after a property; expected "," or "}"'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'unexpected "\\"" after a property; expected "," or "}"'],
  ])('%j: line %i, column %i', (text, line, column, message) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ line, column, message });
  });

  it('walks a million open brackets without overflowing the stack', () => {
    expect(findJsonSyntaxError('['.repeat(1_000_000))).toEqual({ line: 1, column: 1_000_001, message: 'the body ends where a value was expected' });
  });
});
