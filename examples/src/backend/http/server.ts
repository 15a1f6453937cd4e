import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Log } from '../log';
import { abandonedBodies, readJsonBody } from './body';
import { internalError, problem, type Problem } from './problem';
import type { Method, Reply, RequestContext } from './route';
import type { Resolution } from './router';

// Node's own http module, not a framework: the service needs a route table, a body reader that
// stops at 1 MiB, and one error format for everything, including what frameworks answer
// themselves (bad headers, oversized bodies, unknown routes). That is less code here than
// configuring a framework to stay out of the way, and it adds no dependency for integrators.

/** An HTTP server that can drain: stop accepting, let requests in flight finish, then close. */
export interface DrainingServer {
  readonly server: Server;
  /** Stops accepting connections and resolves when in-flight requests are answered (or after `graceMs`). */
  drain(graceMs: number): Promise<void>;
}

const requestIdPattern = /^[A-Za-z0-9._:-]{1,128}$/;

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as Problem).type === 'string' && typeof (body as Problem).status === 'number';
}

function send(res: ServerResponse, reply: Reply, instance: string, requestId: string, closing: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const problemBody = isProblem(reply.body) ? { ...reply.body, instance: reply.body.instance ?? instance } : undefined;
  const body = problemBody ?? reply.body;
  const text = body === undefined ? '' : JSON.stringify(body);
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.setHeader('X-Request-Id', requestId);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (closing) res.setHeader('Connection', 'close');
  if (text !== '') {
    res.setHeader('Content-Type', problemBody === undefined ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(text));
  }
  res.end(text);
}

/** Starts the HTTP layer: resolves each request, runs its route, logs one line per request. */
export function createHttpServer(resolve: (method: string, path: string) => Resolution, log: Log): DrainingServer {
  let draining = false;
  const inFlight = new Set<Promise<void>>();

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && requestIdPattern.test(header) ? header : randomUUID();
    const method = req.method ?? 'GET';
    // Only the path is used and logged: query strings can carry signed links.
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let loggedPath = path;
    let reply: Reply;
    try {
      const resolution = resolve(method, path);
      loggedPath = resolution.loggedPath;
      if (resolution.kind === 'problem') {
        reply = { status: resolution.problem.status, body: resolution.problem, ...(resolution.headers === undefined ? {} : { headers: resolution.headers }) };
      } else {
        const { route, params } = resolution;
        const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
        const context: RequestContext = { req, method: method as Method, path, params, query, requestId, body: () => readJsonBody(req, route.body) };
        reply = await route.handle(context);
      }
    } catch (error) {
      log({ level: 'error', msg: 'request failed', requestId, method, path: loggedPath, error });
      reply = { status: 500, body: internalError(requestId) };
    }
    // A body we stopped reading (over the limit) leaves the connection mid-request: answer, then
    // close it rather than read on. (Node drains small unread bodies itself to keep the connection.)
    const unread = abandonedBodies.has(req);
    send(res, reply, path, requestId, draining || unread);
    if (unread) res.once('finish', () => setTimeout(() => req.socket.destroy(), 1000).unref());
    log({ msg: 'request', requestId, method, path: loggedPath, status: reply.status, ms: Math.round((performance.now() - started) * 10) / 10 });
  };

  // Which connections have a request in flight. Node's closeIdleConnections() also closes a
  // connection whose request was parsed but not yet answered, so draining keeps its own count.
  const busy = new Map<Socket, number>();
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5_000 }, (req, res) => {
    res.on('error', () => undefined);
    const socket = req.socket;
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    const task = serve(req, res).catch((error: unknown) => log({ level: 'error', msg: 'response failed', error }));
    inFlight.add(task);
    res.once('close', () => {
      const left = (busy.get(socket) ?? 1) - 1;
      busy.set(socket, left);
      if (draining && left === 0) socket.end();
    });
    void task.finally(() => inFlight.delete(task));
  });
  server.on('connection', (socket: Socket) => {
    busy.set(socket, 0);
    socket.once('close', () => busy.delete(socket));
  });

  // Requests Node refuses before they reach us (bad request line, headers too large) get the
  // same problem format, not an empty 400.
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
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
    log({ level: 'warn', msg: 'request', method: '?', path: '?', status: tooLarge ? 431 : 400, reason: error.code ?? error.message });
  });

  return {
    server,
    async drain(graceMs) {
      draining = true;
      const closed = new Promise<void>((done) => server.close(() => done()));
      // Keep-alive connections with nothing in flight would hold close() open until they time out.
      for (const [socket, requests] of busy) if (requests === 0) socket.end();
      const timeout = new Promise<void>((done) => setTimeout(done, graceMs).unref());
      await Promise.race([Promise.all([...inFlight]).then(() => undefined), timeout]);
      // Past the grace period, whatever is still open is cut.
      await Promise.race([closed, timeout]);
      server.closeAllConnections();
      await closed;
    },
  };
}
