import { type DefaultLanguage, defaultLanguageFor } from '../defaults/language';

/** The few words an invitation shows, in the recipient's language. */
export interface IcsPhrases {
  readonly language: string;
  readonly with: string;
  readonly join: string;
}

const phrases: Record<DefaultLanguage, IcsPhrases> = {
  en: { language: 'EN', with: 'with', join: 'Join the meeting' },
  nl: { language: 'NL', with: 'met', join: 'Deelnemen aan de meeting' },
};

/** The phrases for a locale (nl-BE -> nl, anything we do not have -> en). */
export function icsPhrases(locale: string): IcsPhrases {
  return phrases[defaultLanguageFor(locale)];
}
