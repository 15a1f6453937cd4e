import type { SourcePosition } from './locate';

/** A literal on the right of `==` / `!=` in `{% if %}`. */
export type TemplateLiteral =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean };

/** A name written in a tag (a variable path or a filter), with where it starts. */
export interface NameRef {
  readonly name: string;
  readonly at: SourcePosition;
}

/** Literal template text, passed through as written. */
export interface TextNode {
  readonly kind: 'text';
  readonly text: string;
  readonly at: SourcePosition;
}

/** `{{ path|filter|filter }}`. */
export interface OutputNode {
  readonly kind: 'output';
  readonly path: NameRef;
  readonly filters: readonly NameRef[];
  readonly at: SourcePosition;
}

/** The test of `{% if %}`: a variable, optionally compared with a literal. */
export interface Condition {
  readonly path: NameRef;
  readonly compare?: { readonly op: '==' | '!='; readonly literal: TemplateLiteral; readonly at: SourcePosition };
}

/** `{% if %}…{% else %}…{% endif %}`; `at` is where its `{%` starts. */
export interface IfNode {
  readonly kind: 'if';
  readonly condition: Condition;
  readonly then: readonly TemplateNode[];
  readonly otherwise: readonly TemplateNode[];
  readonly at: SourcePosition;
}

/** A node of a parsed template. */
export type TemplateNode = TextNode | OutputNode | IfNode;

/** Something wrong with a template's syntax, before the variable names are checked. */
export interface TemplateProblem {
  readonly at: SourcePosition;
  /** The variable, filter, tag or delimiter the problem is about, as written. */
  readonly construct: string;
  /** Without the `<part> line L, column C: ` prefix. */
  readonly message: string;
  readonly suggestion?: string;
}

/** A parsed template: the tree (meaningful only when `problems` is empty) and every syntax problem in source order. */
export interface ParsedTemplate {
  readonly nodes: readonly TemplateNode[];
  readonly problems: readonly TemplateProblem[];
}
