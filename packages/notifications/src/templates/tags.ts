import type { Token } from './lex';
import type { Locator } from './locate';
import { closest, isNear } from './suggest';
import type { Condition, NameRef, TemplateLiteral } from './syntax';

/** What is wrong inside one tag (its position is the tag's). */
export interface TagIssue {
  readonly construct: string;
  readonly message: string;
  readonly suggestion?: string;
}

/** A `{% %}` tag read from its tokens; an unreadable `{% if %}` still says it was one, to keep endifs balanced. */
export type BlockTag =
  | { readonly keyword: 'if'; readonly condition: Condition }
  | { readonly keyword: 'else' | 'endif' }
  | { readonly keyword: 'if' | undefined; readonly issue: TagIssue };

const keywords = ['if', 'else', 'endif'] as const;

const issue = (construct: string, message: string, suggestion?: string): TagIssue => ({
  construct,
  message,
  ...(suggestion === undefined ? {} : { suggestion }),
});

/** Reads the tokens of `{{ path|filter… }}`. */
export function readOutput(tokens: readonly Token[], locate: Locator): { path: NameRef; filters: NameRef[] } | TagIssue {
  const [head, ...rest] = tokens;
  if (head === undefined) return issue('{{ }}', 'empty "{{ }}"; write a variable name inside, e.g. {{ meeting.user.name }}');
  if (head.kind !== 'name') return issue(head.text, `expected a variable name in {{ }}, found ${quote(head.text)}`);
  const path = { name: head.text, at: locate.at(head.offset) };
  const filters: NameRef[] = [];
  let previous: Token = head;
  for (let k = 0; k < rest.length; k += 2) {
    const pipe = rest[k];
    const filter = rest[k + 1];
    if (pipe === undefined) break;
    if (pipe.kind !== 'pipe') {
      return issue(pipe.text, `unexpected ${quote(pipe.text)} after ${quote(previous.text)}; expected "|" and a filter, or "}}"`);
    }
    if (filter?.kind !== 'name') return issue(filter?.text ?? '|', 'expected a filter name after "|" (nl2br, upper or lower)');
    filters.push({ name: filter.text, at: locate.at(filter.offset) });
    previous = filter;
  }
  return { path, filters };
}

/** Reads the tokens of `{% if … %}`, `{% else %}` or `{% endif %}`. */
export function readBlock(tokens: readonly Token[], locate: Locator): BlockTag {
  const [head, ...rest] = tokens;
  if (head?.kind !== 'name') {
    const found = head === undefined ? '' : `, found ${quote(head.text)}`;
    return { keyword: undefined, issue: issue(head?.text ?? '{% %}', `expected if, else or endif after "{%"${found}`) };
  }
  const keyword = head.text;
  if (keyword === 'if') {
    const condition = readCondition(rest, locate);
    return 'construct' in condition ? { keyword, issue: condition } : { keyword, condition };
  }
  if (keyword !== 'else' && keyword !== 'endif') {
    const near = closest(keyword, keywords);
    const hint = near !== undefined && isNear(near.distance, near.name) ? near.name : undefined;
    const detail = `unknown tag "{% ${keyword} %}"; expected if, else or endif${hint === undefined ? '' : `; did you mean "${hint}"?`}`;
    return { keyword: undefined, issue: issue(keyword, detail, hint) };
  }
  const extra = rest[0];
  if (extra !== undefined) {
    return { keyword: undefined, issue: issue(extra.text, `unexpected ${quote(extra.text)} in {% ${keyword} %}; it takes nothing else`) };
  }
  return { keyword };
}

function readCondition(rest: readonly Token[], locate: Locator): Condition | TagIssue {
  const [path, op, right, extra] = rest;
  if (path?.kind !== 'name') {
    const found = path === undefined ? '' : `, found ${quote(path.text)}`;
    return issue(path?.text ?? 'if', `expected a variable name after "if"${found}`);
  }
  const ref = { name: path.text, at: locate.at(path.offset) };
  if (op === undefined) return { path: ref };
  if (op.kind !== 'op') return issue(op.text, `unexpected ${quote(op.text)} after ${quote(path.text)}; expected "==", "!=" or "%}"`);
  const literal = right === undefined ? undefined : literalOf(right);
  if (right === undefined || literal === undefined) {
    // A bare word on the right is most likely a string without its quotes: {% if meeting.status == live %}.
    const bare = right?.kind === 'name' ? `'${right.text}'` : undefined;
    const found = right === undefined ? '' : `, found ${quote(right.text)}`;
    const hint = bare === undefined ? '' : `; did you mean ${bare}?`;
    return issue(right?.text ?? op.text, `expected a string, number, true or false after "${op.text}"${found}${hint}`, bare);
  }
  if (extra !== undefined) {
    return issue(extra.text, `unexpected ${quote(extra.text)}; {% if %} takes one variable and at most one comparison`);
  }
  return { path: ref, compare: { op: op.text, literal, at: locate.at(right.offset) } };
}

function literalOf(token: Token): TemplateLiteral | undefined {
  if (token.kind === 'literal') return token.literal;
  if (token.kind === 'name' && (token.text === 'true' || token.text === 'false')) return { kind: 'boolean', value: token.text === 'true' };
  return undefined;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
