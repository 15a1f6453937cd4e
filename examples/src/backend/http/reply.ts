import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest, type Problem } from './problem';

/** The request path without its query string (query strings can carry signed links). */
export const pathOf = (request: FastifyRequest): string => request.url.split('?')[0] ?? '/';

/** Sends a problem as `application/problem+json`, with the request path as its `instance`. */
export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...problem, instance: problem.instance ?? pathOf(reply.request) });
}

/** A problem raised where only throwing reaches the error handler (body parsing, hooks). */
export class ProblemError extends Error {
  readonly statusCode: number;
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ProblemError';
    this.statusCode = problem.status;
  }
}

/** One query parameter given at most once: its value, undefined when absent, or a 400. */
export function queryParam(request: FastifyRequest, name: string): string | undefined | Problem {
  const value = (request.query as Record<string, unknown>)[name];
  if (value === undefined || typeof value === 'string') return value;
  return badRequest(`the query parameter ${name} is given more than once; give it once`, { field: name });
}
