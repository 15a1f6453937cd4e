import type { FastifySchema } from 'fastify';
import type { Schema } from './shapes';

// One place that turns "what this route reads and answers" into the Fastify route schema that
// @fastify/swagger publishes, with the problem+json answers every route can give.

/** RFC 9457 problem details, with the members this service adds (README: Errors). */
export const problemSchema: Schema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string', minLength: 1 },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', minLength: 1 },
    instance: { type: 'string' },
    field: { type: 'string' },
    problems: { type: 'array', items: { type: 'object', required: ['field', 'detail'], properties: { field: { type: 'string' }, detail: { type: 'string' } } } },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    suggestion: { type: 'string' },
    requestId: { type: 'string' },
  },
};

const why: Readonly<Record<number, string>> = {
  400: 'malformed JSON (with line and column), an empty body where one is needed, or a malformed header, query parameter or path',
  401: 'no `Authorization: Bearer <ADMIN_TOKEN>`, or a wrong one (only when ADMIN_TOKEN is set)',
  403: 'the link was altered or not issued here',
  404: 'no such meeting, or no such (audience, notification) pair',
  409: 'a lifecycle rule, or If-Match is not the current version',
  413: 'a body over 1 MiB',
  415: 'a Content-Type that is not JSON',
  422: 'a field that does not validate (with its path), or a template that does not compile (line, column, suggestion)',
  431: 'request headers over 16 KiB',
  500: 'a bug; the requestId matches the log line with the cause',
};

const problemAnswer = (status: number) => ({ description: why[status] ?? 'an error', content: { 'application/problem+json': { schema: problemSchema } } });

/** What one route reads and answers. */
export interface Operation {
  readonly summary: string;
  readonly tag: 'meetings' | 'accounts' | 'links' | 'privacy' | 'admin' | 'api';
  readonly params?: Record<string, Schema>;
  readonly query?: Record<string, Schema>;
  readonly body?: Schema;
  /** The command takes `If-Match: <version>`. */
  readonly ifMatch?: boolean;
  /** Behind ADMIN_TOKEN. */
  readonly admin?: boolean;
  /** The success status, its body and what it means. */
  readonly ok: readonly [status: number, body: Schema, description: string, mediaType?: string];
  /** The errors this route gives besides those every route can give (400, 431, 500; 413 and 415 with a body; 401 when admin). */
  readonly errors?: readonly number[];
}

const ifMatchHeader: Schema = {
  type: 'string',
  // Whitespace around the value is allowed (the server trims it), as are ETags as browsers send them back.
  pattern: '^[ \\t]*(\\*|(W/)?"?-?[0-9]{1,15}"?)[ \\t]*$',
  description: 'make the command conditional: the version a GET or an earlier command returned (3, "3" or W/"3"); * means any',
  examples: ['0'],
};

/** The Fastify route schema of an operation (published in GET /openapi.json). */
export function operation(op: Operation): FastifySchema {
  const statuses = new Set<number>([400, 431, 500, ...(op.body === undefined ? [] : [413, 415]), ...(op.admin === true ? [401] : []), ...(op.errors ?? [])]);
  const [status, body, description, mediaType = 'application/json'] = op.ok;
  const response: Record<string, unknown> = { [status]: { description, content: { [mediaType]: { schema: body } } } };
  for (const code of [...statuses].sort()) response[code] = problemAnswer(code);
  const object = (properties: Record<string, Schema>) => ({ type: 'object', properties, required: Object.keys(properties) });
  return {
    summary: op.summary,
    tags: [op.tag],
    ...(op.params === undefined ? {} : { params: object(op.params) }),
    ...(op.query === undefined ? {} : { querystring: { type: 'object', properties: op.query } }),
    ...(op.ifMatch === true ? { headers: { type: 'object', properties: { 'if-match': ifMatchHeader } } } : {}),
    ...(op.body === undefined ? {} : { body: op.body }),
    ...(op.admin === true ? { security: [{ adminToken: [] }] } : {}),
    response,
  };
}
