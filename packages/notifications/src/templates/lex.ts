import type { TemplateLiteral } from './syntax';

/** A token inside `{{ }}` or `{% %}`; `offset` indexes the whole template source. */
export type Token =
  | { readonly kind: 'name'; readonly text: string; readonly offset: number }
  | { readonly kind: 'pipe'; readonly text: string; readonly offset: number }
  | { readonly kind: 'op'; readonly text: '==' | '!='; readonly offset: number }
  | { readonly kind: 'literal'; readonly text: string; readonly literal: TemplateLiteral; readonly offset: number };

/** Why the inside of a tag could not be split into tokens. */
export interface LexProblem {
  readonly offset: number;
  readonly construct: string;
  readonly message: string;
  readonly suggestion?: string;
}

const identifier = /[A-Za-z_][A-Za-z0-9_]*/y;
const number = /-?[0-9]+(?:\.[0-9]+)?(?![A-Za-z0-9_.])/y;
const operator = /!?=+|!/y;
const space = /\s/;

function match(pattern: RegExp, source: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(source)?.[0];
}

/** Splits `source[start, end)` (the inside of one tag) into tokens, or says what is wrong at which offset. */
export function lexTag(source: string, start: number, end: number, tag: string): readonly Token[] | LexProblem {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const ch = source[i] ?? '';
    if (space.test(ch)) {
      i += 1;
      continue;
    }
    if (ch === '|') {
      tokens.push({ kind: 'pipe', text: '|', offset: i });
      i += 1;
      continue;
    }
    if (ch === '=' || ch === '!') {
      const run = match(operator, source, i) ?? ch;
      if (run === '==' || run === '!=') {
        tokens.push({ kind: 'op', text: run, offset: i });
        i += run.length;
        continue;
      }
      const suggestion = run.startsWith('!') ? '!=' : '==';
      return { offset: i, construct: run, message: `"${run}" is not an operator; did you mean "${suggestion}"?`, suggestion };
    }
    if (ch === '"' || ch === "'") {
      const literal = lexString(source, i, end);
      if (literal === undefined) {
        return { offset: i, construct: ch, message: `unclosed string literal (expected a closing ${ch} before "${tag.slice(-2)}")` };
      }
      tokens.push({ kind: 'literal', text: source.slice(i, literal.next), literal: { kind: 'string', value: literal.value }, offset: i });
      i = literal.next;
      continue;
    }
    const digits = match(number, source, i);
    if (digits !== undefined && i + digits.length <= end) {
      tokens.push({ kind: 'literal', text: digits, literal: { kind: 'number', value: Number(digits) }, offset: i });
      i += digits.length;
      continue;
    }
    const first = match(identifier, source, i);
    if (first !== undefined) {
      let name = first;
      let j = i + first.length;
      while (j < end && source[j] === '.') {
        const segment = j + 1 < end ? match(identifier, source, j + 1) : undefined;
        if (segment === undefined || j + 1 + segment.length > end) {
          return { offset: j, construct: `${name}.`, message: `expected a name after "." in "${name}."` };
        }
        name = `${name}.${segment}`;
        j += 1 + segment.length;
      }
      tokens.push({ kind: 'name', text: name, offset: i });
      i = j;
      continue;
    }
    const shown = String.fromCodePoint(source.codePointAt(i) ?? 0);
    return { offset: i, construct: shown, message: `unexpected ${JSON.stringify(shown)} in ${tag}` };
  }
  return tokens;
}

// Backslash escapes the next character, so a literal can hold its own quote: 'it\'s'.
function lexString(source: string, start: number, end: number): { value: string; next: number } | undefined {
  const quote = source[start];
  let value = '';
  for (let i = start + 1; i < end; i++) {
    const ch = source[i];
    if (ch === quote) return { value, next: i + 1 };
    if (ch === '\\' && i + 1 < end) {
      i += 1;
      value += source[i] ?? '';
    } else {
      value += ch ?? '';
    }
  }
  return undefined;
}
