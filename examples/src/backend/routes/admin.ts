import type { FastifyInstance } from 'fastify';
import { adminPage } from '../admin/page';

/** `GET /admin`: the Email Editor page (docs/CONTRACT.md §5), which then speaks only the public API. */
export function adminRoutes() {
  return async (fastify: FastifyInstance): Promise<void> => {
    fastify.get('/admin', async (_request, reply) => {
      const page = adminPage();
      return reply.headers(page.headers).send(page.html);
    });
  };
}
