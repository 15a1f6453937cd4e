import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, type Problem } from './problem';
import { sendProblem } from './reply';

// ADMIN_TOKEN (docs/CONTRACT.md §5): the account and privacy routes and the Email Editor page
// ask for `Authorization: Bearer <token>`. The rest of the API (meetings, links) serves the
// integrator's own application and stays open.

/** True for the route patterns that need the admin token. */
export const needsAdminToken = (routeUrl: string): boolean => routeUrl.startsWith('/accounts/') || routeUrl.startsWith('/privacy/') || routeUrl === '/admin';

/** The `WWW-Authenticate` value of a 401 (RFC 6750); `invalid` when a token was sent but is wrong. */
export function challenge(invalid: boolean): string {
  return invalid ? 'Bearer realm="rendezvous", error="invalid_token"' : 'Bearer realm="rendezvous"';
}

/**
 * 401: no token, or not the right one; the detail says which without saying anything about the
 * token. For the Email Editor page it also says where a browser signs in.
 */
export function unauthorized(sent: boolean, routeUrl: string): Problem {
  const detail = sent
    ? 'the bearer token in the Authorization header is not this service\'s ADMIN_TOKEN; send Authorization: Bearer <ADMIN_TOKEN>'
    : 'this route needs the admin token: send Authorization: Bearer <ADMIN_TOKEN>';
  return problem(401, 'unauthorized', 'The admin token is missing or wrong', routeUrl === '/admin' ? `${detail} (in a browser, open /admin/sign-in)` : detail);
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * A checker for one token. Both sides are hashed first so timingSafeEqual compares two buffers
 * of the same length: the time taken says nothing about the token's length or its first bytes.
 */
export function adminTokenCheck(token: string): (authorization: string | undefined) => 'ok' | 'missing' | 'wrong' {
  const expected = digest(token);
  return (authorization) => {
    const match = authorization === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    if (match === null) return 'missing';
    return timingSafeEqual(digest(match[1] as string), expected) ? 'ok' : 'wrong';
  };
}

/** The onRequest hook: lets the request through, or answers 401 problem+json with WWW-Authenticate. */
export function requireAdminToken(token: string) {
  const check = adminTokenCheck(token);
  // Returning the reply after sending tells Fastify to stop here (no body read, no handler).
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const url = request.routeOptions.url;
    if (url === undefined || !needsAdminToken(url)) return undefined;
    const result = check(request.headers.authorization);
    if (result === 'ok') return undefined;
    reply.header('WWW-Authenticate', challenge(result === 'wrong'));
    return sendProblem(reply, unauthorized(result === 'wrong', url));
  };
}
