import * as E from 'fp-ts/Either';
import { type ReplayError, replayError } from './errors';

// V8's JSON.parse messages change between Node versions ("... in JSON at position 94" on 20,
// "... (line 1 column 95)" added on 22). Keep the stable reason and compute the place ourselves,
// so the one error line is the same on every supported Node.
function problemIn(text: string, error: unknown): { place: string; reason: string } {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    .replace(/\s*\(line \d+ column \d+\)\s*$/, '')
    .replace(/\s+(?:in JSON )?at position \d+$/, '')
    // V8 quotes the whole input after the token; the token is what helps.
    .replace(/^Unexpected token (.+?), .* is not valid JSON$/s, 'unexpected $1')
    .trim();
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return { place: '', reason };
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return { place: `line ${line}, column ${column}`, reason };
}

/**
 * Reads a history file's text: a JSON array of records, or one record per line (NDJSON,
 * blank lines skipped). A line that does not parse is named by its 1-based number.
 */
export function parseHistory(text: string): E.Either<ReplayError, unknown[]> {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trimStart().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(body);
      return Array.isArray(parsed) ? E.right(parsed) : E.left(replayError('the history is not a JSON array of records'));
    } catch (error) {
      const { place, reason } = problemIn(body, error);
      return E.left(replayError(place === '' ? `the history is not valid JSON: ${reason}` : `${place}: not valid JSON: ${reason}`));
    }
  }
  const records: unknown[] = [];
  const lines = body.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch (error) {
      const { place, reason } = problemIn(line, error);
      const where = place.replace(/^line 1/, `line ${i + 1}`) || `line ${i + 1}`;
      return E.left(replayError(`${where}: not valid JSON: ${reason}`, i + 1));
    }
  }
  return E.right(records);
}
