import * as E from 'fp-ts/Either';
import { verifyEntryLink } from '@rendezvous/notifications';
import type { App } from '../app';
import { badRequest, problem } from '../http/problem';
import { fail, json, type Route } from '../http/route';

/** GET /links/verify?url=…: who an entry link was issued to, or 403 when it was not issued here. */
export function linkRoutes(app: App): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/links/verify',
      body: 'none',
      async handle(ctx) {
        const url = ctx.query.get('url');
        if (url === null || url === '') return fail(badRequest('the query parameter url is missing; send GET /links/verify?url=<the entry link, percent-encoded>', { field: 'url' }));
        const verified = verifyEntryLink(url, app.linkSecret);
        if (E.isLeft(verified)) {
          return fail(problem(403, 'link-not-valid', 'The link is not valid', `${verified.left.message}; ask for a fresh invitation email`, { reason: verified.left.reason }));
        }
        return json(200, verified.right);
      },
    },
  ];
}
