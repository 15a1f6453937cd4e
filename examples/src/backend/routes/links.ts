import * as E from 'fp-ts/Either';
import type { FastifyInstance } from 'fastify';
import { meetingStatus } from '@rendezvous/domain';
import { verifyEntryLink } from '@rendezvous/notifications';
import type { App } from '../app';
import { badRequest, problem } from '../http/problem';
import { queryParam, sendProblem } from '../http/reply';
import { operation } from '../openapi/operation';
import { linkCheck } from '../openapi/shapes';
import { loadMeeting, noMeeting } from './meetings';

/** GET /links/verify?url=…: who an entry link was issued to and the meeting's status, or 403 when it was not issued here. */
export function linkRoutes(app: App) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const schema = operation({
      summary: 'Who an entry link was issued to, and the meeting\'s status',
      tag: 'links',
      query: { url: { type: 'string', description: 'the entry link from an email, percent-encoded', examples: ['https://meet.acme.example/m/m-1?a=guest&r=g-1&t=x'] } },
      ok: [200, linkCheck, 'the link was issued here'],
      errors: [403, 404],
    });
    fastify.get('/links/verify', { schema }, async (request, reply) => {
      const url = queryParam(request, 'url');
      if (typeof url === 'object') return sendProblem(reply, url);
      if (url === undefined || url === '') return sendProblem(reply, badRequest('the query parameter url is missing; send GET /links/verify?url=<the entry link, percent-encoded>', { field: 'url' }));
      const verified = verifyEntryLink(url, app.linkSecret);
      if (E.isLeft(verified)) {
        return sendProblem(reply, problem(403, 'link-not-valid', 'The link is not valid', `${verified.left.message}; ask for a fresh invitation email`, { reason: verified.left.reason }));
      }
      // A signed link says who it was for; whether to let them in depends on the meeting now
      // (a link to a cancelled meeting still verifies, and the status says it is cancelled).
      const { state } = await loadMeeting(app, verified.right.meetingId);
      if (state.kind === 'none') return sendProblem(reply, noMeeting(verified.right.meetingId));
      return { ...verified.right, status: meetingStatus(state, app.now()) };
    });
  };
}
