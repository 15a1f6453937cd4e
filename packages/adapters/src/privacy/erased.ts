import { erasedEmail, erasedText, erasedUrl, isErasedEmail } from '@rendezvous/domain';
import type { PersonalKind } from './subjects';

// The domain fixes every marker (text, email, URL); this maps a personal field's kind to its marker.

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
