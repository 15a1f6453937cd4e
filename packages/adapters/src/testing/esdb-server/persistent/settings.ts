import type { CreateReq, UpdateReq } from '@eventstore/db-client/generated/persistent_pb';
import type { StreamIdentifier } from '@eventstore/db-client/generated/shared_pb';
import { streamNameOf } from '../call';
import { expressionMatcher } from '../filter';
import type { EventLog, LogRecord } from '../log';

/** How a group hands its messages to its consumers. */
export type ConsumerStrategy = 'RoundRobin' | 'DispatchToSingle';

/** A group's settings, as Create and Update send them (the ones this server acts on, and the rest for GetInfo). */
export interface GroupSettings {
  /** How long a consumer has to ack a message before it goes to another (0: forever). */
  readonly messageTimeoutMs: number;
  /** Retries before a message is parked. */
  readonly maxRetryCount: number;
  /** Most consumers connected at once (0: no limit). */
  readonly maxSubscriberCount: number;
  readonly strategy: ConsumerStrategy;
  readonly checkpointAfterMs: number;
  readonly minCheckpointCount: number;
  readonly maxCheckpointCount: number;
  readonly liveBufferSize: number;
  readonly readBatchSize: number;
  readonly historyBufferSize: number;
  readonly resolveLinks: boolean;
  readonly extraStatistics: boolean;
}

/** What a group follows: $all (maybe filtered) or one stream, from a start point. */
export interface GroupSource {
  /** `$all` or the stream's name, as the server names the source in errors and GetInfo. */
  readonly eventSource: string;
  /** The records followed, re-read each time: a stream may appear after the group is created. */
  records(): readonly LogRecord[];
  matches(record: LogRecord): boolean;
  /** Index in `records()` of the first record the group delivers (inclusive, as on the real server). */
  readonly start: number;
  /** The start as GetInfo reports it: `C:x/P:y` for $all, a revision for a stream. */
  readonly startFrom: string;
}

/** A request the server refuses, with the gRPC status it answers. */
export class InvalidGroupRequest extends Error {}

type SettingsMessage = CreateReq.Settings | UpdateReq.Settings;

const TICKS_PER_MS = 10_000;
// The stream revision the clients send for "from the end" (2^64 - 1).
const END_REVISION = '18446744073709551615';

function strategyOf(settings: SettingsMessage): ConsumerStrategy {
  const named = 'getConsumerStrategy' in settings ? settings.getConsumerStrategy() : '';
  const name = named !== '' ? named : (['DispatchToSingle', 'RoundRobin', 'Pinned'][settings.getNamedConsumerStrategy()] ?? 'RoundRobin');
  if (name === 'RoundRobin' || name === 'DispatchToSingle') return name;
  throw new InvalidGroupRequest(`consumer strategy ${name}: the in-process server serves RoundRobin and DispatchToSingle only`);
}

/** Reads the settings of a Create or Update request. */
export function settingsOf(settings: SettingsMessage | undefined): GroupSettings {
  if (settings === undefined) throw new InvalidGroupRequest('the request has no settings');
  const messageTimeoutMs = settings.hasMessageTimeoutTicks() ? Number(BigInt(settings.getMessageTimeoutTicks())) / TICKS_PER_MS : settings.getMessageTimeoutMs();
  const checkpointAfterMs = settings.hasCheckpointAfterTicks() ? Number(BigInt(settings.getCheckpointAfterTicks())) / TICKS_PER_MS : settings.getCheckpointAfterMs();
  return {
    messageTimeoutMs,
    maxRetryCount: settings.getMaxRetryCount(),
    maxSubscriberCount: settings.getMaxSubscriberCount(),
    strategy: strategyOf(settings),
    checkpointAfterMs,
    minCheckpointCount: settings.getMinCheckpointCount(),
    maxCheckpointCount: settings.getMaxCheckpointCount(),
    liveBufferSize: settings.getLiveBufferSize(),
    readBatchSize: settings.getReadBatchSize(),
    historyBufferSize: settings.getHistoryBufferSize(),
    resolveLinks: settings.getResolveLinks(),
    extraStatistics: settings.getExtraStatistics(),
  };
}

function allSource(log: EventLog, all: CreateReq.AllOptions | UpdateReq.AllOptions): GroupSource {
  let matches: (record: LogRecord) => boolean = () => true;
  const filter = 'getFilter' in all ? all.getFilter() : undefined;
  if (filter?.hasEventType()) {
    const matcher = expressionMatcher(filter.getEventType()!);
    matches = (record) => matcher(record.type);
  } else if (filter?.hasStreamIdentifier()) {
    const matcher = expressionMatcher(filter.getStreamIdentifier()!);
    matches = (record) => matcher(record.streamName);
  }
  const records = (): readonly LogRecord[] => log.records;
  const position = all.getPosition();
  if (position) {
    const commit = position.getCommitPosition();
    return { eventSource: '$all', records, matches, start: log.indexOf(BigInt(commit), false), startFrom: `C:${commit}/P:${position.getPreparePosition()}` };
  }
  if (all.hasEnd()) return { eventSource: '$all', records, matches, start: log.records.length, startFrom: 'C:-1/P:-1' };
  return { eventSource: '$all', records, matches, start: 0, startFrom: 'C:0/P:0' };
}

/** `revision` is a revision, or `start` or `end`. */
function streamSource(log: EventLog, name: string, revision: string): GroupSource {
  if (name === '') throw new InvalidGroupRequest('the request names no stream');
  const records = (): readonly LogRecord[] => log.stream(name) ?? [];
  const matches = (): boolean => true;
  if (revision === 'end' || revision === END_REVISION) return { eventSource: name, records, matches, start: records().length, startFrom: '-1' };
  if (revision === 'start') return { eventSource: name, records, matches, start: 0, startFrom: '0' };
  return { eventSource: name, records, matches, start: Number(BigInt(revision)), startFrom: revision };
}

/**
 * Reads what a Create or Update request subscribes to. Clients name a stream either in the
 * current `stream` options or, as db-client 6 does, in the older `stream_identifier` with the
 * start revision in the settings.
 */
export function sourceOf(log: EventLog, options: CreateReq.Options | UpdateReq.Options): GroupSource {
  const all = options.getAll();
  if (all) return allSource(log, all);
  const stream = options.getStream();
  if (stream) {
    const revision = stream.hasRevision() ? stream.getRevision() : stream.hasEnd() ? 'end' : 'start';
    return streamSource(log, streamNameOf(stream.getStreamIdentifier()), revision);
  }
  if (options.hasStreamIdentifier()) return streamSource(log, streamNameOf(options.getStreamIdentifier()), options.getSettings()?.getRevision() || '0');
  throw new InvalidGroupRequest('the request names neither a stream nor $all');
}

/** The name a Read, Delete or GetInfo request gives the source: `$all` or the stream's name. */
export function eventSourceOf(options: { hasAll(): boolean; getStreamIdentifier(): StreamIdentifier | undefined }): string {
  return options.hasAll() ? '$all' : streamNameOf(options.getStreamIdentifier());
}
