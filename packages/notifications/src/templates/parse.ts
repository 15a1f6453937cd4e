import { Locator, type SourcePosition } from './locate';
import { Finder } from './find';
import { lexTag, type Token } from './lex';
import type { Condition, ParsedTemplate, TemplateNode, TemplateProblem } from './syntax';
import { readBlock, readOutput, type BlockTag, type TagIssue } from './tags';

/** How deep `{% if %}` may nest: far beyond any real email, well within what eta's generated code can hold. */
export const maxIfDepth = 100;

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
  const report = (at: SourcePosition, issue: TagIssue): void => {
    problems.push({ at, ...issue });
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
      report(locate.at(open), { construct: opener, message: `unclosed "${opener}" (expected "${closer}")` });
      i = following === -1 ? source.length : following;
      continue;
    }
    const at = locate.at(open);
    const lexed = lexTag(source, open + 2, close, tagLabel(source.slice(open + 2, close), isOutput));
    i = close + 2;
    if (!Array.isArray(lexed)) {
      const { offset: _offset, ...bad } = lexed as Exclude<typeof lexed, readonly Token[]>;
      report(at, bad);
      // Keep {% if %} / {% endif %} balanced even when the if's test is unreadable.
      if (!isOutput && /^\s*if\b/.test(source.slice(open + 2, Math.min(close, open + 40)))) pushIf(at, undefined);
      continue;
    }
    const tokens = lexed as readonly Token[];
    if (isOutput) {
      const read = readOutput(tokens, locate);
      if ('construct' in read) report(at, read);
      else current().push({ kind: 'output', path: read.path, filters: read.filters, at });
    } else {
      structure(at, readBlock(tokens, locate));
    }
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

  // Opens, switches and closes if-frames; every problem is a value, so one bad tag never hides the rest.
  function structure(at: SourcePosition, tag: BlockTag): void {
    if ('issue' in tag) {
      report(at, tag.issue);
      if (tag.keyword === 'if') pushIf(at, undefined);
      return;
    }
    if (tag.keyword === 'if') {
      if (stack.length < maxIfDepth) return pushIf(at, tag.condition);
      report(at, { construct: '{% if %}', message: `{% if %} nested more than ${maxIfDepth} deep; simplify the template` });
      return pushIf(at, undefined);
    }
    const top = stack[stack.length - 1];
    const written = `{% ${tag.keyword} %}`;
    if (top === undefined) return report(at, { construct: written, message: `${written} without {% if %}` });
    if (tag.keyword === 'endif') {
      stack.pop();
      if (top.condition !== undefined) {
        current().push({ kind: 'if', condition: top.condition, then: top.then, otherwise: top.otherwise, at: top.at });
      }
      return;
    }
    if (top.inElse) {
      const message = `second {% else %} in the {% if %} opened at line ${top.at.line}, column ${top.at.column}`;
      return report(at, { construct: written, message });
    }
    top.inElse = true;
  }

  function pushIf(at: SourcePosition, condition: Condition | undefined): void {
    stack.push({ at, condition, then: [], otherwise: [], inElse: false });
  }
}

// How a tag is quoted in a message: its own text, shortened, so the admin finds it.
function tagLabel(inside: string, isOutput: boolean): string {
  const flat = inside.replace(/\s+/g, ' ').trim();
  const shown = flat.length > 40 ? `${flat.slice(0, 40)}…` : flat;
  return isOutput ? `{{ ${shown} }}` : `{% ${shown} %}`;
}
