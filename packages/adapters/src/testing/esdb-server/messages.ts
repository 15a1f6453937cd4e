import { StreamIdentifier } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { liveReadResp } from './generated';
import type { LogRecord } from './log';
import { uuidToWire } from './uuid';

/** The ReadResp carrying one event, with the metadata keys the clients look for. */
function eventMessage(record: LogRecord, structuredUuids: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidToWire(record.id, structuredUuids))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(record.streamName, 'utf8')))
    .setStreamRevision(record.revision.toString())
    .setCommitPosition(record.position.toString())
    .setPreparePosition(record.position.toString())
    .setData(record.data)
    .setCustomMetadata(record.customMetadata);
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', record.contentType);
  metadata.set('created', record.created.toString());
  const event = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(record.position.toString());
  return new ReadResp().setEvent(event);
}

// Records never change, so each is encoded once per UUID form however often it is read:
// encoding was a good part of the cost of every catch-up in the tests.
const encodedEvents = new WeakMap<LogRecord, { string?: Buffer; structured?: Buffer }>();

/** The encoded ReadResp carrying one event. */
export function encodedEvent(record: LogRecord, structuredUuids: boolean): Buffer {
  let forms = encodedEvents.get(record);
  if (!forms) encodedEvents.set(record, (forms = {}));
  const form = structuredUuids ? 'structured' : 'string';
  return (forms[form] ??= Buffer.from(eventMessage(record, structuredUuids).serializeBinary()));
}

/** The first message of every subscription. */
export function confirmationMessage(subscriptionId: string): ReadResp {
  return new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));
}

/** A filtered read's progress marker, so a client can checkpoint past events the filter skipped. */
export function checkpointMessage(position: bigint): ReadResp {
  const checkpoint = new (liveReadResp().Checkpoint)().setCommitPosition(position.toString()).setPreparePosition(position.toString());
  return new ReadResp().setCheckpoint(checkpoint);
}

/** Sent once a subscription has delivered everything that existed and goes live. */
export function caughtUpMessage(): ReadResp {
  return new ReadResp().setCaughtUp(new (liveReadResp().CaughtUp)());
}

/** The answer to reading a stream that has no events. */
export function streamNotFoundMessage(streamName: string): ReadResp {
  const identifier = new StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));
  return new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(identifier));
}
