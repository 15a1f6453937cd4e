import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createLogger, type LogEntry } from '../log';
import { createHttpServer, type HttpServer } from './server';

// The HTTP layer on its own: what it does when a handler has a bug, and how it drains.

let release: () => void = () => undefined;
const routes = async (fastify: FastifyInstance): Promise<void> => {
  fastify.get('/bug', () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'host')")));
  fastify.get('/ok', async () => ({ ok: true }));
  fastify.post('/slow', () => new Promise((resolve) => (release = () => resolve({ finished: true }))));
};

let http: HttpServer;
let base: string;
const logs: LogEntry[] = [];

beforeEach(async () => {
  logs.length = 0;
  http = createHttpServer(createLogger({ write: (line: string) => logs.push(JSON.parse(line) as LogEntry) }), [routes]);
  await http.fastify.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(http.fastify.server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await http.drain(100);
});

it('turns a handler bug into a 500 problem with a request id, logs the cause, and keeps serving', async () => {
  const response = await fetch(`${base}/bug`, { headers: { 'x-request-id': 'req-42' } });
  expect(response.status).toBe(500);
  expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(response.headers.get('x-request-id')).toBe('req-42');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toEqual({
    type: 'https://rendezvous.example/problems/internal-error',
    title: 'Internal server error',
    status: 500,
    detail: 'the service failed while handling this request (request id req-42, logged with the cause); a GET can be retried, after a command GET the resource first to see whether it was recorded',
    requestId: 'req-42',
    instance: '/bug',
  });
  // The client learns nothing of the internals; the log has the cause.
  expect(JSON.stringify(body)).not.toContain('host');
  const failure = logs.find((entry) => entry.msg === 'request failed');
  expect(failure).toMatchObject({ level: 'error', requestId: 'req-42', path: '/bug', error: { type: 'TypeError', message: expect.stringContaining("reading 'host'") } });
  expect(logs.filter((entry) => entry.msg === 'request').map((entry) => [entry['method'], entry['path'], entry['status']])).toEqual([['GET', '/bug', 500]]);
  expect((await fetch(`${base}/ok`)).status).toBe(200);
});

it('drains: a request in flight when the drain starts still gets its answer, new connections are refused', async () => {
  const inFlight = fetch(`${base}/slow`, { method: 'POST' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const drained = http.drain(5_000);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await expect(fetch(`${base}/ok`)).rejects.toThrow();
  release();
  const response = await inFlight;
  expect([response.status, await response.json()]).toEqual([200, { finished: true }]);
  expect(response.headers.get('connection')).toBe('close');
  await drained;
});
