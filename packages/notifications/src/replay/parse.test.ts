import * as E from 'fp-ts/Either';
import { parseHistory } from './parse';

const message = (text: string): string => {
  const result = parseHistory(text);
  return E.isLeft(result) ? result.left.message : 'parsed';
};

describe('parseHistory', () => {
  it('reads a JSON array', () => {
    expect(parseHistory(' [ {"type": "A"}, {"type": "B"} ] ')).toEqual(E.right([{ type: 'A' }, { type: 'B' }]));
  });

  it('reads NDJSON, skipping blank lines and CRLF endings, and a leading BOM', () => {
    expect(parseHistory('\uFEFF{"type": "A"}\r\n\r\n  \n{"type": "B"}\n')).toEqual(E.right([{ type: 'A' }, { type: 'B' }]));
  });

  it('names the NDJSON line that does not parse, with a column and a reason that do not depend on the Node version', () => {
    expect(message('{"type": "A"}\n\n{"type": "B"')).toBe("line 3, column 13: not valid JSON: Expected ',' or '}' after property value");
    expect(parseHistory('{"type": "A"}\nnope')).toEqual(E.left({ type: 'ReplayError', line: 2, message: "line 2: not valid JSON: unexpected 'o'" }));
  });

  it('names the place in a JSON array that does not parse', () => {
    expect(message('[\n  {"type": "A"},\n  {"type" "B"}\n]')).toBe("line 3, column 11: not valid JSON: Expected ':' after property name");
    expect(message('[1,]')).toBe("the history is not valid JSON: unexpected ']'");
  });

  it('gives an empty history for an empty file', () => {
    expect(parseHistory('')).toEqual(E.right([]));
    expect(parseHistory('[]')).toEqual(E.right([]));
  });
});
