import * as E from 'fp-ts/Either';
import { adminTokenCheck } from './http/admin-token';
import { settleSecrets } from './config';
import { call, scheduleBody, startTestBackend, testAdminToken, type BackendUnderTest } from './testing/fixture';

// ADMIN_TOKEN (docs/CONTRACT.md §5): which routes ask for it, how they refuse, and what the
// service says at start when it is missing.

let t: BackendUnderTest;
beforeAll(async () => {
  t = await startTestBackend('memory');
});
afterAll(() => t.stop());

const adminRoutes: readonly (readonly [string, string])[] = [
  ['PUT', '/accounts/acme/branding'],
  ['PUT', '/accounts/acme/notifications/guest/wrap-up'],
  ['POST', '/accounts/acme/notifications/guest/wrap-up/enable'],
  ['POST', '/accounts/acme/notifications/guest/wrap-up/disable'],
  ['POST', '/accounts/acme/notifications/guest/wrap-up/preview'],
  ['GET', '/accounts/acme/notifications'],
  ['GET', '/privacy/subjects/gus%40example.org'],
  ['POST', '/privacy/subjects/gus%40example.org/restrict'],
  ['DELETE', '/privacy/subjects/gus%40example.org/restrict'],
  ['DELETE', '/privacy/subjects/gus%40example.org'],
  ['GET', '/admin'],
];

describe.each(adminRoutes)('%s %s', (method, path) => {
  const json = method === 'GET' ? undefined : {};
  it('answers 401 problem+json with a Bearer challenge without the token', async () => {
    const answer = await call(t.url, method, path, { token: null, ...(json === undefined ? {} : { json }) });
    expect(answer.status).toBe(401);
    expect(answer.contentType).toBe('application/problem+json; charset=utf-8');
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="rendezvous"');
    expect(answer.body).toEqual({
      type: 'https://rendezvous.example/problems/unauthorized',
      title: 'The admin token is missing or wrong',
      status: 401,
      detail: `this route needs the admin token: send Authorization: Bearer <ADMIN_TOKEN>${path === '/admin' ? ' (in a browser, open /admin/sign-in)' : ''}`,
      instance: path,
    });
  });

  it('answers problem+json also to a browser (Accept: text/html)', async () => {
    const answer = await call(t.url, method, path, { token: null, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, ...(json === undefined ? {} : { json }) });
    expect([answer.status, answer.contentType, answer.body.type]).toEqual([401, 'application/problem+json; charset=utf-8', 'https://rendezvous.example/problems/unauthorized']);
  });

  it('refuses a wrong token (also one that shares its first characters) and another scheme', async () => {
    for (const token of ['nope', `${testAdminToken}x`, testAdminToken.slice(0, -1)]) {
      const answer = await call(t.url, method, path, { token, ...(json === undefined ? {} : { json }) });
      expect([answer.status, answer.headers.get('www-authenticate'), answer.body.type]).toEqual([401, 'Bearer realm="rendezvous", error="invalid_token"', 'https://rendezvous.example/problems/unauthorized']);
    }
    const basic = await call(t.url, method, path, { token: null, headers: { authorization: `Basic ${Buffer.from(`admin:${testAdminToken}`).toString('base64')}` }, ...(json === undefined ? {} : { json }) });
    expect(basic.status).toBe(401);
  });

  it('lets the token through', async () => {
    const body = path.endsWith('/branding') ? { companyName: 'Acme', hostname: 'acme.example' } : path.endsWith('/wrap-up') ? { subject: 'A note', body: '<p>{{ wrapup }}</p>' } : json;
    const answer = await call(t.url, method, path, body === undefined ? {} : { json: body });
    expect([answer.status, answer.body?.detail]).toEqual([200, undefined]);
  });
});

it('keeps the meeting and link routes open: they serve the integrator\'s own application', async () => {
  const created = await call(t.url, 'POST', '/meetings', { token: null, json: scheduleBody() });
  expect(created.status).toBe(201);
  expect((await call(t.url, 'GET', `/meetings/${created.body.meetingId as string}`, { token: null })).status).toBe(200);
  expect((await call(t.url, 'GET', '/links/verify?url=https%3A%2F%2Fx.example%2F', { token: null })).status).toBe(403);
  expect((await call(t.url, 'GET', '/openapi.json', { token: null })).status).toBe(200);
});

it('checks the whole header: the scheme is case-insensitive, nothing may follow the token', async () => {
  const check = adminTokenCheck('s3cret-token');
  expect(check('Bearer s3cret-token')).toBe('ok');
  expect(check('bearer  s3cret-token ')).toBe('ok');
  expect(check('Bearer s3cret-token extra')).toBe('missing');
  expect(check('Bearer s3cret')).toBe('wrong');
  expect(check('s3cret-token')).toBe('missing');
  expect(check(undefined)).toBe('missing');
});

it('warns at start without ADMIN_TOKEN, refuses to start in production without it, and warns about a short one', async () => {
  const open = await startTestBackend('memory', { openAdmin: true });
  try {
    expect(open.logs.filter((l) => l.level === 'warn').map((l) => l.msg)).toContain('ADMIN_TOKEN is not set: every /accounts and /privacy route and the Email Editor (/admin) are open to anyone who can reach the service');
  } finally {
    await open.stop();
  }
  const production = { production: true, databaseUrl: 'postgres://x', linkSecret: 'k'.repeat(32) };
  expect(settleSecrets(production)).toEqual(
    E.left({ variable: 'ADMIN_TOKEN', message: 'ADMIN_TOKEN is not set: every /accounts and /privacy route and the Email Editor (/admin) are open to anyone who can reach the service (refused because NODE_ENV=production)' }),
  );
  expect(settleSecrets({ ...production, adminToken: 'short' })).toEqual(
    E.right({ linkSecret: 'k'.repeat(32), warnings: ['ADMIN_TOKEN has 5 characters; use at least 32 random ones (openssl rand -base64 32) so it cannot be guessed'] }),
  );
});
