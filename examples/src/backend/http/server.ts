import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest } from 'fastify';
import { requireAdminToken } from './admin-token';
import swagger from '@fastify/swagger';
import { openApiOptions } from '../openapi/document';
import { parseJsonBody } from './json-body';
import { badRequest, internalError, invalidFields, malformedJson, notFound, problem, type Problem } from './problem';
import { pathOf, ProblemError, sendProblem } from './reply';
import { bodyTooLarge, discardRest, maxBodyBytes } from './too-large';

/** What a route expects of the body: none at all, an optional JSON object, or a required one. */
export type BodyRule = 'none' | 'optional' | 'required';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route expects of the body (default `none`: a body is not read). */
    body?: BodyRule;
    /** Path parameters whose values are personal (an email address): logged by name only. */
    personal?: readonly string[];
    /** Marks the routes that answer 405 for the methods a path does not take. */
    methodNotAllowed?: boolean;
  }
}

/** A Fastify instance that keeps this service's error format, and can drain. */
export interface HttpServer {
  readonly fastify: FastifyInstance;
  /** Stops accepting connections and resolves when in-flight requests are answered (or after `graceMs`). */
  drain(graceMs: number): Promise<void>;
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;
const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'] as const;

// The request log line names the route for paths that hold personal data, never the value.
function loggedPath(request: FastifyRequest): string {
  const personal = request.routeOptions.config.personal;
  const pattern = request.routeOptions.url;
  if (personal === undefined || pattern === undefined) return pathOf(request);
  const params = request.params as Record<string, string>;
  return pattern.replace(/:(\w+)/g, (whole, name: string) => (personal.includes(name) ? whole : encodeURIComponent(params[name] ?? '')));
}

/** One `request` line per request (method, path, status, ms) instead of Fastify's two. */
class RequestLines extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(_error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    request.log.info({ method: request.method, path: loggedPath(request), status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  }
  override routeNotFound(): void {}
  override defaultErrorLog(): void {}
}

// Fastify's own errors, in this service's words.
function problemOfFrameworkError(error: FastifyError, request: FastifyRequest): Problem | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported-media-type', 'Unsupported media type', `the Content-Type ${JSON.stringify(request.headers['content-type'] ?? '')} is not a media type; send Content-Type: application/json`);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return badRequest('the body is not as long as its Content-Length says');
    case 'FST_ERR_BAD_URL':
      return badRequest(`the path ${JSON.stringify(pathOf(request))} is not valid percent-encoding`);
    default:
      // Other client errors Fastify detects (an aborted upload, a malformed header): a 400 that says so.
      return typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 413
        ? badRequest(`the request could not be read: ${error.message}`)
        : undefined;
  }
}

/**
 * Fastify with one error format for everything: problem+json for unknown routes (404), wrong
 * methods (405 with Allow), bodies over 1 MiB (413, after the body has arrived), other media
 * types (415), broken HTTP (400, 431) and bugs (500 with a request id). Bodies are read as JSON
 * whatever the Content-Type says, unless it names another type. Fastify validates nothing: the
 * routes decode with the library's io-ts codecs, whose errors carry the field path.
 */
export function createHttpServer(logger: FastifyBaseLogger, routes: readonly FastifyPluginAsync[], adminToken?: string): HttpServer {
  let draining = false;
  const fastify = Fastify({
    loggerInstance: logger,
    logController: new RequestLines({ requestIdLogLabel: 'requestId' }),
    genReqId: (req) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && requestIdPattern.test(header) ? header : randomUUID();
    },
    bodyLimit: maxBodyBytes,
    // Requests that reach a closing server on a kept-alive connection are still answered.
    return503OnClosing: false,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: (error, _request, reply) => {
      sendProblem(reply, problemOfFrameworkError(error, reply.request) ?? badRequest(error.message));
    },
    // Requests Node refuses before they reach Fastify (bad request line, headers over 16 KiB)
    // get the same problem format, not an empty 400.
    clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => {
      if (!socket.writable || error.code === 'ECONNRESET') {
        socket.destroy();
        return;
      }
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
      const body = JSON.stringify(
        tooLarge
          ? problem(431, 'headers-too-large', 'Request headers too large', 'the request headers exceed 16 KiB; send fewer or shorter headers')
          : problem(400, 'bad-request', 'The request is malformed', `the request could not be parsed as HTTP/1.1 (${error.code ?? error.message})`),
      );
      const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      logger.warn({ method: '?', path: '?', status: tooLarge ? 431 : 400, reason: error.code ?? error.message }, 'request');
    },
  });
  fastify.server.headersTimeout = 15_000;

  // The routes decode their input with io-ts (field paths, the library's messages), and answers
  // are written as they are: the schemas only describe the API (GET /openapi.json).
  fastify.setValidatorCompiler(() => () => true);
  fastify.setSerializerCompiler(() => (data) => JSON.stringify(data));

  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    if (request.is404 || (request.routeOptions.config.body ?? 'none') === 'none') return done(null, undefined);
    const parsed = parseJsonBody(body as Buffer, request.headers['content-type']);
    if (parsed._tag === 'Left') return done(new ProblemError(parsed.left), undefined);
    done(null, parsed.right);
  });

  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('X-Request-Id', request.id);
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Content-Type-Options', 'nosniff');
  });
  // Before the body is read: a client without the token gets its 401 without sending us 1 MiB.
  if (adminToken !== undefined) fastify.addHook('onRequest', requireAdminToken(adminToken));
  fastify.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('Connection', 'close');
  });
  // The body rule of the route: an empty optional body reads as {}, a required one is a 400,
  // and anything but an object is a 422.
  fastify.addHook('preValidation', async (request) => {
    const rule = request.routeOptions.config.body ?? 'none';
    if (rule === 'none') return;
    if (request.body === undefined) {
      if (rule === 'required') throw new ProblemError(malformedJson('the body is empty; send a JSON object (see README.md for the fields of this route)'));
      request.body = {};
      return;
    }
    const value = request.body;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
      throw new ProblemError(invalidFields([{ field: '', detail: `the body must be a JSON object, not ${kind}` }]));
    }
  });

  fastify.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof ProblemError) return sendProblem(reply, error.problem);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const complete = await discardRest(request.raw);
      reply.header('Connection', 'close');
      if (!complete) reply.raw.once('finish', () => request.raw.socket.destroy());
      return sendProblem(reply, bodyTooLarge(request.headers['content-length']));
    }
    const known = problemOfFrameworkError(error, request);
    if (known !== undefined) return sendProblem(reply, known);
    request.log.error({ method: request.method, path: loggedPath(request), error }, 'request failed');
    return sendProblem(reply, internalError(request.id));
  });

  fastify.setNotFoundHandler(async (request, reply) =>
    sendProblem(reply, notFound(`there is no route ${request.method} ${pathOf(request)}; README.md lists every route`)),
  );

  // 405 with Allow: every path gets the methods it does not take, answered with a problem.
  const taken = new Map<string, Set<string>>();
  fastify.addHook('onRoute', (route) => {
    if (route.config?.methodNotAllowed === true) return;
    const set = taken.get(route.url) ?? new Set<string>();
    for (const method of [route.method].flat()) set.add(method);
    taken.set(route.url, set);
  });
  void fastify.register(swagger, openApiOptions);
  for (const plugin of routes) void fastify.register(plugin);
  // Registered after the routes (plugins load in order), so every route is known by then.
  void fastify.register(async (instance) => {
    for (const [url, set] of taken) {
      const allowed = [...set].filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
      const missing = methods.filter((m) => !set.has(m));
      if (missing.length === 0) continue;
      instance.route({
        method: [...missing],
        url,
        config: { methodNotAllowed: true },
        schema: { hide: true },
        handler: async (request, reply) => {
          reply.header('Allow', allowed.join(', '));
          return sendProblem(reply, problem(405, 'method-not-allowed', 'Method not allowed', `${pathOf(request)} does not take ${request.method}; it takes ${allowed.join(', ')}`, { allow: allowed }));
        },
      });
    }
  });

  return {
    fastify,
    async drain(graceMs) {
      draining = true;
      const closed = fastify.close();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((done) => (timer = setTimeout(done, graceMs)));
      await Promise.race([closed, timeout]);
      clearTimeout(timer);
      // Past the grace period, whatever is still open is cut.
      fastify.server.closeAllConnections();
      await closed;
    },
  };
}
