const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes the five characters that can change HTML meaning, in text and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEntities[c] ?? c);
}

const lineBreak = /\r\n|[\n\r\u2028\u2029\u0085]/g;

/** Turns every line break (CRLF, LF, CR, NEL, U+2028, U+2029) into `<br>`; run it on escaped text. */
export function nl2br(text: string): string {
  return text.replace(lineBreak, '<br>');
}

/** RFC 5322's line limit: a subject longer than this cannot be one header line. */
export const maxSubjectLength = 998;

// Every control character (C0, DEL, C1) and every Unicode space or line/paragraph separator:
// matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const breaksAndSpaces = /[\u0000-\u0020\u007f-\u009f\s]+/g;

/**
 * A rendered subject as one safe header line: line breaks, control characters and runs of
 * whitespace become one space (so "\r\nBcc: x" can never start a header), trimmed, at most
 * 998 characters without splitting a surrogate pair.
 */
export function subjectLine(text: string): string {
  const flat = text.replace(breaksAndSpaces, ' ').trim();
  if (flat.length <= maxSubjectLength) return flat;
  const cut = flat.slice(0, maxSubjectLength);
  const last = cut.charCodeAt(cut.length - 1);
  return (last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut).trimEnd();
}
