import type { FilterName } from './filters';
import type { TemplateLiteral, TemplateNode } from './syntax';

/** A `{{ }}` of the template, as a row of the table the generated code indexes into. */
export interface OutputSlot {
  readonly name: string;
  readonly filters: readonly FilterName[];
}

/** A `{% if %}` test, as a row of the table the generated code indexes into. */
export interface ConditionSlot {
  readonly name: string;
  readonly compare?: { readonly op: '==' | '!='; readonly literal: TemplateLiteral };
}

/** The eta source we generate and the tables it reads; the admin's text lives only in the tables. */
export interface Generated {
  readonly eta: string;
  readonly texts: readonly string[];
  readonly outputs: readonly OutputSlot[];
  readonly conditions: readonly ConditionSlot[];
  /** Distinct variable names, in order of first use. */
  readonly variables: readonly string[];
}

/**
 * Turns a checked tree into eta source made only of our own calls with integer arguments:
 * `<%~ it.t(0) %>` (literal text 0), `<%~ it.v(1) %>` (output 1), `<% if (it.c(2)) { %>`.
 * Nothing the admin typed is ever part of that source, so eta has nothing of theirs to run.
 */
export function generate(nodes: readonly TemplateNode[]): Generated {
  const code: string[] = [];
  const texts: string[] = [];
  const outputs: OutputSlot[] = [];
  const conditions: ConditionSlot[] = [];
  const variables = new Set<string>();
  const emit = (list: readonly TemplateNode[]): void => {
    for (const node of list) {
      if (node.kind === 'text') {
        code.push(`<%~ it.t(${texts.length}) %>`);
        texts.push(node.text);
      } else if (node.kind === 'output') {
        code.push(`<%~ it.v(${outputs.length}) %>`);
        outputs.push({ name: node.path.name, filters: node.filters.map((f) => f.name as FilterName) });
        variables.add(node.path.name);
      } else {
        const { path, compare } = node.condition;
        code.push(`<% if (it.c(${conditions.length})) { %>`);
        conditions.push({ name: path.name, ...(compare === undefined ? {} : { compare: { op: compare.op, literal: compare.literal } }) });
        variables.add(path.name);
        emit(node.then);
        if (node.otherwise.length > 0) {
          code.push('<% } else { %>');
          emit(node.otherwise);
        }
        code.push('<% } %>');
      }
    }
  };
  emit(nodes);
  return { eta: code.join(''), texts, outputs, conditions, variables: [...variables] };
}
