import { randomUUID } from 'node:crypto';
import { status, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import { streamNameOf } from './call';
import type { AppendOutcome, EventLog, ExpectedRevision, ProposedRecord } from './log';
import { uuidFromWire } from './uuid';

function expectedOf(options: AppendReq.Options): ExpectedRevision {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'noStream' };
  if (options.hasStreamExists()) return { kind: 'streamExists' };
  return { kind: 'any' };
}

function proposedOf(message: AppendReq.ProposedMessage): ProposedRecord {
  const metadata = message.getMetadataMap();
  return {
    id: uuidFromWire(message.getId()) ?? randomUUID(),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: Buffer.from(message.getData_asU8()),
    customMetadata: Buffer.from(message.getCustomMetadata_asU8()),
  };
}

function wrongExpectedVersion(expected: ExpectedRevision, current: bigint | undefined): AppendResp {
  const wrong = new AppendResp.WrongExpectedVersion();
  // Both the current fields and the 20.6.0 ones, as the real server sends them for older clients.
  if (current === undefined) wrong.setCurrentNoStream(new Empty()).setNoStream2060(new Empty());
  else wrong.setCurrentRevision(current.toString()).setCurrentRevision2060(Number(current));
  switch (expected.kind) {
    case 'revision':
      wrong.setExpectedRevision(expected.revision.toString()).setExpectedRevision2060(Number(expected.revision));
      break;
    case 'noStream':
      wrong.setExpectedNoStream(new Empty());
      break;
    case 'streamExists':
      wrong.setExpectedStreamExists(new Empty()).setStreamExists2060(new Empty());
      break;
    case 'any':
      wrong.setExpectedAny(new Empty()).setAny2060(new Empty());
      break;
  }
  return new AppendResp().setWrongExpectedVersion(wrong);
}

function responseOf(outcome: AppendOutcome, expected: ExpectedRevision): AppendResp {
  if (!outcome.ok) return wrongExpectedVersion(expected, outcome.current);
  const success = new AppendResp.Success();
  if (outcome.current === undefined) success.setNoStream(new Empty());
  else success.setCurrentRevision(outcome.current.toString());
  if (outcome.position === undefined) success.setNoPosition(new Empty());
  else success.setPosition(new AppendResp.Position().setCommitPosition(outcome.position.toString()).setPreparePosition(outcome.position.toString()));
  return new AppendResp().setSuccess(success);
}

/** An append a test asked the server to hold once it arrives, before it is written. */
export interface AppendHold {
  /** Called when the held append has arrived whole. */
  arrived(): void;
  /** Resolves when the append may be written. */
  readonly released: Promise<void>;
}

/** Serves Streams.Append: an options message, then the events; answers once the client ends. */
export function appendHandler(
  log: EventLog,
  holds: Map<string, AppendHold> = new Map(),
): (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => void {
  return (call, callback) => {
    let options: AppendReq.Options | undefined;
    let problem: string | undefined;
    const proposed: ProposedRecord[] = [];
    call.on('data', (request: AppendReq) => {
      const header = request.getOptions();
      const message = request.getProposedMessage();
      if (header) {
        if (options) problem = 'Append got its options twice';
        options = header;
      } else if (message) {
        if (!options) problem = 'Append got an event before its options';
        else proposed.push(proposedOf(message));
      }
    });
    call.on('end', () => {
      if (problem || !options) {
        callback({ code: status.INVALID_ARGUMENT, details: problem ?? 'Append got no options' });
        return;
      }
      const expected = expectedOf(options);
      const streamName = streamNameOf(options.getStreamIdentifier());
      const write = (): void => {
        const outcome = log.append(streamName, expected, proposed, new Date());
        callback(null, responseOf(outcome, expected));
      };
      const hold = holds.get(streamName);
      if (hold === undefined) return write();
      holds.delete(streamName);
      hold.arrived();
      void hold.released.then(write);
    });
  };
}
