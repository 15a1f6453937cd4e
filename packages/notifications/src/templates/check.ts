import type { NotificationId } from '@rendezvous/domain';
import { variableInfo, variablesFor } from './catalogue';
import { templateError, type TemplateError, type TemplatePart } from './errors';
import { filterMeant, filterNames, isFilterName } from './filters';
import type { SourcePosition } from './locate';
import { closest, isNear } from './suggest';
import type { NameRef, ParsedTemplate, TemplateNode } from './syntax';

/**
 * One thing wrong with a template, its message built only when asked: saving needs just the
 * first, and a hostile template can hold thousands of misspelt names.
 */
export interface Finding {
  readonly offset: number;
  readonly error: () => TemplateError;
}

/** Every syntax problem and every unknown or unavailable name of a parsed template, in source order. */
export function findings(parsed: ParsedTemplate, notification: NotificationId, part: TemplatePart): Finding[] {
  const found: Finding[] = parsed.problems.map((p) => ({
    offset: p.at.offset,
    error: () => templateError(part, p.at, p.construct, p.message, p.suggestion),
  }));
  const available = variablesFor(notification);
  // One suggestion per distinct name: a hostile template may misspell the same name 30 000 times.
  const nearest = new Map<string, ReturnType<typeof closest>>();
  const near = (name: string): ReturnType<typeof closest> => {
    if (!nearest.has(name)) nearest.set(name, closest(name, available));
    return nearest.get(name);
  };
  // Reported at the tag's "{{" or "{%", like every other problem: the Email Editor highlights the tag.
  const variable = (ref: NameRef, at: SourcePosition): void => {
    if (available.includes(ref.name)) return;
    found.push({ offset: at.offset, error: () => variableError(ref.name, at, near(ref.name), part) });
  };
  const walk = (nodes: readonly TemplateNode[]): void => {
    for (const node of nodes) {
      if (node.kind === 'output') {
        variable(node.path, node.at);
        for (const filter of node.filters) {
          if (!isFilterName(filter.name)) found.push({ offset: node.at.offset, error: () => filterError(filter.name, node.at, part) });
        }
      } else if (node.kind === 'if') {
        variable(node.condition.path, node.at);
        walk(node.then);
        walk(node.otherwise);
      }
    }
  };
  walk(parsed.nodes);
  return found.sort((a, b) => a.offset - b.offset);
}

function variableError(name: string, at: SourcePosition, near: ReturnType<typeof closest>, part: TemplatePart): TemplateError {
  const info = variableInfo(name);
  if (info?.only !== undefined) {
    const hint = near !== undefined && isNear(near.distance, near.name) ? near.name : undefined;
    const detail = `"${name}" is only available in ${info.only.join(', ')}${hint === undefined ? '' : `; did you mean "${hint}"?`}`;
    return templateError(part, at, name, detail, hint);
  }
  const detail = `unknown variable ${show(name)}${near === undefined ? '' : `; did you mean "${near.name}"?`}`;
  return templateError(part, at, name, detail, near?.name);
}

function filterError(name: string, at: SourcePosition, part: TemplatePart): TemplateError {
  const meant = filterMeant(name) ?? closest(name, filterNames)?.name;
  const detail = `unknown filter ${show(name)}${meant === undefined ? '' : `; did you mean "${meant}"?`}`;
  return templateError(part, at, name, detail, meant);
}

// A hostile template can name a 100 KB "variable"; the message quotes the start of it.
function show(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
}
