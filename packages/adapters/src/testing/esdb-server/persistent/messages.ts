import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { StreamIdentifier } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp, SubscriptionInfo } from '@eventstore/db-client/generated/persistent_pb';
import type { LogRecord } from '../log';
import { uuidToWire } from '../uuid';
import type { PersistentGroup } from './group';

/** One message of a group to a consumer, with its retry count. */
export function persistentEventMessage(record: LogRecord, retryCount: number, structuredUuids: boolean): ReadResp {
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
  const event = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(record.position.toString()).setRetryCount(retryCount);
  return new ReadResp().setEvent(event);
}

/** The first message of a Read: the server's id of the subscription, `<source>::<group>`. */
export function persistentConfirmation(subscriptionId: string): ReadResp {
  return new ReadResp().setSubscriptionConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));
}

/**
 * An error the clients turn into their typed errors: the server names the case in the
 * `exception` trailer, with the stream and group.
 */
export function groupError(code: status, exception: string, eventSource: string, groupName: string, details: string): ServiceError {
  const metadata = new Metadata();
  metadata.set('exception', exception);
  metadata.set('stream-name', eventSource);
  metadata.set('group-name', groupName);
  return Object.assign(new Error(details), { code, details, metadata });
}

/** A request the server refuses as malformed. */
export function invalidArgument(details: string): ServiceError {
  return Object.assign(new Error(details), { code: status.INVALID_ARGUMENT, details, metadata: new Metadata() });
}

/** A position as GetInfo writes it: `C:<commit>/P:<prepare>` for $all, the revision for a stream. */
function positionText(record: LogRecord | undefined, eventSource: string): string {
  if (record === undefined) return '';
  return eventSource === '$all' ? `C:${record.position}/P:${record.position}` : record.revision.toString();
}

/** GetInfo's answer about one group. */
export function subscriptionInfo(group: PersistentGroup): SubscriptionInfo {
  const { settings, source } = group;
  const stats = group.stats();
  const connections = stats.consumers.map(({ consumer, inFlight, delivered }) =>
    new SubscriptionInfo.ConnectionInfo()
      .setFrom(consumer.from)
      .setUsername('')
      .setConnectionName(consumer.connectionName)
      .setTotalItems(delivered.toString())
      .setCountSinceLastMeasurement('0')
      .setInFlightMessages(inFlight)
      .setAvailableSlots(Math.max(0, consumer.bufferSize - inFlight)),
  );
  return new SubscriptionInfo()
    .setEventSource(source.eventSource)
    .setGroupName(group.groupName)
    .setStatus('Live')
    .setConnectionsList(connections)
    .setTotalItems(stats.delivered.toString())
    .setCountSinceLastMeasurement('0')
    .setLastCheckpointedEventPosition(positionText(stats.checkpoint, source.eventSource))
    .setLastKnownEventPosition(positionText(stats.lastKnown, source.eventSource))
    .setResolveLinkTos(settings.resolveLinks)
    .setStartFrom(source.startFrom)
    .setMessageTimeoutMilliseconds(settings.messageTimeoutMs)
    .setExtraStatistics(settings.extraStatistics)
    .setMaxRetryCount(settings.maxRetryCount)
    .setLiveBufferSize(settings.liveBufferSize)
    .setBufferSize(settings.historyBufferSize)
    .setReadBatchSize(settings.readBatchSize)
    .setCheckPointAfterMilliseconds(settings.checkpointAfterMs)
    .setMinCheckPointCount(settings.minCheckpointCount)
    .setMaxCheckPointCount(settings.maxCheckpointCount)
    .setReadBufferCount(0)
    .setLiveBufferCount('0')
    .setRetryBufferCount(stats.retryBuffer)
    .setTotalInFlightMessages(stats.inFlight)
    .setOutstandingMessagesCount(stats.inFlight)
    .setNamedConsumerStrategy(settings.strategy)
    .setMaxSubscriberCount(settings.maxSubscriberCount)
    .setParkedMessageCount(stats.parked.toString());
}
