import type { Audience, NotificationId } from '@rendezvous/domain';
import * as E from 'fp-ts/Either';
import type { TemplateVariables } from './catalogue';
import { findings } from './check';
import { recall, remember } from './cache';
import { compileEta } from './engine';
import { templateError, type TemplateError, type TemplatePart } from './errors';
import { subjectLine } from './escape';
import { generate } from './generate';
import { parseTemplate } from './parse';
import { runtime, type RenderMode } from './runtime';
import type { TemplateNode } from './syntax';

export type { RenderMode } from './runtime';

/** Where a template is used: it decides which variables exist and how errors are labelled. */
export interface TemplateScope {
  readonly notification: NotificationId;
  readonly audience: Audience;
  readonly part: TemplatePart;
}

/** A template that passed every check: render it as often as needed. */
export interface CompiledTemplate {
  /** Fills the template with the variables, escaped for the mode (HTML body, plain-text subject). */
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
  const cached = recall(key);
  if (cached !== undefined) return E.right(cached);
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

