// The calendar invitation as text, by hand: RFC 5545 escaping and 75-octet line folding,
// the same lines in the same order as the library's (which uses ical-generator).

/** TEXT value escaping: backslash, semicolon and comma escaped, line breaks as \n. */
export function icsText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** A quoted parameter value (CN): no double quotes or line breaks inside. */
export function icsName(name: string): string {
  return name.replace(/"/g, "'").replace(/[\r\n]+/g, ' ').replace(/\\/g, '\\\\');
}

const utf8Length = (code: number): number => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

/** Folds one content line after 74 octets, never inside a character. */
function fold(line: string): string {
  if (line.length <= 74 && !/[\u0080-\uffff]/.test(line)) return line;
  let out = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    octets += size;
    if (octets > 74) {
      out += '\r\n ';
      octets = size;
    }
    out += ch;
  }
  return out;
}

/** The lines joined with CRLF, each folded, ending with CRLF. */
export function icsLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) out += `${fold(line)}\r\n`;
  return out;
}

/** `20260302T090000Z` */
export function icsTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}
