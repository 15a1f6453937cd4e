/** Why a history cannot be replayed: one line that names the record (or line) and what is wrong. */
export interface ReplayError {
  readonly type: 'ReplayError';
  /** The 0-based index of the record at fault, when there is one. */
  readonly index?: number;
  /** The 1-based line of an NDJSON history that does not parse. */
  readonly line?: number;
  /** One line, e.g. `record 3 (MeetingRescheduled): data.reason: must be a non-empty string`. */
  readonly message: string;
}

/** Flattens a multi-line explanation (several decode problems) into one line. */
export function oneLine(text: string): string {
  return text
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join('; ');
}

/** The error of record `index`, whose type is `type` (as written, when it is a string). */
export function recordError(index: number, type: unknown, detail: string): ReplayError {
  const name = typeof type === 'string' && type.trim() !== '' ? oneLine(type).slice(0, 80) : 'no type';
  return { type: 'ReplayError', index, message: `record ${index} (${name}): ${oneLine(detail)}` };
}

/** An error about the history as a whole or the options, not one record. */
export function replayError(detail: string, line?: number): ReplayError {
  return line === undefined ? { type: 'ReplayError', message: oneLine(detail) } : { type: 'ReplayError', line, message: oneLine(detail) };
}
