import { status } from '@grpc/grpc-js';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { send, streamNameOf, type ReadCall } from './call';
import { filterOf } from './filter';
import type { EventLog, LogRecord } from './log';
import { encodedEvent, streamNotFoundMessage } from './messages';
import { subscribe } from './subscribe';

const NO_LIMIT = 2n ** 64n;

function streamStart(options: ReadReq.Options.StreamOptions, length: number, backwards: boolean): number {
  if (options.hasRevision()) {
    const revision = Number(BigInt(options.getRevision()));
    return backwards ? Math.min(revision, length - 1) : revision;
  }
  if (options.hasEnd()) return backwards ? length - 1 : length;
  return backwards ? -1 : 0;
}

function allStart(options: ReadReq.Options.AllOptions, log: EventLog, backwards: boolean): number {
  const position = options.getPosition();
  // Forwards reads include the event at the position; backwards reads give the events before it.
  if (position) return log.indexOf(BigInt(position.getCommitPosition()), false) - (backwards ? 1 : 0);
  if (options.hasEnd()) return backwards ? log.records.length - 1 : log.records.length;
  return backwards ? -1 : 0;
}

async function readOnce(call: ReadCall, log: EventLog, options: ReadReq.Options): Promise<void> {
  const structured = options.getUuidOption()?.hasStructured() ?? false;
  const backwards = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS;
  const limit = options.hasCount() ? BigInt(options.getCount()) : NO_LIMIT;
  const { matches } = filterOf(options);
  let records: readonly LogRecord[];
  let index: number;
  const streamOptions = options.getStream();
  if (streamOptions) {
    const name = streamNameOf(streamOptions.getStreamIdentifier());
    const stream = log.stream(name);
    if (!stream) {
      await send(call, streamNotFoundMessage(name));
      call.end();
      return;
    }
    records = stream;
    index = streamStart(streamOptions, stream.length, backwards);
  } else {
    records = log.records;
    index = allStart(options.getAll() ?? new ReadReq.Options.AllOptions(), log, backwards);
  }
  let sent = 0n;
  while (sent < limit && index >= 0 && index < records.length) {
    const record = records[index]!;
    index += backwards ? -1 : 1;
    if (!matches(record)) continue;
    log.eventsSent += 1;
    if (!(await send(call, encodedEvent(record, structured)))) return;
    sent += 1n;
  }
  call.end();
}

/** Serves Streams.Read: a bounded read of one stream or of $all, or a catch-up subscription. */
export function readHandler(log: EventLog): (call: ReadCall) => void {
  return (call) => {
    const options = call.request.getOptions();
    if (!options || (!options.hasStream() && !options.hasAll())) {
      call.destroy(Object.assign(new Error('Read needs options naming a stream or $all'), { code: status.INVALID_ARGUMENT }));
      return;
    }
    const served = options.hasSubscription() ? subscribe(call, log, options) : readOnce(call, log, options);
    served.catch((error: unknown) => call.destroy(error instanceof Error ? error : new Error(String(error))));
  };
}
