import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accountStream, Attachment, decode, Email, Locale, type Audience, type NotificationId, customizationFor, pairSettings, type AccountCommand, type AccountState } from '@rendezvous/domain';
import { accountDecider, defaultTemplate, notificationOverview, type OutgoingEmail, type PreviewTemplate } from '@rendezvous/notifications';
import type { App } from '../app';
import { etagOf, expectedVersionOf } from '../http/if-match';
import { badRequest, invalidFields, type Problem } from '../http/problem';
import { queryParam, sendProblem } from '../http/reply';
import { operation } from '../openapi/operation';
import { accountBodies, accountChange, accountOverview, audience as audienceSchema, notification as notificationSchema, renderedEmail } from '../openapi/shapes';
import { accountProblem } from '../problems/account';
import { versionConflict } from '../problems/meeting';
import { accountIdProblem, isProblemValue, loadAccount, pairOf } from './account-state';

type AccountCommandType = AccountCommand['type'];
type Body = Record<string, unknown>;
type AccountParams = { id: string };
type PairPath = { id: string; audience: string; notification: string };

/** Runs one account command; answers 200 `{ version, changed }` or a problem. */
async function runAccountCommand(app: App, request: FastifyRequest, reply: FastifyReply, accountId: string, type: AccountCommandType, fields: Body) {
  const badId = accountIdProblem(accountId);
  if (badId !== undefined) return sendProblem(reply, badId);
  const expected = expectedVersionOf(request.headers);
  if (E.isLeft(expected)) return sendProblem(reply, expected.left);
  if (fields['accountId'] !== undefined && fields['accountId'] !== accountId) {
    return sendProblem(reply, invalidFields([{ field: 'accountId', detail: `the body names account ${JSON.stringify(fields['accountId'])} but the path names ${accountId}; leave accountId out of the body or make them match` }]));
  }
  const command = { ...fields, type, now: app.now(), accountId } as AccountCommand;
  const options = expected.right === undefined ? {} : { expectedVersion: expected.right };
  const result = await app.commands.handle(accountStream(accountId), accountDecider, command, options);
  switch (result.kind) {
    case 'accepted':
      reply.header('ETag', etagOf(result.version));
      return { version: result.version, changed: result.events.length > 0 };
    case 'rejected':
      return sendProblem(reply, accountProblem(result.error));
    case 'conflict':
      return sendProblem(reply, versionConflict(`account ${accountId}`, `/accounts/${accountId}/notifications`, result.expected, result.actual));
  }
}

/** The locale default templates are shown in: `?locale=`, else the account's default, else en. */
function localeFor(request: FastifyRequest, state: AccountState): E.Either<Problem, string> {
  const asked = queryParam(request, 'locale');
  if (asked === undefined) return E.right(state.branding?.defaultLocale ?? 'en');
  if (typeof asked !== 'string') return E.left(asked);
  return Locale.is(asked) ? E.right(asked) : E.left(badRequest(`locale=${JSON.stringify(asked)} is not a locale; use a BCP 47 tag such as en or nl-BE`, { field: 'locale' }));
}

// The template a recipient in `locale` gets (CONTRACT §2.10): the customization for that
// locale, else the one without a locale, else the built-in content. `locale` on a customized
// template says which customization it is (absent: the one for every locale).
function templateInForce(state: AccountState, audience: Audience, notification: NotificationId, locale: string) {
  const custom = customizationFor(pairSettings(state, audience, notification).customizations, locale);
  if (custom !== undefined) {
    const { subject, body, bcc, attachments } = custom;
    return { customized: true, ...(custom.locale === undefined ? {} : { locale: custom.locale }), subject, body, bcc, attachments };
  }
  const builtIn = defaultTemplate(audience, notification, locale);
  return { customized: false, subject: builtIn?.subject ?? '', body: builtIn?.body ?? '', bcc: [] as readonly string[], attachments: [] as readonly Attachment[] };
}

// Attachments can be megabytes of base64: listings show what they are, not their bytes.
const attachmentSummary = (attachments: readonly { filename: string; contentType: string; content?: Buffer; contentBase64?: string }[], withContent = false) =>
  attachments.map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    bytes: a.content?.length ?? Buffer.from(a.contentBase64 ?? '', 'base64').length,
    // ?attachments=content: the Email Editor saves the text again without losing the files.
    ...(withContent && a.contentBase64 !== undefined ? { contentBase64: a.contentBase64 } : {}),
  }));

function emailView(email: OutgoingEmail) {
  return {
    notification: email.notification,
    audience: email.audience,
    from: email.from,
    to: email.to,
    ...(email.replyTo === undefined ? {} : { replyTo: email.replyTo }),
    bcc: email.bcc,
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: attachmentSummary(email.attachments),
    ...(email.calendar === undefined ? {} : { calendar: email.calendar }),
    sentAt: email.sentAt,
  };
}

const PreviewBody = t.exact(
  t.partial({ subject: t.string, body: t.string, bcc: t.array(Email), attachments: t.array(Attachment), locale: Locale }),
  'Preview',
);

const pairRoute = (suffix: string) => `/accounts/:id/notifications/:audience/:notification${suffix}`;

/** The account routes of docs/CONTRACT.md §5: branding, customization, toggles, overview and preview. */
export function accountRoutes(app: App) {
  return async (fastify: FastifyInstance): Promise<void> => {
    const id = { id: { type: 'string', minLength: 1, description: 'the account id', examples: ['acme'] } };
    const pairParams = { ...id, audience: audienceSchema, notification: notificationSchema };
    const command = (summary: string, body: (typeof accountBodies)[keyof typeof accountBodies], pair: boolean, errors: readonly number[]) =>
      operation({ summary, tag: 'accounts', admin: true, params: pair ? pairParams : id, body, ifMatch: true, ok: [200, accountChange, 'recorded (or nothing to change)'], errors: [409, 422, ...errors] });
    const branding = command('Set the company name, hostname and default locale', accountBodies.branding, false, []);
    fastify.put<{ Params: AccountParams; Body: Body }>('/accounts/:id/branding', { config: { body: 'required' }, schema: branding }, async (request, reply) =>
      runAccountCommand(app, request, reply, request.params.id, 'ConfigureBranding', request.body),
    );

    const customize = command('Customize a notification (template, bcc, attachments), per locale or for every locale', accountBodies.customization, true, [404]);
    fastify.put<{ Params: PairPath; Body: Body }>(pairRoute(''), { config: { body: 'required' }, schema: customize }, async (request, reply) => {
      const pair = pairOf(request.params);
      if (isProblemValue(pair)) return sendProblem(reply, pair);
      return runAccountCommand(app, request, reply, request.params.id, 'CustomizeNotification', { ...request.body, ...pair });
    });

    for (const action of ['enable', 'disable'] as const) {
      const toggle = command(`${action === 'enable' ? 'Enable' : 'Disable'} a notification`, accountBodies.toggle, true, [404]);
      fastify.post<{ Params: PairPath; Body: Body }>(pairRoute(`/${action}`), { config: { body: 'optional' }, schema: toggle }, async (request, reply) => {
        const pair = pairOf(request.params);
        if (isProblemValue(pair)) return sendProblem(reply, pair);
        return runAccountCommand(app, request, reply, request.params.id, action === 'enable' ? 'EnableNotification' : 'DisableNotification', { ...pair });
      });
    }

    const overviewSchema = operation({
      summary: 'Per audience: total, active, disabled, and each pair\'s template',
      tag: 'accounts',
      admin: true,
      params: id,
      query: {
        locale: { type: 'string', description: 'the language templates are shown in (default: the account\'s, else en)', examples: ['en', 'nl'] },
        attachments: { type: 'string', enum: ['content'], description: 'content: attachments come back with their bytes' },
      },
      ok: [200, accountOverview, 'the overview; ETag is the account version'],
      errors: [422],
    });
    fastify.get<{ Params: AccountParams }>('/accounts/:id/notifications', { schema: overviewSchema }, async (request, reply) => {
      const accountId = request.params.id;
      const badId = accountIdProblem(accountId);
      if (badId !== undefined) return sendProblem(reply, badId);
      const { state, version } = await loadAccount(app, accountId);
      const locale = localeFor(request, state);
      if (E.isLeft(locale)) return sendProblem(reply, locale.left);
      const overview = notificationOverview(state);
      const withContent = queryParam(request, 'attachments') === 'content';
      const audience = (name: Audience) => ({
        total: overview[name].total,
        active: overview[name].active,
        disabled: overview[name].disabled,
        pairs: overview[name].pairs.map((pair) => {
          const { customized, subject, body, bcc, attachments, ...written } = templateInForce(state, name, pair.notification, locale.right);
          const languages = (pair.customizations ?? []).map((c) => c.locale ?? null);
          const builtIn = defaultTemplate(name, pair.notification, locale.right);
          return {
            notification: pair.notification,
            enabled: pair.enabled,
            customized,
            customizedLocales: languages,
            template: { ...written, subject, body, bcc, attachments: attachmentSummary(attachments, withContent) },
            // What "reset to built-in" puts back in the editor for this language.
            builtIn: { subject: builtIn?.subject ?? '', body: builtIn?.body ?? '' },
          };
        }),
      });
      const branding = state.branding === undefined ? {} : { branding: state.branding };
      reply.header('ETag', etagOf(version));
      return { accountId, version, ...branding, locale: locale.right, user: audience('user'), guest: audience('guest') };
    });

    const previewSchema = operation({
      summary: 'Render a draft (or the template in force) for a sample meeting; saves nothing',
      tag: 'accounts',
      admin: true,
      params: pairParams,
      body: accountBodies.preview,
      ok: [200, renderedEmail, 'the rendered email'],
      errors: [404, 422],
    });
    fastify.post<{ Params: PairPath; Body: Body }>(pairRoute('/preview'), { config: { body: 'optional' }, schema: previewSchema }, async (request, reply) => {
      const pair = pairOf(request.params);
      if (isProblemValue(pair)) return sendProblem(reply, pair);
      const badId = accountIdProblem(request.params.id);
      if (badId !== undefined) return sendProblem(reply, badId);
      const draft = decode(PreviewBody, request.body);
      if (E.isLeft(draft)) return sendProblem(reply, invalidFields(draft.left.problems.map((p) => ({ field: p.path, detail: p.message }))));
      const { state } = await loadAccount(app, request.params.id);
      const locale = draft.right.locale ?? state.branding?.defaultLocale ?? 'en';
      // Whatever the draft leaves out comes from the template in force, so an editor can
      // preview a new body under the saved subject.
      const current = templateInForce(state, pair.audience, pair.notification, locale);
      const template: PreviewTemplate = {
        subject: draft.right.subject ?? current.subject,
        body: draft.right.body ?? current.body,
        bcc: draft.right.bcc ?? current.bcc,
        attachments: draft.right.attachments ?? current.attachments,
      };
      const branding = state.branding === undefined ? {} : { branding: state.branding };
      const rendered = app.renderer.preview(template, { ...pair, locale, ...branding });
      if (E.isLeft(rendered)) return sendProblem(reply, accountProblem(rendered.left));
      return emailView(rendered.right);
    });
  };
}
