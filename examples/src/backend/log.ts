/** One structured log record; `msg` says what happened, the rest are its facts. */
export interface LogEntry {
  readonly level?: 'debug' | 'info' | 'warn' | 'error';
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** Where log records go; the default writes one JSON line per record to stdout. */
export type Log = (entry: LogEntry) => void;

// BigInt positions and Error causes do not survive JSON.stringify on their own.
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** A logger writing one JSON object per line (with `time` and `level`) to a stream. */
export function jsonLines(write: (line: string) => void = (line) => process.stdout.write(line)): Log {
  return (entry) => {
    const record = { time: new Date().toISOString(), level: entry.level ?? 'info', ...entry };
    let line: string;
    try {
      line = JSON.stringify(record, replacer);
    } catch {
      line = JSON.stringify({ time: record.time, level: record.level, msg: record.msg, note: 'fields not serializable' });
    }
    write(`${line}\n`);
  };
}
