import type { SwaggerOptions } from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { operation } from './operation';

/**
 * The options of @fastify/swagger, registered on the root instance before the routes (it
 * collects them as they are added): the OpenAPI 3.1 document is generated from the route schemas.
 */
export const openApiOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'Rendezvous example backend',
      version: '1.1.0',
      description: 'The HTTP API of docs/CONTRACT.md §5. Errors are application/problem+json (RFC 9457).',
    },
    components: {
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN; needed only when the service is started with it' },
      },
    },
  },
};

/** The route that serves the document. */
export function openApiRoute() {
  return async (fastify: FastifyInstance): Promise<void> => {
    fastify.get(
      '/openapi.json',
      { schema: operation({ summary: 'This document', tag: 'api', ok: [200, { type: 'object', required: ['openapi', 'paths'] }, 'the OpenAPI 3.1 document of every route'] }) },
      async () => fastify.swagger(),
    );
  };
}
