import type { Customization } from './state';

/** How two locales are compared: BCP 47 tags are case-insensitive (nl-be is nl-BE). */
export function localeKey(locale: string | undefined): string {
  return locale === undefined ? '' : locale.toLowerCase();
}

/**
 * The customization in force for a recipient's locale (CONTRACT §2.10): the one for that locale,
 * else the one for its language (an nl-BE guest reads the `nl` one, as built-in emails do), else
 * the one without a locale; undefined means the built-in default in the recipient's locale.
 */
export function customizationFor(customizations: readonly Customization[] | undefined, locale: string): Customization | undefined {
  if (customizations === undefined || customizations.length === 0) return undefined;
  const exact = localeKey(locale);
  const language = exact.split('-')[0] ?? exact;
  return (
    customizations.find((c) => c.locale !== undefined && localeKey(c.locale) === exact) ??
    customizations.find((c) => c.locale !== undefined && localeKey(c.locale) === language) ??
    customizations.find((c) => c.locale === undefined)
  );
}
