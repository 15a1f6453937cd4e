import fc from 'fast-check';
import { answerChecker, type OpenApiDocument, type OpenApiOperation } from '../testing/openapi-check';
import { startTestBackend, testAdminToken, type BackendUnderTest } from '../testing/fixture';
import { breakage, breakBody, oddStrings, valueOf, type Breakage, type JsonSchema } from './arbitraries';

// The backend fuzzed from outside, driven by its own GET /openapi.json (Schemathesis is the
// model; PyPI is out of reach here, so it is built from fast-check). For every operation it
// sends requests generated from the schemas, half of them broken on purpose, and checks: no
// 5xx, no dropped connection, every status and body as documented, every error problem+json,
// and an admin route refuses a request without the token. Fixed seed; FUZZ_SEED replays another.
// FUZZ_RUNS sets the requests per operation (default 50).

const seed = Number(process.env['FUZZ_SEED'] ?? 20261205);
const runsPerOperation = Number(process.env['FUZZ_RUNS'] ?? 50);

interface Planned {
  readonly path: Record<string, unknown>;
  readonly query: Record<string, unknown>;
  readonly ifMatch: string | undefined;
  readonly body: unknown;
  readonly broken: Breakage | undefined;
  readonly brokenParam: string | undefined;
  readonly withToken: boolean;
}

// toWellFormed: a lone surrogate cannot be percent-encoded; it is sent as U+FFFD instead.
const encode = (value: unknown): string => encodeURIComponent((String(value) as string & { toWellFormed(): string }).toWellFormed());

const oddIfMatch = ['abc', '', ' 3 ', '"3', 'W/', '*', '1e3', '-0', '99999999999999999999', '3, 4'];

function planOf(operation: OpenApiOperation): fc.Arbitrary<Planned> {
  const params = operation.parameters ?? [];
  const byPlace = (place: string) => {
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const p of params.filter((q) => q.in === place && q.name !== 'if-match')) model[p.name] = valueOf(p.schema);
    return fc.record(model, { requiredKeys: params.filter((q) => q.in === place && q.required === true).map((q) => q.name) as never[] });
  };
  const ifMatch = params.find((p) => p.in === 'header' && p.name === 'if-match');
  const bodySchema = operation.requestBody?.content['application/json']?.schema as JsonSchema | undefined;
  return fc.record({
    path: byPlace('path'),
    query: byPlace('query'),
    ifMatch: ifMatch === undefined ? fc.constant(undefined) : fc.option(fc.oneof(valueOf(ifMatch.schema as JsonSchema) as fc.Arbitrary<string>, fc.constantFrom(...oddIfMatch)), { nil: undefined }),
    body: bodySchema === undefined ? fc.constant(undefined) : valueOf(bodySchema),
    broken: bodySchema === undefined ? fc.constant(undefined) : fc.option(breakage, { nil: undefined, freq: 2 }),
    brokenParam: fc.option(fc.constantFrom(...oddStrings), { nil: undefined, freq: 4 }),
    withToken: fc.boolean().map((b) => b || operation.security === undefined).chain((b) => (b ? fc.constant(true) : fc.boolean())),
  });
}

let t: BackendUnderTest;
beforeAll(async () => {
  t = await startTestBackend('memory');
});
afterAll(() => t.stop());

it('finds nothing in any operation of GET /openapi.json', async () => {
  const document = (await (await fetch(`${t.url}/openapi.json`)).json()) as OpenApiDocument;
  const check = answerChecker(document);
  const findings: string[] = [];
  let requests = 0;
  let operations = 0;
  const statuses = new Map<number, number>();
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      operations += 1;
      const plans = fc.sample(planOf(operation), { seed: seed + operations, numRuns: runsPerOperation });
      for (const plan of plans) {
        const firstParam = Object.keys(plan.path)[0];
        const pathValues = { ...plan.path, ...(plan.brokenParam !== undefined && firstParam !== undefined ? { [firstParam]: plan.brokenParam } : {}) };
        const path = template.replace(/\{([^}]+)\}/g, (_whole, name: string) => encode(pathValues[name] ?? 'x'));
        const query = Object.entries(plan.query).map(([k, v]) => `${encodeURIComponent(k)}=${encode(v)}`).join('&');
        const url = `${path}${query === '' ? '' : `?${query}`}`;
        const body = plan.body === undefined ? undefined : plan.broken === undefined ? JSON.stringify(plan.body) : breakBody(plan.body, plan.broken);
        const headers: Record<string, string> = { accept: 'application/json' };
        if (plan.withToken) headers['authorization'] = `Bearer ${testAdminToken}`;
        if (body !== undefined) headers['content-type'] = 'application/json';
        if (plan.ifMatch !== undefined) headers['if-match'] = plan.ifMatch;
        const what = `${method.toUpperCase()} ${url.slice(0, 200)}${body === undefined ? '' : ` body ${body.slice(0, 200)}`}${plan.withToken ? '' : ' (no token)'}`;
        requests += 1;
        let status: number;
        let contentType: string;
        let parsed: unknown;
        try {
          const response = await fetch(`${t.url}${url}`, { method: method.toUpperCase(), headers, ...(body === undefined ? {} : { body }) });
          status = response.status;
          contentType = response.headers.get('content-type') ?? '';
          const text = await response.text();
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch {
            parsed = text;
          }
        } catch (error) {
          findings.push(`dropped connection: ${what}: ${String((error as Error & { cause?: unknown }).cause ?? error)}`);
          continue;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) findings.push(`${status}: ${what}: ${JSON.stringify(parsed).slice(0, 300)}`);
        if (status >= 400 && !contentType.startsWith('application/problem+json')) findings.push(`error not problem+json (${contentType}): ${what}`);
        // Without the token an admin route answers 401; with an odd path parameter the request
        // may not reach a route at all (404, 400, 431), but it never gets through.
        if (!plan.withToken && (plan.brokenParam === undefined ? status !== 401 : status < 400)) findings.push(`admin route without the token answered ${status}: ${what}`);
        // The path the server received: fetch resolves . and .. segments as browsers do.
        const sent = new URL(url, t.url);
        const undocumented = check(method.toUpperCase(), `${sent.pathname}${sent.search}`, status, contentType, parsed);
        if (undocumented !== undefined) findings.push(`undocumented: ${undocumented} (request: ${what})`);
      }
    }
  }
  const spread = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}x${n}`).join(' ');
  process.stdout.write(`fuzz: seed ${seed} (FUZZ_SEED=${seed} replays it), ${operations} operations, ${requests} requests, statuses ${spread}, ${findings.length} findings\n`);
  expect(findings.slice(0, 40)).toEqual([]);
}, 120_000);
