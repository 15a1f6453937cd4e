/** Which part of a customization a template is: the subject line or the HTML body. */
export type TemplatePart = 'subject' | 'body';

/**
 * Why a template is refused when it is saved: where (part, 1-based line and column), what
 * (`construct`: the variable, filter, tag or delimiter as written) and, when there is one, the
 * closest valid name. `message` is one sentence a person can act on, e.g.
 * `body line 3, column 12: unknown variable "meeting.usr.name"; did you mean "meeting.user.name"?`.
 */
export interface TemplateError {
  readonly type: 'TemplateError';
  readonly part: TemplatePart;
  readonly line: number;
  readonly column: number;
  readonly construct: string;
  readonly suggestion?: string;
  readonly message: string;
}

/** Builds a TemplateError, prefixing the detail with `<part> line L, column C: `. */
export function templateError(
  part: TemplatePart,
  at: { readonly line: number; readonly column: number },
  construct: string,
  detail: string,
  suggestion?: string,
): TemplateError {
  return {
    type: 'TemplateError',
    part,
    line: at.line,
    column: at.column,
    construct,
    ...(suggestion === undefined ? {} : { suggestion }),
    message: `${part} line ${at.line}, column ${at.column}: ${detail}`,
  };
}
