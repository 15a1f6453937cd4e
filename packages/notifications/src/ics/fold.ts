// RFC 5545 §3.1: content lines longer than 75 octets are folded (CRLF + a space). We fold
// ourselves rather than through ical-generator's calendar.toString(): its folder builds a new
// TextEncoder for every character, which was a third of the time it took to render an email
// with an invitation (BENCHMARKS.md, workload 2).

const octets = (code: number): number => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

function foldLine(line: string): string {
  // Most lines are short ASCII: nothing to do.
  if (line.length <= 74 && !/[\u0080-\uffff]/.test(line)) return line;
  let out = '';
  let used = 0;
  for (const char of line) {
    const size = octets(char.codePointAt(0) ?? 0);
    used += size;
    if (used > 74) {
      out += '\r\n ';
      used = size;
    }
    out += char;
  }
  return out;
}

/**
 * Folds every CRLF-separated line after 74 octets, never inside a UTF-8 character: the first
 * line holds 74 octets, each continuation a space and 74 more (as ical-generator does).
 */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}
