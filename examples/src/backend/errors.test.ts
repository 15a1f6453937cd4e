import { request } from 'node:http';
import { connect } from 'node:net';
import { call, hoursFromNow, scheduleBody, startTestBackend, type BackendUnderTest } from './testing/fixture';

// Everything a client can get wrong, answered as problem+json that says what and where, and the
// service still serving afterwards.

const type = (slug: string) => `https://rendezvous.example/problems/${slug}`;
let t: BackendUnderTest;
let meetingId: string;

beforeAll(async () => {
  t = await startTestBackend('memory');
  meetingId = (await call(t.url, 'POST', '/meetings', { json: scheduleBody() })).body.meetingId;
});
afterAll(async () => {
  await t.stop();
});

/** Sends raw bytes over TCP and returns whatever comes back before the server closes. */
function rawRequest(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
  });
}

describe('malformed bodies', () => {
  it.each([
    ['{"accountId": "acme",}', 1, 22, 'a comma before "}" is not allowed in JSON; remove the trailing comma'],
    ['{\n  "accountId": \'acme\'\n}', 2, 16, 'strings must be in double quotes, not single quotes'],
    ['{"a": 1', 1, 8, 'unexpected end of the body after a property; expected "," or "}"'],
    ['{"a": tru}', 1, 7, 'unexpected word "tru"; a value is a "string", a number, true, false, null, an object or an array'],
    ['{"a": 1} {"b": 2}', 1, 10, 'unexpected "{" after the end of the JSON value; send a single value'],
  ])('400 for %j with line %i, column %i', async (raw, line, column, message) => {
    const answer = await call(t.url, 'POST', '/meetings', { raw, headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toBe('application/problem+json; charset=utf-8');
    expect(answer.body).toEqual({
      type: type('malformed-json'),
      title: 'The request body is not valid JSON',
      status: 400,
      detail: `line ${line}, column ${column}: ${message}`,
      line,
      column,
      instance: '/meetings',
    });
  });

  it('400 for an empty body where one is needed, 422 for JSON that is not an object', async () => {
    const empty = await call(t.url, 'POST', `/meetings/${meetingId}/cancel`, { raw: '' });
    expect([empty.status, empty.body.detail]).toEqual([400, 'the body is empty; send a JSON object (see README.md for the fields of this route)']);
    const array = await call(t.url, 'POST', '/meetings', { json: [scheduleBody()] });
    expect([array.status, array.body.detail]).toEqual([422, 'the body must be a JSON object, not an array']);
    const invalidUtf8 = await call(t.url, 'POST', '/meetings', { raw: Buffer.from([0x7b, 0xff, 0x7d]) });
    expect([invalidUtf8.status, invalidUtf8.body.detail]).toEqual([400, 'the body is not valid UTF-8 text; JSON must be sent as UTF-8']);
  });

  it('reads a body without Content-Type (or with curl -d’s form type) as JSON, and refuses other types with 415', async () => {
    // fetch sets no Content-Type for a byte body (and text/plain for a string one).
    const bare = await call(t.url, 'POST', `/meetings/${meetingId}/reschedule`, { raw: Buffer.from(JSON.stringify({ start: hoursFromNow(50), reason: 'Moved', by: 'guest' })) });
    expect(bare.status).toBe(200);
    const curl = await call(t.url, 'POST', `/meetings/${meetingId}/reschedule`, {
      raw: JSON.stringify({ start: hoursFromNow(51), reason: 'Moved again', by: 'guest' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(curl.status).toBe(200);
    const text = await call(t.url, 'POST', `/meetings/${meetingId}/cancel`, { raw: '{"reason":"x","by":"user"}', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ type: type('unsupported-media-type'), detail: 'the body is declared as "text/plain"; this service reads JSON only: send Content-Type: application/json (fetch sends text/plain for a string body unless told otherwise)' });
  });

  it('413 for a body over 1 MiB, declared or streamed, and the service keeps serving', async () => {
    const declared = await call(t.url, 'POST', '/meetings', { json: { ...scheduleBody(), description: 'x'.repeat(1024 * 1024) } });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ type: type('body-too-large'), status: 413, limit: 1048576 });
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 24; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await fetch(`${t.url}/meetings`, { method: 'POST', body: streamed, duplex: 'half' });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect((await call(t.url, 'GET', `/meetings/${meetingId}`)).status).toBe(200);
  });
});

describe('the 413 reaches every client', () => {
  // node:http as the client: it reports a reset or a broken pipe while it is still sending,
  // which is what a client saw when the server closed the connection under it.
  const post = (port: number, chunked: boolean): Promise<string> =>
    new Promise((resolve) => {
      const big = Buffer.alloc(8 * 1024 * 1024, 0x20);
      const headers: Record<string, string | number> = { 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': big.length }) };
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/meetings', headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve(`${res.statusCode ?? 0} ${(JSON.parse(text) as { type: string }).type}`));
        res.on('error', (error: Error & { code?: string }) => resolve(`response failed: ${error.code ?? error.message}`));
      });
      req.on('error', (error: Error & { code?: string }) => resolve(`request failed: ${error.code ?? error.message}`));
      // In pieces, as a client on a real network sends it.
      for (let at = 0; at < big.length; at += 64 * 1024) req.write(big.subarray(at, at + 64 * 1024));
      req.end();
    });

  it('answers 40 POSTs of 8 MiB, with and without Content-Length, with 413 and never a reset', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 10; round++) outcomes.push(...(await Promise.all([0, 1, 2, 3].map((k) => post(t.backend.port, k % 2 === 1)))));
    expect(outcomes.filter((o) => o !== `413 ${type('body-too-large')}`)).toEqual([]);
    expect(outcomes).toHaveLength(40);
  });
});

describe('fields that do not validate', () => {
  it('422 names the field path of each problem', async () => {
    const answer = await call(t.url, 'POST', '/meetings', {
      json: scheduleBody({ guests: [{ guestId: 'g-1', name: 'Gus', email: 'not-an-address' }], meetingType: { name: 'Intro', durationMinutes: 0 } }),
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ type: type('invalid-field'), title: 'A field does not validate', field: 'meetingType.durationMinutes' });
    expect(answer.body.problems).toEqual([
      { field: 'meetingType.durationMinutes', detail: 'must be a whole number of minutes from 1 to 1440' },
      { field: 'guests.0.email', detail: 'not an email address' },
    ]);
    expect(answer.body.detail).toContain('guests.0.email: not an email address');
  });

  it('422 for a wrong type, a missing field, a start in the past, or a body that names another meeting', async () => {
    const rating = await call(t.url, 'POST', `/meetings/${meetingId}/reviews`, { json: { guestId: 'g-gus', rating: 'five' } });
    expect([rating.status, rating.body.field]).toEqual([422, 'rating']);
    const missing = await call(t.url, 'POST', `/meetings/${meetingId}/cancel`, { json: { by: 'user' } });
    expect([missing.status, missing.body.detail]).toEqual([422, 'reason: is required']);
    const past = await call(t.url, 'POST', `/meetings/${meetingId}/reschedule`, { json: { start: '2020-01-01T09:00:00Z', reason: 'Oops', by: 'user' } });
    expect(past.status).toBe(422);
    expect(past.body.field).toBe('start');
    expect(past.body.detail).toMatch(new RegExp(`^start: meeting ${meetingId} cannot start at 2020-01-01T09:00:00Z: the start must be after now`));
    const other = await call(t.url, 'POST', `/meetings/${meetingId}/cancel`, { json: { meetingId: 'm-other', reason: 'x', by: 'user' } });
    expect([other.status, other.body.field]).toEqual([422, 'meetingId']);
  });
});

describe('routes, methods and meetings that do not exist', () => {
  it('404 for an unknown route or meeting, 405 with Allow for a wrong method', async () => {
    const route = await call(t.url, 'GET', '/meetingz');
    expect(route.status).toBe(404);
    expect(route.body).toMatchObject({ type: type('not-found'), detail: 'there is no route GET /meetingz; README.md lists every route' });
    const meeting = await call(t.url, 'GET', '/meetings/m-nope');
    expect(meeting.status).toBe(404);
    expect(meeting.body).toMatchObject({ type: type('meeting-not-found'), detail: 'meeting m-nope does not exist; schedule it first (POST /meetings)' });
    const command = await call(t.url, 'POST', '/meetings/m-nope/start');
    expect([command.status, command.body.type]).toEqual([404, type('meeting-not-found')]);
    const emails = await call(t.url, 'GET', '/meetings/m-nope/emails');
    expect(emails.status).toBe(404);
    const method = await call(t.url, 'DELETE', `/meetings/${meetingId}`);
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET');
    expect(method.body.detail).toBe(`/meetings/${meetingId} does not take DELETE; it takes GET`);
  });

  it('If-Match: 409 on another version, 404 on a meeting that does not exist, 400 when it is not a version', async () => {
    const { version } = (await call(t.url, 'GET', `/meetings/${meetingId}`)).body;
    const stale = await call(t.url, 'POST', `/meetings/${meetingId}/guests`, { json: { guest: { guestId: 'g-x', name: 'X', email: 'x@example.com' } }, headers: { 'If-Match': String(version - 1) } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: type('version-conflict'), expectedVersion: version - 1, currentVersion: version });
    const fresh = await call(t.url, 'POST', `/meetings/${meetingId}/guests`, { json: { guest: { guestId: 'g-x', name: 'X', email: 'x@example.com' } }, headers: { 'If-Match': `W/"${version}"` } });
    expect([fresh.status, fresh.body]).toEqual([200, { version: version + 1 }]);
    const absent = await call(t.url, 'POST', '/meetings/m-absent/start', { headers: { 'If-Match': '3' } });
    expect(absent.status).toBe(404);
    const garbage = await call(t.url, 'POST', `/meetings/${meetingId}/start`, { headers: { 'If-Match': 'yesterday' } });
    expect([garbage.status, garbage.body.detail]).toEqual([400, 'If-Match: "yesterday" is not a version; send the version a GET returned, e.g. If-Match: 3']);
  });

  it('answers broken HTTP with a problem and keeps serving', async () => {
    const port = t.backend.port;
    const junk = await rawRequest(port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(junk).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(junk).toContain('application/problem+json');
    const huge = await rawRequest(port, `GET /meetings HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    const percent = await call(t.url, 'GET', '/meetings/%E0%A4%A');
    expect([percent.status, percent.body.type]).toEqual([400, type('bad-request')]);
    expect((await call(t.url, 'GET', `/meetings/${meetingId}`)).status).toBe(200);
  });
});
