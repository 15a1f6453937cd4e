// Every error leaves the service as RFC 9457 problem details: a stable `type` a program can
// branch on, a short `title`, and a `detail` sentence a person can act on. Extra members
// (field, line, column, suggestion, problems) say where the input went wrong.

/** Where the problem `type` URIs live; README.md lists every one of them. */
export const problemBase = 'https://rendezvous.example/problems/';

/** One field that does not validate: its dotted path and what is wrong with it. */
export interface FieldProblem {
  readonly field: string;
  readonly detail: string;
}

/** An RFC 9457 problem details object, with the members this service adds. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly field?: string;
  readonly problems?: readonly FieldProblem[];
  readonly line?: number;
  readonly column?: number;
  readonly suggestion?: string;
  readonly [member: string]: unknown;
}

/** Builds a problem of type `<problemBase><slug>`, with any extra members. */
export function problem(status: number, slug: string, title: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `${problemBase}${slug}`, title, status, detail, ...extra };
}

/** 400: the body is not JSON (with where it stopped making sense). */
export function malformedJson(detail: string, at?: { line: number; column: number }): Problem {
  return problem(400, 'malformed-json', 'The request body is not valid JSON', detail, at ?? {});
}

/** 400: something other than the body is malformed (a header, a query parameter, the path). */
export function badRequest(detail: string, extra: Record<string, unknown> = {}): Problem {
  return problem(400, 'bad-request', 'The request is malformed', detail, extra);
}

/** 404: no route, or no such meeting / notification. */
export function notFound(detail: string, slug = 'not-found', title = 'Not found'): Problem {
  return problem(404, slug, title, detail);
}

/** 422: fields that do not validate; `field` is the first, `problems` lists them all. */
export function invalidFields(problems: readonly FieldProblem[], title = 'A field does not validate'): Problem {
  const first = problems[0] ?? { field: '', detail: 'the body does not validate' };
  // Some library messages already start with their field (`bcc: at most 10 addresses`).
  const detail = problems.map((p) => (p.field === '' || p.detail.startsWith(p.field) ? p.detail : `${p.field}: ${p.detail}`)).join('; ');
  return problem(422, 'invalid-field', title, detail, { field: first.field, problems });
}

/** 500: a bug in this service; the detail points at the log line, never at internals. */
export function internalError(requestId: string): Problem {
  return problem(
    500,
    'internal-error',
    'Internal server error',
    `the service failed while handling this request (request id ${requestId}, logged with the cause); a GET can be retried, after a command GET the resource first to see whether it was recorded`,
    { requestId },
  );
}
