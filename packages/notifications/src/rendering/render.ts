import * as E from 'fp-ts/Either';
import type { Audience, NotificationId } from '@rendezvous/domain';
import { defaultTemplate, type TemplateSource } from '../defaults/templates';
import type { EmailAttachment, OutgoingEmail } from '../email/outgoing';
import { invitationFor } from '../ics/invitation';
import { createLinks, type Links } from '../links/links';
import type { Customization, EmailToSend } from '../planning/email-to-send';
import { compileTemplate, type CompiledTemplate } from '../templates/compile';
import type { TemplateError } from '../templates/errors';
import { htmlToText } from '../templates/text';
import { sampleEmail } from './sample';
import { type Branding, variablesForEmail } from './variables';

/** Settings of {@link createRenderer}. */
export interface RendererOptions {
  /** The key that signs entry and action links (the same one that verifies them). */
  readonly linkSecret: string;
  /** Used when an account has not configured its branding yet. */
  readonly fallbackBranding?: Branding;
  /** Sender address; default `no-reply@<account hostname>`. */
  readonly fromAddress?: string;
}

/** What the editor's preview pane sends: a template being edited, maybe with its extras. */
export interface PreviewTemplate extends TemplateSource {
  readonly bcc?: readonly string[];
  readonly attachments?: Customization['attachments'];
}

/** Turns planned emails into outgoing ones; the live dispatcher and replay share one. */
export interface Renderer {
  /** Renders a due email with the template in force: the account's customization, else the built-in default. */
  render(email: EmailToSend, sentAt?: string): OutgoingEmail;
  /** Renders a template against a fixed sample meeting, without sending: the email, or why the template is refused. */
  preview(
    template: PreviewTemplate,
    target: { audience: Audience; notification: NotificationId; locale?: string; branding?: Branding },
  ): E.Either<TemplateError, OutgoingEmail>;
}

/** The branding of an account that has configured none. */
export const defaultBranding: Branding = { companyName: 'Rendezvous', hostname: 'meet.rendezvous.example' };

interface Compiled {
  readonly subject: CompiledTemplate;
  readonly body: CompiledTemplate;
}

// compileTemplate caches by source text, but finding a 6 KB body there means hashing it for
// every email; the built-in sources and stored customizations are long-lived objects, so
// render() remembers their compiled form by identity (and scope: the same text may serve two
// pairs). Previews skip it: an editor's draft object may be edited between two previews.
const compiledBySource = new WeakMap<TemplateSource, Map<string, Compiled>>();

function compile(source: TemplateSource, audience: Audience, notification: NotificationId, remember = true): E.Either<TemplateError, Compiled> {
  const scope = `${audience}/${notification}`;
  const known = remember ? compiledBySource.get(source)?.get(scope) : undefined;
  if (known !== undefined) return E.right(known);
  const subject = compileTemplate(source.subject, { notification, audience, part: 'subject' });
  if (E.isLeft(subject)) return subject;
  const body = compileTemplate(source.body, { notification, audience, part: 'body' });
  if (E.isLeft(body)) return body;
  const compiled = { subject: subject.right, body: body.right };
  if (remember) compiledBySource.set(source, (compiledBySource.get(source) ?? new Map<string, Compiled>()).set(scope, compiled));
  return E.right(compiled);
}

// The host part of a hostname that may carry a port: an address cannot.
const mailDomain = (hostname: string): string => hostname.replace(/:\d+$/, '');

/** Builds the renderer: one per process, sharing links and compiled templates between emails. */
export function createRenderer(options: RendererOptions): Renderer {
  const fallback = options.fallbackBranding ?? defaultBranding;
  // Fail at start-up, not at the first email: an empty key would sign links anyone can forge.
  if (options.linkSecret === '') throw new TypeError('createRenderer: linkSecret must not be empty');
  const linksByHost = new Map<string, Links>();
  const linksFor = (hostname: string): Links => {
    let links = linksByHost.get(hostname);
    if (links === undefined) {
      links = createLinks({ secret: options.linkSecret, hostname });
      linksByHost.set(hostname, links);
    }
    return links;
  };

  const compose = (email: EmailToSend, compiled: Compiled, branding: Branding, extras: Extras, sentAt: string): OutgoingEmail => {
    const vars = variablesForEmail(email, branding, linksFor(branding.hostname));
    const html = compiled.body.render(vars, 'html');
    const calendar = invitationFor(email, branding.hostname, String(vars['links.meeting']));
    return {
      idempotencyKey: email.idempotencyKey,
      notification: email.notification,
      audience: email.audience,
      meetingId: email.meeting.meetingId,
      accountId: email.account.accountId,
      from: { name: branding.companyName, email: options.fromAddress ?? `no-reply@${mailDomain(branding.hostname)}` },
      to: [{ name: email.recipient.name, email: email.recipient.email }],
      bcc: [...extras.bcc],
      subject: compiled.subject.render(vars, 'subject'),
      text: htmlToText(html),
      html,
      attachments: extras.attachments.map(
        (a): EmailAttachment => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') }),
      ),
      ...(calendar === undefined ? {} : { calendar }),
      sentAt,
    };
  };

  const builtIn = (email: EmailToSend): Compiled => {
    const source = defaultTemplate(email.audience, email.notification, email.recipient.locale);
    // Planning never plans a pair without a built-in email (hosts get no wrap-up or review);
    // reaching this is a bug in the caller, not bad input.
    if (source === undefined) throw new RangeError(`no built-in email for ${email.audience} ${email.notification}`);
    const compiled = compile(source, email.audience, email.notification);
    if (E.isLeft(compiled)) throw new RangeError(`built-in ${email.audience} ${email.notification}: ${compiled.left.message}`);
    return compiled.right;
  };

  return {
    render(email, sentAt = email.dueAt) {
      const branding = { companyName: email.account.companyName ?? fallback.companyName, hostname: email.account.hostname ?? fallback.hostname };
      const custom = email.account.customization;
      // A stored customization compiled when it was saved; should the catalogue ever shrink
      // under it, the recipient still gets the built-in email rather than nothing.
      const compiled = custom === undefined ? undefined : compile(custom, email.audience, email.notification);
      const chosen = compiled !== undefined && E.isRight(compiled) ? compiled.right : builtIn(email);
      const extras = custom === undefined ? noExtras : { bcc: custom.bcc, attachments: custom.attachments };
      return compose(email, chosen, branding, extras, sentAt);
    },
    preview(template, target) {
      const compiled = compile(template, target.audience, target.notification, false);
      if (E.isLeft(compiled)) return compiled;
      const email = sampleEmail(target.audience, target.notification, target.locale ?? 'en');
      const extras = { bcc: template.bcc ?? [], attachments: template.attachments ?? [] };
      return E.right(compose(email, compiled.right, target.branding ?? fallback, extras, email.dueAt));
    },
  };
}

interface Extras {
  readonly bcc: readonly string[];
  readonly attachments: Customization['attachments'];
}

const noExtras: Extras = { bcc: [], attachments: [] };
