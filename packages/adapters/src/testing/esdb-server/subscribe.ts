import { randomUUID } from 'node:crypto';
import type { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { send, streamNameOf, whenCancelled, type ReadCall } from './call';
import { filterOf } from './filter';
import type { EventLog, LogRecord } from './log';
import { caughtUpMessage, checkpointMessage, confirmationMessage, encodedEvent } from './messages';

interface Source {
  /** The records followed, re-read each round: a stream may appear after the subscription starts. */
  readonly records: () => readonly LogRecord[];
  /** Index of the first record to deliver; the subscription's start is exclusive, as on the real server. */
  readonly start: number;
}

function sourceOf(log: EventLog, options: ReadReq.Options): Source {
  const stream = options.getStream();
  if (stream) {
    const name = streamNameOf(stream.getStreamIdentifier());
    const records = (): readonly LogRecord[] => log.stream(name) ?? [];
    if (stream.hasRevision()) return { records, start: Number(BigInt(stream.getRevision())) + 1 };
    return { records, start: stream.hasEnd() ? records().length : 0 };
  }
  const all = options.getAll();
  const position = all?.getPosition();
  const records = (): readonly LogRecord[] => log.records;
  if (position) return { records, start: log.indexOf(BigInt(position.getCommitPosition()), true) };
  return { records, start: all?.hasEnd() ? log.records.length : 0 };
}

/**
 * Serves a catch-up subscription: confirmation, every matching record from the start point,
 * caught-up, then live records as they are appended, until the client cancels.
 * Filtered subscriptions also send a checkpoint every `checkpointEvery` records scanned.
 */
export async function subscribe(call: ReadCall, log: EventLog, options: ReadReq.Options): Promise<void> {
  const structured = options.getUuidOption()?.hasStructured() ?? false;
  const { matches, checkpointEvery } = filterOf(options);
  const source = sourceOf(log, options);
  const cancelled = whenCancelled(call);
  if (!(await send(call, confirmationMessage(randomUUID())))) return;
  let index = source.start;
  let scanned = 0;
  let caughtUp = false;
  while (!call.cancelled && !log.isClosed) {
    // Taking `changed` before scanning means an append made while we send cannot be missed.
    const changed = log.changed();
    const records = source.records();
    while (index < records.length) {
      const record = records[index]!;
      index += 1;
      if (matches(record)) {
        log.eventsSent += 1;
        if (!(await send(call, encodedEvent(record, structured)))) return;
      }
      scanned += 1;
      if (checkpointEvery !== undefined && scanned >= checkpointEvery) {
        scanned = 0;
        if (!(await send(call, checkpointMessage(record.position)))) return;
      }
    }
    if (!caughtUp) {
      caughtUp = true;
      if (!(await send(call, caughtUpMessage()))) return;
    }
    await Promise.race([changed, cancelled]);
  }
}
