import { eraseSubject, exportSubject, restrictProcessing, liftProcessingRestriction, subjectsByEmail, type DataSubject } from '@rendezvous/adapters';
import { isEmailAddress } from '@rendezvous/domain';
import type { App } from '../app';
import { invalidFields, type Problem } from '../http/problem';
import { fail, json, type Reply, type RequestContext, type Route } from '../http/route';

// A person asks by email address. The address stands for the guest it names and for every host
// (userId) that went by it, so each right acts on all of those subjects.

function addressOf(ctx: RequestContext): string | Problem {
  const email = (ctx.params['email'] ?? '').trim();
  if (!isEmailAddress(email)) return invalidFields([{ field: 'email', detail: 'not an email address; the path is /privacy/subjects/<address>, e.g. /privacy/subjects/gus%40example.com' }]);
  return email.toLowerCase();
}

const describe = (subject: DataSubject): string => ('email' in subject ? `email:${subject.email}` : `user:${subject.userId}`);

async function withSubjects(app: App, ctx: RequestContext, act: (email: string, subjects: DataSubject[]) => Promise<Reply>): Promise<Reply> {
  const email = addressOf(ctx);
  if (typeof email !== 'string') return fail(email);
  return act(email, await subjectsByEmail(app.store, email));
}

/** The data-subject routes: export, restrict (and lift), erase. */
export function privacyRoutes(app: App): Route[] {
  const personal = ['email'];
  return [
    {
      method: 'GET',
      pattern: '/privacy/subjects/:email',
      body: 'none',
      personal,
      handle: (ctx) =>
        withSubjects(app, ctx, async (email, subjects) => {
          const exports = [];
          for (const subject of subjects) exports.push(await exportSubject(app.store, app.keyStore, subject));
          return json(200, {
            email,
            erased: exports.some((e) => e.erased),
            restricted: exports.some((e) => e.restricted),
            subjects: exports.map((e) => ({ subject: describe(e.subject), erased: e.erased, restricted: e.restricted, events: e.events })),
          });
        }),
    },
    {
      method: 'POST',
      pattern: '/privacy/subjects/:email/restrict',
      body: 'optional',
      personal,
      handle: (ctx) =>
        withSubjects(app, ctx, async (email, subjects) => {
          for (const subject of subjects) await restrictProcessing(app.keyStore, subject);
          app.log({ msg: 'privacy: processing restricted', subjects: subjects.length });
          return json(200, { email, restricted: true, subjects: subjects.map(describe) });
        }),
    },
    {
      method: 'DELETE',
      pattern: '/privacy/subjects/:email/restrict',
      body: 'none',
      personal,
      handle: (ctx) =>
        withSubjects(app, ctx, async (email, subjects) => {
          for (const subject of subjects) await liftProcessingRestriction(app.keyStore, subject);
          app.log({ msg: 'privacy: restriction lifted', subjects: subjects.length });
          return json(200, { email, restricted: false, subjects: subjects.map(describe) });
        }),
    },
    {
      method: 'DELETE',
      pattern: '/privacy/subjects/:email',
      body: 'none',
      personal,
      handle: (ctx) =>
        withSubjects(app, ctx, async (email, subjects) => {
          for (const subject of subjects) await eraseSubject(app.keyStore, subject);
          app.log({ msg: 'privacy: subject erased', subjects: subjects.length });
          return json(200, { email, erased: true, subjects: subjects.map(describe) });
        }),
    },
  ];
}
