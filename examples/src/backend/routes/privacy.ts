import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eraseSubject, exportSubject, restrictProcessing, liftProcessingRestriction, subjectsByEmail, type DataSubject } from '@rendezvous/adapters';
import { isEmailAddress } from '@rendezvous/domain';
import type { App } from '../app';
import { invalidFields } from '../http/problem';
import { sendProblem } from '../http/reply';
import { operation, type Operation } from '../openapi/operation';
import { subjectAction, subjectExport } from '../openapi/shapes';

// A person asks by email address. The address stands for the guest it names and for every host
// (userId) that went by it, so each right acts on all of those subjects.

type EmailParams = { email: string };
type Request = FastifyRequest<{ Params: EmailParams }>;

const describe = (subject: DataSubject): string => ('email' in subject ? `email:${subject.email}` : `user:${subject.userId}`);

async function withSubjects(app: App, request: Request, reply: FastifyReply, act: (email: string, subjects: DataSubject[]) => Promise<unknown>) {
  const email = request.params.email.trim();
  if (!isEmailAddress(email)) {
    return sendProblem(reply, invalidFields([{ field: 'email', detail: 'not an email address; the path is /privacy/subjects/<address>, e.g. /privacy/subjects/gus%40example.com' }]));
  }
  const lower = email.toLowerCase();
  return act(lower, await subjectsByEmail(app.store, lower));
}

/** The data-subject routes: export, restrict (and lift), erase. */
export function privacyRoutes(app: App) {
  return async (fastify: FastifyInstance): Promise<void> => {
    // The address is personal: the request log names the route, not the person.
    const config = { personal: ['email'] };
    const params = { email: { type: 'string', format: 'email', description: 'the person\'s address, percent-encoded', examples: ['gus@example.org'] } };
    const schema = (summary: string, ok: Operation['ok'], body?: Operation['body']) =>
      operation({ summary, tag: 'privacy', admin: true, params, ok, errors: [422], ...(body === undefined ? {} : { body }) });

    fastify.get<{ Params: EmailParams }>('/privacy/subjects/:email', { config, schema: schema('Export: all personal data held about the person', [200, subjectExport, 'the export']) }, async (request, reply) =>
      withSubjects(app, request, reply, async (email, subjects) => {
        const exports = [];
        for (const subject of subjects) exports.push(await exportSubject(app.store, app.keyStore, subject));
        return {
          email,
          erased: exports.some((e) => e.erased),
          restricted: exports.some((e) => e.restricted),
          subjects: exports.map((e) => ({ subject: describe(e.subject), erased: e.erased, restricted: e.restricted, events: e.events })),
        };
      }),
    );

    fastify.post<{ Params: EmailParams }>('/privacy/subjects/:email/restrict', { config: { ...config, body: 'optional' }, schema: schema('Restrict: no further emails to the person', [200, subjectAction('restricted'), 'restricted'], { type: 'object' }) }, async (request, reply) =>
      withSubjects(app, request, reply, async (email, subjects) => {
        for (const subject of subjects) await restrictProcessing(app.keyStore, subject);
        request.log.info({ subjects: subjects.length }, 'privacy: processing restricted');
        return { email, restricted: true, subjects: subjects.map(describe) };
      }),
    );

    fastify.delete<{ Params: EmailParams }>('/privacy/subjects/:email/restrict', { config, schema: schema('Lift the restriction', [200, subjectAction('restricted'), 'lifted']) }, async (request, reply) =>
      withSubjects(app, request, reply, async (email, subjects) => {
        for (const subject of subjects) await liftProcessingRestriction(app.keyStore, subject);
        request.log.info({ subjects: subjects.length }, 'privacy: restriction lifted');
        return { email, restricted: false, subjects: subjects.map(describe) };
      }),
    );

    fastify.delete<{ Params: EmailParams }>('/privacy/subjects/:email', { config, schema: schema('Erase: the person\'s personal data becomes unreadable everywhere', [200, subjectAction('erased'), 'erased']) }, async (request, reply) =>
      withSubjects(app, request, reply, async (email, subjects) => {
        for (const subject of subjects) await eraseSubject(app.keyStore, subject);
        request.log.info({ subjects: subjects.length }, 'privacy: subject erased');
        return { email, erased: true, subjects: subjects.map(describe) };
      }),
    );
  };
}
