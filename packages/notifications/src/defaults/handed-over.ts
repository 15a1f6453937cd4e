import { type DefaultLanguage, defaultLanguageFor } from './language';

// The cancellationReason a reassign's previous host reads (docs/CONTRACT.md §2.3): a value, not
// template source, so it is escaped in the HTML body and left as it is in the plain text.
const sentences: Record<DefaultLanguage, (name: string) => string> = {
  en: (name) => `The meeting was handed to ${name}.`,
  nl: (name) => `De afspraak is overgedragen aan ${name}.`,
};

/** The sentence saying to whom a meeting was handed, in a locale's language (nl-BE -> nl, anything we lack -> en). */
export function handedOverSentence(name: string, locale: string): string {
  return sentences[defaultLanguageFor(locale)](name);
}
