import type { Audience, NotificationId } from '@rendezvous/domain';
import type { Copy, DefaultPair } from './copy';
import { defaultPairs } from './copy';
import { contentFor } from './content';
import { dutch } from './nl';
import { english } from './en';
import { type DefaultLanguage, defaultLanguageFor } from './language';
import { content, frame, type FrameSource } from './layout';

/** A template as admins write it: a subject line and an HTML body, both template source. */
export interface TemplateSource {
  readonly subject: string;
  readonly body: string;
}

const copies: Record<DefaultLanguage, Copy> = { en: english, nl: dutch };

/** True when the pair has a built-in email (hosts get no wrap-up or review). */
export function hasDefaultTemplate(audience: Audience, notification: NotificationId): boolean {
  return (defaultPairs as readonly string[]).includes(`${audience}/${notification}`);
}

// Built once per language and pair: the source is a pure function of the copy.
const built = new Map<string, TemplateSource>();

/**
 * The built-in template of a pair: its subject, and the body CONTENT that the branded frame
 * surrounds (exactly what a customization's body is) in a locale's language (nl-BE -> nl; a language we have no
 * copy for -> en), or undefined for a pair that is never sent.
 */
export function defaultTemplate(audience: Audience, notification: NotificationId, locale: string): TemplateSource | undefined {
  if (!hasDefaultTemplate(audience, notification)) return undefined;
  const pair = `${audience}/${notification}` as DefaultPair;
  const language = defaultLanguageFor(locale);
  const key = `${language}/${pair}`;
  const cached = built.get(key);
  if (cached !== undefined) return cached;
  const copy = copies[language];
  const email = contentFor(pair, copy);
  const source = { subject: email.subject, body: content(email, copy) };
  built.set(key, source);
  return source;
}

/** The branded frame (company name, card, footer) in a locale's language, around every email's content. */
export function frameTemplate(locale: string): FrameSource & { readonly language: DefaultLanguage } {
  const language = defaultLanguageFor(locale);
  return frames[language];
}

// One object per language, so the renderer can remember its compiled form by identity.
const frames: Record<DefaultLanguage, FrameSource & { readonly language: DefaultLanguage }> = {
  en: { ...frame(english), language: 'en' },
  nl: { ...frame(dutch), language: 'nl' },
};
