import type { FastifyInstance } from 'fastify';
import { adminPage, signInPage } from '../admin/page';
import { operation } from '../openapi/operation';

/**
 * `GET /admin`: the Email Editor page (docs/CONTRACT.md §5), which then speaks only the public API.
 * Behind ADMIN_TOKEN it answers 401 problem+json without the token, like every admin route. A
 * browser cannot add a header to a page it navigates to, so `GET /admin/sign-in` (open, it holds
 * nothing) asks for the token and loads /admin with it.
 */
export function adminRoutes() {
  return async (fastify: FastifyInstance): Promise<void> => {
    const schema = operation({ summary: 'The Email Editor page', tag: 'admin', admin: true, ok: [200, { type: 'string' }, 'the page', 'text/html'] });
    fastify.get('/admin', { schema }, async (_request, reply) => {
      const page = adminPage();
      return reply.headers(page.headers).send(page.html);
    });
    const signIn = operation({ summary: 'Sign-in for the Email Editor: asks for the admin token and opens /admin with it', tag: 'admin', ok: [200, { type: 'string' }, 'the sign-in page', 'text/html'] });
    fastify.get('/admin/sign-in', { schema: signIn }, async (_request, reply) => {
      const page = signInPage();
      return reply.headers(page.headers).send(page.html);
    });
  };
}
