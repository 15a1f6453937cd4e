import * as E from 'fp-ts/Either';
import { type Audience, type NotificationId, isErasedEmail } from '@rendezvous/domain';
import { customizationFor } from '@rendezvous/domain';
import { defaultLanguageFor } from '../defaults/language';
import { documentHead } from '../defaults/layout';
import { defaultTemplate, frameTemplate, type TemplateSource } from '../defaults/templates';
import type { EmailAttachment, OutgoingEmail } from '../email/outgoing';
import { invitationFor } from '../ics/invitation';
import { createLinks, type Links } from '../links/links';
import type { Customization } from '@rendezvous/domain';
import type { EmailToSend } from '../planning/email-to-send';
import { compileTemplate, type CompiledTemplate } from '../templates/compile';
import type { TemplateError } from '../templates/errors';
import { escapeHtml } from '../templates/escape';
import { checkBodyHtml } from '../templates/html/check';
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

interface CompiledFrame {
  readonly top: CompiledTemplate;
  readonly bottom: CompiledTemplate;
}

const compiledFrames = new Map<string, CompiledFrame>();

// The frame names only variables every notification has (company.name, general.hostname).
function compiledFrame(lang: string): CompiledFrame {
  const source = frameTemplate(lang);
  let known = compiledFrames.get(source.language);
  if (known === undefined) {
    const scope = { notification: 'meeting-scheduled', audience: 'guest', part: 'body' } as const;
    const top = compileTemplate(source.top, scope);
    const bottom = compileTemplate(source.bottom, scope);
    if (E.isLeft(top) || E.isLeft(bottom)) throw new RangeError(`the ${source.language} email frame does not compile`);
    known = { top: top.right, bottom: bottom.right };
    compiledFrames.set(source.language, known);
  }
  return known;
}

// Attachments whose type is text/* say their charset: without it clients guess (often Latin-1).
function withCharset(contentType: string): string {
  return /^text\//i.test(contentType) && !/;\s*charset=/i.test(contentType) ? `${contentType}; charset=utf-8` : contentType;
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

  // `lang` is the language the content is written in: the built-in's language, a
  // customization's locale, or (for one written for every locale) the recipient's.
  const compose = (email: EmailToSend, compiled: Compiled, lang: string, branding: Branding, extras: Extras, sentAt: string): OutgoingEmail => {
    const vars = variablesForEmail(email, branding, linksFor(branding.hostname));
    const subject = compiled.subject.render(vars, 'subject');
    const frame = compiledFrame(lang);
    const html = documentHead(escapeHtml(lang), escapeHtml(subject)) + frame.top.render(vars, 'html') + compiled.body.render(vars, 'html') + frame.bottom.render(vars, 'html');
    // The UID's hostname is the one in force when the meeting was scheduled (CONTRACT §2.12):
    // links follow the account's current hostname, the calendar event keeps its identity.
    const calendar = invitationFor(email, email.meeting.calendarHostname ?? fallback.hostname, String(vars['links.meeting']));
    return {
      idempotencyKey: email.idempotencyKey,
      notification: email.notification,
      audience: email.audience,
      meetingId: email.meeting.meetingId,
      accountId: email.account.accountId,
      from: { name: branding.companyName, email: options.fromAddress ?? `no-reply@${mailDomain(branding.hostname)}` },
      to: [{ name: email.recipient.name, email: email.recipient.email }],
      ...replyToOf(email),
      bcc: [...extras.bcc],
      subject,
      text: htmlToText(html),
      html,
      attachments: extras.attachments.map(
        (a): EmailAttachment => ({ filename: a.filename, contentType: withCharset(a.contentType), content: Buffer.from(a.contentBase64, 'base64') }),
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
      const { locale } = email.recipient;
      const custom = customizationFor(email.account.customizations, locale);
      // A stored customization compiled when it was saved; should the catalogue ever shrink
      // under it, the recipient still gets the built-in email rather than nothing.
      const compiled = custom === undefined ? undefined : compile(custom, email.audience, email.notification);
      if (custom !== undefined && compiled !== undefined && E.isRight(compiled)) {
        return compose(email, compiled.right, custom.locale ?? locale, branding, { bcc: custom.bcc, attachments: custom.attachments }, sentAt);
      }
      return compose(email, builtIn(email), defaultLanguageFor(locale), branding, noExtras, sentAt);
    },
    preview(template, target) {
      const compiled = compile(template, target.audience, target.notification, false);
      if (E.isLeft(compiled)) return compiled;
      // The preview refuses what saving refuses: HTML outside the allowlist never reaches a pane.
      const unsafe = checkBodyHtml(template.body);
      if (unsafe !== undefined) return E.left(unsafe);
      const locale = target.locale ?? 'en';
      const branding = target.branding ?? fallback;
      const sample = sampleEmail(target.audience, target.notification, locale);
      // The sample meeting was "scheduled" under the branding being previewed.
      const email = { ...sample, meeting: { ...sample.meeting, calendarHostname: branding.hostname } };
      const extras = { bcc: template.bcc ?? [], attachments: template.attachments ?? [] };
      return E.right(compose(email, compiled.right, locale, branding, extras, email.dueAt));
    },
  };
}

/**
 * The Reply-To of an email (CONTRACT §2.15): the current host on a guest's email, none on the
 * host's own. An erased host has no address left to reply to, so their guests' emails carry none.
 */
function replyToOf(email: EmailToSend): Pick<OutgoingEmail, 'replyTo'> {
  const { host } = email.meeting;
  if (email.audience !== 'guest' || isErasedEmail(host.email)) return {};
  return { replyTo: { name: host.name, email: host.email } };
}

interface Extras {
  readonly bcc: readonly string[];
  readonly attachments: Customization['attachments'];
}

const noExtras: Extras = { bcc: [], attachments: [] };
