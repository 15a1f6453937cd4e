import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeIdentifier, Pool } from 'pg';
import { startBackend, type RunningBackend } from '../backend';
import type { BackendConfig } from '../config';
import type { LogEntry } from '../log';
import { answerChecker, type OpenApiDocument } from './openapi-check';

// What the tests share: a backend on a random port with its own outbox folder (and, for
// PostgreSQL, its own schema, dropped afterwards), and a small client that speaks HTTP to it
// the way an integrator's code would.

/** The database tests use: DATABASE_URL, or the local test database. */
export const testDatabaseUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The ADMIN_TOKEN every test backend runs with, as a production one would; `call` sends it. */
export const testAdminToken = 'test-admin-token-that-is-long-enough-for-production';

/** A backend under test, with what it wrote and logged. */
export interface BackendUnderTest {
  readonly backend: RunningBackend;
  readonly url: string;
  readonly outbox: string;
  readonly logs: LogEntry[];
  /** The PostgreSQL schema (postgres runs only). */
  readonly schema?: string;
  stop(): Promise<void>;
}

/** Which store a test runs against. */
export type StoreKind = 'memory' | 'postgres';

/** Starts a backend on a random port with ADMIN_TOKEN set (`openAdmin`: without); `postgres` gets a fresh schema that stop() drops. */
export async function startTestBackend(kind: StoreKind, options: BackendConfig & { readonly openAdmin?: boolean } = {}): Promise<BackendUnderTest> {
  const { openAdmin = false, ...extra } = options;
  const outbox = await mkdtemp(join(tmpdir(), 'rendezvous-outbox-'));
  const logs: LogEntry[] = [];
  const schema = `backend_test_${randomBytes(6).toString('hex')}`;
  const backend = await startBackend({
    port: 0,
    host: '127.0.0.1',
    outboxDir: outbox,
    linkSecret: 'test-secret-that-is-long-enough-for-production-use',
    ...(openAdmin ? {} : { adminToken: testAdminToken }),
    logStream: { write: (line: string) => logs.push(JSON.parse(line) as LogEntry) },
    ...(kind === 'postgres' ? { databaseUrl: testDatabaseUrl, databaseSchema: schema } : {}),
    ...extra,
  });
  return {
    backend,
    url: backend.url,
    outbox,
    logs,
    ...(kind === 'postgres' ? { schema } : {}),
    async stop() {
      await backend.close();
      await rm(outbox, { recursive: true, force: true });
      if (kind === 'postgres') {
        const pool = new Pool({ connectionString: testDatabaseUrl });
        await pool.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
        await pool.end();
      }
    },
  };
}

/** A response as the tests look at it: status, a few headers and the parsed body. */
export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly headers: Headers;
  // The tests assert on the shape; `any` keeps the assertions short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/**
 * Sends one request; a JSON body is sent as application/json unless `raw` is given. The admin
 * token goes along as `Authorization: Bearer` unless `token` names another one (null: none).
 */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { json?: unknown; raw?: string | Buffer; headers?: Record<string, string>; token?: string | null } = {},
): Promise<Answer> {
  const token = options.token === undefined ? testAdminToken : options.token;
  const headers: Record<string, string> = {
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...(options.json === undefined ? {} : { 'content-type': 'application/json' }),
    ...options.headers,
  };
  const body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
  const response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // leave the text as it is
  }
  const contentType = response.headers.get('content-type') ?? '';
  const undocumented = (await checkerFor(base))(method, path, response.status, contentType, parsed);
  if (undocumented !== undefined) throw new Error(`the answer is not what GET /openapi.json documents: ${undocumented}`);
  return { status: response.status, contentType, headers: response.headers, body: parsed };
}

// Every answer a test sees is checked against the service's own document, so a status or body
// the document does not describe fails the test that met it.
const checkers = new Map<string, Promise<ReturnType<typeof answerChecker>>>();
function checkerFor(base: string): Promise<ReturnType<typeof answerChecker>> {
  let checker = checkers.get(base);
  if (checker === undefined) {
    checker = fetch(`${base}/openapi.json`).then(async (r) => answerChecker((await r.json()) as OpenApiDocument));
    checkers.set(base, checker);
  }
  return checker;
}

/** An instant `hours` from now, in UTC without milliseconds. */
export function hoursFromNow(hours: number): string {
  return new Date(Math.floor(Date.now() / 1000) * 1000 + hours * 3_600_000).toISOString().replace('.000Z', 'Z');
}

/** A ScheduleMeeting body, as an integrator would POST it. */
export function scheduleBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    accountId: 'acme',
    meetingType: { name: 'Intro call', durationMinutes: 30 },
    start: hoursFromNow(48),
    host: { userId: 'u-hanna', name: 'Hanna de Vries', email: 'hanna@example.com', timezone: 'Europe/Amsterdam', phone: '+31 20 123 4567' },
    guests: [{ guestId: 'g-gus', name: 'Gus Guest', email: 'gus@example.org', timezone: 'Europe/London', phone: '+44 20 7946 0000' }],
    createdBy: 'guest',
    ...overrides,
  };
}

/** One email the .eml outbox holds (its .json summary). */
export interface OutboxEmail {
  readonly stem: string;
  readonly idempotencyKey: string;
  readonly notification: string;
  readonly audience: string;
  readonly meetingId: string;
  readonly to: readonly { readonly name: string; readonly email: string }[];
  readonly subject: string;
}

/** Every email in the outbox folder, oldest first, with the raw .eml beside each. */
export async function outboxEmails(dir: string): Promise<(OutboxEmail & { eml: string; html: string })[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.eml')).sort();
  return Promise.all(
    names.map(async (name) => {
      const stem = name.slice(0, -'.eml'.length);
      const summary = JSON.parse(await readFile(join(dir, `${stem}.json`), 'utf8')) as OutboxEmail;
      return { ...summary, eml: await readFile(join(dir, name), 'utf8'), html: await readFile(join(dir, `${stem}.html`), 'utf8') };
    }),
  );
}

/** Polls until `check` returns a value (or fails after `timeoutMs`, saying what it waited for). */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the outbox holds emails matching `predicate`, at least `count` of them. */
export function outboxWith(dir: string, what: string, predicate: (email: OutboxEmail) => boolean, count = 1) {
  return eventually(what, async () => {
    const matching = (await outboxEmails(dir)).filter(predicate);
    return matching.length >= count ? matching : undefined;
  });
}
