/** The languages the built-in defaults are written in. */
export const defaultLanguages = ['en', 'nl'] as const;
/** A language with built-in defaults. */
export type DefaultLanguage = (typeof defaultLanguages)[number];

/** The built-in language for a locale: its primary language when we have it (nl-BE -> nl), else English. */
export function defaultLanguageFor(locale: string): DefaultLanguage {
  const primary = locale.split('-')[0]?.toLowerCase();
  return (defaultLanguages as readonly string[]).includes(primary ?? '') ? (primary as DefaultLanguage) : 'en';
}
