import { erasedEmail, erasedText, isErasedEmail } from '@rendezvous/domain';
import type { PersonalKind } from './subjects';

// The domain fixes the text and email markers; a profile URL must still parse as an http(s) URL,
// so it gets its own marker under the same reserved `.invalid` domain.

/** What an erased profile URL reads back as. */
export const erasedUrl = 'https://erased.invalid/';

/** The marker an erased value of `kind` reads back as; `tag` keeps erased addresses distinct. */
export function erasedValue(kind: PersonalKind, tag: string): string {
  switch (kind) {
    case 'email':
      return erasedEmail(tag);
    case 'url':
      return erasedUrl;
    case 'text':
      return erasedText;
  }
}

/** True when `value` is already an erasure marker: there is nothing personal left to encrypt. */
export function isErasedValue(value: string): boolean {
  return value === erasedText || value === erasedUrl || isErasedEmail(value);
}
