import { Locator, type SourcePosition } from './locate';
import { Finder } from './find';
import { lexTag, type Token } from './lex';
import { closest, isNear } from './suggest';
import type { Condition, IfNode, ParsedTemplate, TemplateLiteral, TemplateNode, TemplateProblem } from './syntax';

/** How deep `{% if %}` may nest: far beyond any real email, well within what eta's generated code can hold. */
export const maxIfDepth = 100;

const keywords = ['if', 'else', 'endif'] as const;

interface Frame {
  readonly at: SourcePosition;
  /** Undefined when the `{% if %}` tag itself was broken: its branches are parsed but not kept. */
  readonly condition: Condition | undefined;
  readonly then: TemplateNode[];
  readonly otherwise: TemplateNode[];
  inElse: boolean;
}

/** Parses a template into a tree with the position of every node, collecting every syntax problem (in source order). */
export function parseTemplate(source: string): ParsedTemplate {
  const locate = new Locator(source);
  const find = new Finder(source);
  const problems: TemplateProblem[] = [];
  const root: TemplateNode[] = [];
  const stack: Frame[] = [];
  // Every problem is reported at the opening "{{" or "{%" of its tag: the Email Editor highlights the tag.
  const problem = (at: SourcePosition, construct: string, message: string, suggestion?: string): void => {
    problems.push({ at, construct, message, ...(suggestion === undefined ? {} : { suggestion }) });
  };
  const current = (): TemplateNode[] => {
    const top = stack[stack.length - 1];
    return top === undefined ? root : top.inElse ? top.otherwise : top.then;
  };
  const nextOpen = (from: number): number => {
    const a = find.next('{{', from);
    const b = find.next('{%', from);
    return a === -1 ? b : b === -1 ? a : Math.min(a, b);
  };

  let i = 0;
  while (i < source.length) {
    const open = nextOpen(i);
    if (open === -1) {
      current().push({ kind: 'text', text: source.slice(i), at: locate.at(i) });
      break;
    }
    if (open > i) current().push({ kind: 'text', text: source.slice(i, open), at: locate.at(i) });
    const isOutput = source[open + 1] === '{';
    const closer = isOutput ? '}}' : '%}';
    const close = find.next(closer, open + 2);
    const following = nextOpen(open + 2);
    if (close === -1 || (following !== -1 && following < close)) {
      const opener = isOutput ? '{{' : '{%';
      problem(locate.at(open), opener, `unclosed "${opener}" (expected "${closer}")`);
      i = following === -1 ? source.length : following;
      continue;
    }
    const at = locate.at(open);
    const lexed = lexTag(source, open + 2, close, tagLabel(source.slice(open + 2, close), isOutput));
    i = close + 2;
    if (!Array.isArray(lexed)) {
      const bad = lexed as Exclude<typeof lexed, readonly Token[]>;
      problem(at, bad.construct, bad.message, bad.suggestion);
      // Keep {% if %} / {% endif %} balanced even when the if's test is unreadable.
      if (!isOutput && /^\s*if\b/.test(source.slice(open + 2, Math.min(close, open + 40)))) pushIf(at, undefined);
      continue;
    }
    const tokens = lexed as readonly Token[];
    if (isOutput) outputTag(open, at, tokens);
    else blockTag(open, at, tokens);
  }
  for (const frame of stack) {
    problems.push({
      at: frame.at,
      construct: '{% if %}',
      message: `{% if %} opened at line ${frame.at.line}, column ${frame.at.column} is never closed`,
    });
  }
  problems.sort((a, b) => a.at.offset - b.at.offset);
  return { nodes: root, problems };

  function outputTag(open: number, at: SourcePosition, tokens: readonly Token[]): void {
    const [head, ...rest] = tokens;
    if (head === undefined) {
      return problem(at, '{{ }}', 'empty "{{ }}"; write a variable name inside, e.g. {{ meeting.user.name }}');
    }
    if (head.kind !== 'name') {
      return problem(at, head.text, `expected a variable name in {{ }}, found ${quote(head.text)}`);
    }
    const path = { name: head.text, at: locate.at(head.offset) };
    const filters: { name: string; at: SourcePosition }[] = [];
    let previous: Token = head;
    for (let k = 0; k < rest.length; k += 2) {
      const pipe = rest[k];
      const filter = rest[k + 1];
      if (pipe === undefined) break;
      if (pipe.kind !== 'pipe') {
        return problem(at, pipe.text, `unexpected ${quote(pipe.text)} after ${quote(previous.text)}; expected "|" and a filter, or "}}"`);
      }
      if (filter?.kind !== 'name') {
        return problem(at, filter?.text ?? '|', 'expected a filter name after "|" (nl2br, upper or lower)');
      }
      filters.push({ name: filter.text, at: locate.at(filter.offset) });
      previous = filter;
    }
    current().push({ kind: 'output', path, filters, at });
  }

  function blockTag(open: number, at: SourcePosition, tokens: readonly Token[]): void {
    const [head, ...rest] = tokens;
    if (head?.kind !== 'name') {
      const found = head === undefined ? '' : `, found ${quote(head.text)}`;
      return problem(at, head?.text ?? '{% %}', `expected if, else or endif after "{%"${found}`);
    }
    const keyword = head.text;
    if (keyword === 'if') return ifTag(at, head, rest);
    if (keyword !== 'else' && keyword !== 'endif') {
      const near = closest(keyword, keywords);
      const hint = near !== undefined && isNear(near.distance, near.name) ? near.name : undefined;
      return problem(at,
        keyword,
        `unknown tag "{% ${keyword} %}"; expected if, else or endif${hint === undefined ? '' : `; did you mean "${hint}"?`}`,
        hint,
      );
    }
    const extra = rest[0];
    if (extra !== undefined) {
      return problem(at, extra.text, `unexpected ${quote(extra.text)} in {% ${keyword} %}; it takes nothing else`);
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return problem(at, `{% ${keyword} %}`, `{% ${keyword} %} without {% if %}`);
    if (keyword === 'endif') {
      stack.pop();
      if (top.condition !== undefined) {
        const node: IfNode = { kind: 'if', condition: top.condition, then: top.then, otherwise: top.otherwise, at: top.at };
        current().push(node);
      }
      return;
    }
    if (top.inElse) {
      return problem(at, '{% else %}', `second {% else %} in the {% if %} opened at line ${top.at.line}, column ${top.at.column}`);
    }
    top.inElse = true;
  }

  function ifTag(at: SourcePosition, head: Token, rest: readonly Token[]): void {
    const condition = readCondition(at, head, rest);
    if (stack.length >= maxIfDepth) {
      problem(at, '{% if %}', `{% if %} nested more than ${maxIfDepth} deep; simplify the template`);
      return pushIf(at, undefined);
    }
    pushIf(at, condition);
  }

  function readCondition(at: SourcePosition, head: Token, rest: readonly Token[]): Condition | undefined {
    const [path, op, right, extra] = rest;
    if (path?.kind !== 'name') {
      const found = path === undefined ? '' : `, found ${quote(path.text)}`;
      problem(at, path?.text ?? 'if', `expected a variable name after "if"${found}`);
      return undefined;
    }
    const ref = { name: path.text, at: locate.at(path.offset) };
    if (op === undefined) return { path: ref };
    if (op.kind !== 'op') {
      problem(at, op.text, `unexpected ${quote(op.text)} after ${quote(path.text)}; expected "==", "!=" or "%}"`);
      return undefined;
    }
    const literal = right === undefined ? undefined : literalOf(right);
    if (right === undefined || literal === undefined) {
      // A bare word on the right is most likely a string without its quotes: {% if meeting.status == live %}.
      const bare = right?.kind === 'name' ? `'${right.text}'` : undefined;
      const found = right === undefined ? '' : `, found ${quote(right.text)}`;
      const hint = bare === undefined ? '' : `; did you mean ${bare}?`;
      problem(at, right?.text ?? op.text, `expected a string, number, true or false after "${op.text}"${found}${hint}`, bare);
      return undefined;
    }
    if (extra !== undefined) {
      problem(at, extra.text, `unexpected ${quote(extra.text)}; {% if %} takes one variable and at most one comparison`);
      return undefined;
    }
    return { path: ref, compare: { op: op.text, literal, at: locate.at(right.offset) } };
  }

  function pushIf(at: SourcePosition, condition: Condition | undefined): void {
    stack.push({ at, condition, then: [], otherwise: [], inElse: false });
  }
}

function literalOf(token: Token): TemplateLiteral | undefined {
  if (token.kind === 'literal') return token.literal;
  if (token.kind === 'name' && (token.text === 'true' || token.text === 'false')) return { kind: 'boolean', value: token.text === 'true' };
  return undefined;
}

// How a tag is quoted in a message: its own text, shortened, so the admin finds it.
function tagLabel(inside: string, isOutput: boolean): string {
  const flat = inside.replace(/\s+/g, ' ').trim();
  const shown = flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
  return isOutput ? `{{ ${shown} }}` : `{% ${shown} %}`;
}

function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}
