import type { IncomingMessage } from 'node:http';
import type * as E from 'fp-ts/Either';
import type { BodyRule } from './body';
import type { Problem } from './problem';

/** The HTTP methods the routes use. */
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a handler sees of a request: path parameters, query, headers and its body on demand. */
export interface RequestContext {
  readonly req: IncomingMessage;
  readonly method: Method;
  /** The path without the query string. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly requestId: string;
  /** Reads the body as the route declared it (size, media type, JSON syntax, object). */
  body(): Promise<E.Either<Problem, Record<string, unknown>>>;
}

/** A handler's answer: a status and a JSON body (a Problem body is sent as problem+json). */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One route: method, path pattern (`/meetings/:id/start`), body rule and handler. */
export interface Route {
  readonly method: Method;
  readonly pattern: string;
  readonly body: BodyRule;
  /** A pattern parameter whose value is personal (an email address): logged as its name. */
  readonly personal?: readonly string[];
  handle(ctx: RequestContext): Promise<Reply>;
}

/** Builds a JSON reply. */
export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => (headers === undefined ? { status, body } : { status, body, headers });

/** Builds a problem reply (status taken from the problem). */
export const fail = (problem: Problem): Reply => ({ status: problem.status, body: problem });
