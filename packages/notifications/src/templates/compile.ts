import type { Audience, NotificationId } from '@rendezvous/domain';
import * as E from 'fp-ts/Either';
import type { TemplateVariables } from './catalogue';
import { findings } from './check';
import { compileEta, type TemplateRuntime } from './engine';
import { templateError, type TemplateError, type TemplatePart } from './errors';
import { escapeHtml, nl2br, subjectLine } from './escape';
import { generate, type Generated } from './generate';
import { parseTemplate } from './parse';
import type { TemplateNode } from './syntax';
import { display, equals, lookup, truthy } from './values';

/** Where a template is used: it decides which variables exist and how errors are labelled. */
export interface TemplateScope {
  readonly notification: NotificationId;
  readonly audience: Audience;
  readonly part: TemplatePart;
}

/** How to render: `html` escapes values for an HTML body; `subject` gives one plain-text header line. */
export type RenderMode = 'html' | 'subject';

/** A template that passed every check: render it as often as needed. */
export interface CompiledTemplate {
  render(vars: TemplateVariables, mode: RenderMode): string;
  /** The catalogue variables the template reads, in order of first use. */
  readonly variables: readonly string[];
}

/** The longest template accepted (characters); far above any email, far below what would slow a save. */
export const maxTemplateLength = 512 * 1024;

/** Every error of a template, in source order (empty when it compiles). */
export function templateErrors(source: string, scope: TemplateScope): readonly TemplateError[] {
  const tooLong = lengthError(source, scope.part);
  if (tooLong !== undefined) return [tooLong];
  return findings(parseTemplate(source), scope.notification, scope.part).map((f) => f.error());
}

/** Checks a template for its notification and compiles it, or returns the first error in source order. */
export function compileTemplate(source: string, scope: TemplateScope): E.Either<TemplateError, CompiledTemplate> {
  const key = `${scope.notification}\u0000${scope.part}\u0000${source}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    // Map order is the eviction order: a hit moves to the young end.
    cache.delete(key);
    cache.set(key, cached);
    return E.right(cached);
  }
  const tooLong = lengthError(source, scope.part);
  if (tooLong !== undefined) return E.left(tooLong);
  const parsed = parseTemplate(source);
  const first = findings(parsed, scope.notification, scope.part)[0];
  if (first !== undefined) return E.left(first.error());
  const compiled = build(parsed.nodes);
  remember(key, compiled);
  return E.right(compiled);
}

function lengthError(source: string, part: TemplatePart): TemplateError | undefined {
  if (source.length <= maxTemplateLength) return undefined;
  const detail = `the template is ${source.length} characters long; at most ${maxTemplateLength} are allowed`;
  return templateError(part, { line: 1, column: 1 }, 'template', detail);
}

function build(nodes: readonly TemplateNode[]): CompiledTemplate {
  const generated = generate(nodes);
  const run = compileEta(generated.eta);
  return {
    variables: generated.variables,
    render(vars, mode) {
      const out = run(runtime(generated, vars, mode));
      return mode === 'subject' ? subjectLine(out) : out;
    },
  };
}

function runtime(g: Generated, vars: TemplateVariables, mode: RenderMode): TemplateRuntime {
  return {
    t: (i) => g.texts[i] ?? '',
    v: (i) => {
      const slot = g.outputs[i];
      if (slot === undefined) return '';
      let text = display(lookup(vars, slot.name));
      for (const filter of slot.filters) {
        if (filter === 'upper') text = text.toUpperCase();
        else if (filter === 'lower') text = text.toLowerCase();
      }
      if (mode === 'subject') return text;
      // nl2br after escaping, so the only markup a value can ever produce is our own <br>.
      const escaped = escapeHtml(text);
      return slot.filters.includes('nl2br') ? nl2br(escaped) : escaped;
    },
    c: (i) => {
      const slot = g.conditions[i];
      if (slot === undefined) return false;
      const value = lookup(vars, slot.name);
      if (slot.compare === undefined) return truthy(value);
      const same = equals(value, slot.compare.literal);
      return slot.compare.op === '==' ? same : !same;
    },
  };
}

// Compile on save, render many: rendering compiles the stored template again, so keep the
// compiled functions. Bounded by entries and by characters held, oldest out first.
const cache = new Map<string, CompiledTemplate>();
const maxEntries = 256;
const maxCharacters = 8 * 1024 * 1024;
let characters = 0;

function remember(key: string, compiled: CompiledTemplate): void {
  cache.set(key, compiled);
  characters += key.length;
  for (const [oldest] of cache) {
    if (cache.size <= maxEntries && characters <= maxCharacters) break;
    cache.delete(oldest);
    characters -= oldest.length;
  }
}
