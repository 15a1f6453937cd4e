import { pino, type DestinationStream, type Logger } from 'pino';

/** The service's logger: pino, as Fastify uses it. */
export type { Logger } from 'pino';

/** One parsed log line, as tests and log shippers read it. */
export interface LogEntry {
  readonly level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  readonly msg: string;
  readonly time: string;
  readonly [field: string]: unknown;
}

/**
 * A pino logger writing one JSON object per line: `time` as an ISO instant and `level` as a word,
 * so the lines read the same in a terminal and in a log store. No pid or hostname: the
 * platform adds those. `error` fields are serialized with their stack.
 */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    serializers: { error: pino.stdSerializers.err },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
