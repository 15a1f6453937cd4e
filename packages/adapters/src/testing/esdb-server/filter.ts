import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { LogRecord } from './log';

/** Which records a read delivers, and how often a filtered read reports its progress. */
export interface RecordFilter {
  readonly matches: (record: LogRecord) => boolean;
  /** Records scanned between two checkpoint messages; undefined when the read is not filtered. */
  readonly checkpointEvery: number | undefined;
}

// The server's default search window when the client asks for `count` rather than `max`.
const DEFAULT_WINDOW = 32;

/** A filter expression as both Read and persistent-subscription requests carry it. */
export interface FilterExpression {
  getRegex(): string;
  getPrefixList(): string[];
}

/** Matches a value against a regex, or against prefixes when the expression has no regex. */
export function expressionMatcher(expression: FilterExpression): (value: string) => boolean {
  const regex = expression.getRegex();
  // The real server evaluates .NET regular expressions; the simple ones clients build
  // (anchors, alternations, character classes) mean the same in JavaScript.
  if (regex) {
    const compiled = new RegExp(regex);
    return (value) => compiled.test(value);
  }
  const prefixes = expression.getPrefixList();
  return (value) => prefixes.some((prefix) => value.startsWith(prefix));
}

/** Builds the filter a ReadReq asks for: by event type or by stream name, regex or prefixes. */
export function filterOf(options: ReadReq.Options): RecordFilter {
  const filter = options.getFilter();
  if (!filter) return { matches: () => true, checkpointEvery: undefined };
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_WINDOW;
  const checkpointEvery = Math.max(1, window * Math.max(1, filter.getCheckpointintervalmultiplier()));
  const byType = filter.getEventType();
  if (byType) {
    const matches = expressionMatcher(byType);
    return { matches: (record) => matches(record.type), checkpointEvery };
  }
  const byStream = filter.getStreamIdentifier();
  if (byStream) {
    const matches = expressionMatcher(byStream);
    return { matches: (record) => matches(record.streamName), checkpointEvery };
  }
  return { matches: () => true, checkpointEvery };
}
