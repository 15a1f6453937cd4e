import type { FastifyInstance, FastifyReply } from 'fastify';
import { adminPage, signInPage } from '../admin/page';
import type { Problem } from '../http/problem';
import { sendProblem } from '../http/reply';
import { operation } from '../openapi/operation';

/** `GET /admin`: the Email Editor page (docs/CONTRACT.md §5), which then speaks only the public API. */
export function adminRoutes() {
  return async (fastify: FastifyInstance): Promise<void> => {
    const schema = operation({ summary: 'The Email Editor page', tag: 'admin', admin: true, ok: [200, { type: 'string' }, 'the page', 'text/html'] });
    fastify.get('/admin', { schema }, async (_request, reply) => {
      const page = adminPage();
      return reply.headers(page.headers).send(page.html);
    });
  };
}

/**
 * How a request without the admin token is refused: problem+json, except a browser opening the
 * Email Editor (Accept: text/html), which gets the same 401 with a page that asks for the token.
 */
export function refuseWithoutToken(reply: FastifyReply, problem: Problem): FastifyReply {
  const request = reply.request;
  if (request.routeOptions.url === '/admin' && request.method === 'GET' && /\btext\/html\b/.test(request.headers.accept ?? '')) {
    const page = signInPage();
    return reply.code(problem.status).headers(page.headers).send(page.html);
  }
  return sendProblem(reply, problem);
}
