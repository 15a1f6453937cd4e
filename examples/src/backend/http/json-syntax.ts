// JSON.parse says *that* a body is not JSON, but on Node 20 often not *where*, and sometimes it
// quotes the whole input back (up to a megabyte, maybe personal data). When parsing fails this
// scanner walks the text once more to find the first offending character and say what was
// expected there. It is iterative (an explicit stack), so `[[[[…` a million deep cannot overflow.

/** Where a JSON text stops being JSON, 1-based, and what was wrong there. */
export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

type Expect = 'value' | 'firstValue' | 'nextValue' | 'key' | 'firstKey' | 'colon' | 'commaOrEnd';

const describeChar = (ch: string | undefined): string => (ch === undefined ? 'end of the body' : JSON.stringify(ch));

/** Finds the first syntax error of `text`, or undefined when `text` is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: ('{' | '[')[] = [];
  let expect = 'value' as Expect;
  let i = 0;
  let done = false;

  const at = (offset: number, message: string): JsonSyntaxError => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < offset && k < text.length; k++) {
      if (text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return { line, column: offset - lineStart + 1, message };
  };
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const afterValue = (): void => {
    if (stack.length === 0) done = true;
    else expect = 'commaOrEnd';
  };

  const scanString = (): JsonSyntaxError | undefined => {
    const start = i;
    i++;
    while (i < text.length) {
      const ch = text[i] as string;
      if (ch === '"') {
        i++;
        return undefined;
      }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else return at(i, `invalid escape ${JSON.stringify(text.slice(i, i + 2))} in a string; valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX`);
      } else if (ch < ' ') {
        return at(i, 'a line break or control character inside a string; write it as \\n, \\t or \\uXXXX');
      } else i++;
    }
    return at(start, 'a string is never closed; add the closing double quote');
  };

  const scanLiteralOrNumber = (): JsonSyntaxError | undefined => {
    const rest = text.slice(i, i + 5);
    for (const word of ['true', 'false', 'null']) {
      if (rest.startsWith(word)) {
        i += word.length;
        return undefined;
      }
    }
    const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (number !== null && number[0] !== '-') {
      i += number[0].length;
      return undefined;
    }
    const ch = text[i];
    if (ch === "'") return at(i, 'strings must be in double quotes, not single quotes');
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(i, i + 40))?.[0];
    if (word !== undefined) return at(i, `unexpected word ${JSON.stringify(word)}; a value is a "string", a number, true, false, null, an object or an array`);
    return at(i, `unexpected ${describeChar(ch)}; expected a value (a "string", a number, true, false, null, {…} or […])`);
  };

  // One step for "a value goes here": a container opens, or a scalar is read whole.
  const value = (ch: string | undefined, afterComma: boolean): JsonSyntaxError | undefined => {
    if (ch === undefined) return at(i, 'the body ends where a value was expected');
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      expect = ch === '{' ? 'firstKey' : 'firstValue';
      i++;
      return undefined;
    }
    if (afterComma && (ch === ']' || ch === '}')) return at(i, `a comma before ${JSON.stringify(ch)} is not allowed in JSON; remove the trailing comma`);
    const error = ch === '"' ? scanString() : scanLiteralOrNumber();
    if (error === undefined) afterValue();
    return error;
  };
  const key = (ch: string | undefined, afterComma: boolean): JsonSyntaxError | undefined => {
    if (ch === '"') {
      const error = scanString();
      if (error === undefined) expect = 'colon';
      return error;
    }
    if (ch === '}' && afterComma) return at(i, 'a comma before "}" is not allowed in JSON; remove the trailing comma');
    if (ch === "'") return at(i, 'property names must be in double quotes, not single quotes');
    return at(i, `unexpected ${describeChar(ch)}; expected a property name in double quotes`);
  };
  const close = (): void => {
    stack.pop();
    i++;
    afterValue();
  };

  while (!done) {
    skipSpace();
    const ch = text[i];
    let error: JsonSyntaxError | undefined;
    switch (expect) {
      case 'firstValue':
        if (ch === ']') close();
        else error = value(ch, false);
        break;
      case 'value':
        error = value(ch, false);
        break;
      case 'nextValue':
        error = value(ch, true);
        break;
      case 'firstKey':
        if (ch === '}') close();
        else error = key(ch, false);
        break;
      case 'key':
        error = key(ch, true);
        break;
      case 'colon':
        if (ch === ':') {
          i++;
          expect = 'value';
        } else error = at(i, `unexpected ${describeChar(ch)}; expected ":" after the property name`);
        break;
      case 'commaOrEnd': {
        const open = stack[stack.length - 1];
        const closer = open === '{' ? '}' : ']';
        if (ch === ',') {
          i++;
          expect = open === '{' ? 'key' : 'nextValue';
        } else if (ch === closer) close();
        else error = at(i, `unexpected ${describeChar(ch)} after ${open === '{' ? 'a property' : 'an array element'}; expected "," or "${closer}"`);
        break;
      }
    }
    if (error !== undefined) return error;
  }
  skipSpace();
  if (i < text.length) return at(i, `unexpected ${describeChar(text[i])} after the end of the JSON value; send a single value`);
  return undefined;
}
