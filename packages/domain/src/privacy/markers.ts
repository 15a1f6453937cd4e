// After a data subject is erased (crypto-shredding), their personal fields read back as these
// markers. The markers still pass the event codecs, so histories, projections and replays keep
// working; `.invalid` is a reserved top-level domain, so an erased address can never receive mail.

/** What an erased name, phone, note, reason or other free text reads back as. */
export const erasedText = '[erased]';

/** The domain every erased email address reads back under. */
export const erasedEmailDomain = 'erased.invalid';

/** What an erased email address reads back as; `tag` keeps distinct subjects distinct. */
export function erasedEmail(tag: string): string {
  return `erased-${tag}@${erasedEmailDomain}`;
}

/**
 * What an erased profile URL (or any other URL) reads back as. It must still parse as an
 * http(s) URL, so it is a URL under the same reserved domain as the erased addresses.
 */
export const erasedUrl = `https://${erasedEmailDomain}/`;

const erasedSuffix = `@${erasedEmailDomain}`;

/** True when `email` is the marker of an erased address (the domain in any case). */
export function isErasedEmail(email: string): boolean {
  // Compared from the end, code by code: planning asks this of every address it plans or sends
  // to, and most differ in their last letter, so nothing is allocated and little is read.
  const offset = email.length - erasedSuffix.length;
  if (offset < 0) return false;
  for (let i = erasedSuffix.length - 1; i >= 0; i--) {
    const c = email.charCodeAt(offset + i);
    const want = erasedSuffix.charCodeAt(i);
    if (c !== want && !(c >= 65 && c <= 90 && c + 32 === want)) return false;
  }
  return true;
}
