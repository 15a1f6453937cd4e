import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { PersistentSubscriptionsService } from '@eventstore/db-client/generated/persistent_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import type { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { appendHandler, type AppendHold } from './append';
import { supportedMethodsHandler } from './features';
import { EventLog } from './log';
import { PersistentGroups } from './persistent/service';
import { readHandler } from './read';

/** A running in-process EventStoreDB stand-in. */
export interface InProcessEventStoreDb {
  /** Connection string for either client, e.g. `esdb://127.0.0.1:41234?tls=false`. */
  readonly url: string;
  /** How many events the server has written to readers so far: shows whether reads stream or buffer. */
  eventsSent(): number;
  /** Copies of the bytes held for every event, $-streams included: what a dump of the server would show. */
  storedBytes(): StoredBytes[];
  /**
   * Holds the next append to `streamName` once it has arrived, unwritten, until `release()`;
   * `arrived` resolves when it is there. For tests of readers against an append in flight.
   */
  holdNextAppend(streamName: string): { readonly arrived: Promise<void>; release(): void };
  /** Cancels every open call (subscriptions included) and frees the port. */
  stop(): Promise<void>;
}

/** One event's bytes at rest on the in-process server, as a client sent them. */
export interface StoredBytes {
  readonly streamName: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: Buffer;
  /** The event's custom metadata (the store's envelope). */
  readonly metadata: Buffer;
}

/** Options of the in-process server. */
export interface InProcessEventStoreDbOptions {
  /**
   * Writes a few `$`-typed events to `$`-streams at start, as a real server's $all holds
   * (default true), so that readers are tested against system events too.
   */
  readonly systemEvents?: boolean;
}

// Read answers may be bytes encoded earlier (see encodedEvent); everything else as generated.
const streamsService = {
  ...StreamsService,
  read: {
    ...StreamsService.read,
    responseSerialize: (message: ReadResp | Buffer): Buffer => (Buffer.isBuffer(message) ? message : StreamsService.read.responseSerialize(message)),
  },
};

function seedSystemEvents(log: EventLog): void {
  const system = (type: string, data: object) => ({
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from(JSON.stringify(data)),
    customMetadata: Buffer.alloc(0),
  });
  log.append('$settings', { kind: 'any' }, [system('$settings', { $userStreamAcl: {}, $systemStreamAcl: {} })], new Date());
  log.append('$$$scavenges', { kind: 'any' }, [system('$metadata', { $maxAge: 2592000 })], new Date());
}

/**
 * Starts a gRPC server on 127.0.0.1 (random port, no TLS) that speaks enough of EventStoreDB's
 * Streams and ServerFeatures services for `@eventstore/db-client` and `@kurrent/kurrentdb-client`:
 * appends with expected revisions, stream and $all reads, filtered catch-up subscriptions, and
 * persistent subscriptions (consumer groups) to $all and to streams.
 * Data lives in memory and is gone on stop().
 */
export async function startInProcessEventStoreDb(options: InProcessEventStoreDbOptions = {}): Promise<InProcessEventStoreDb> {
  const log = new EventLog();
  if (options.systemEvents !== false) seedSystemEvents(log);
  const holds = new Map<string, AppendHold>();
  const server = new Server();
  server.addService(streamsService, { read: readHandler(log), append: appendHandler(log, holds) });
  server.addService(ServerFeaturesService, { getSupportedMethods: supportedMethodsHandler() });
  const groups = new PersistentGroups(log);
  server.addService(PersistentSubscriptionsService, groups.handlers());
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  return {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    eventsSent: () => log.eventsSent,
    // Copies, so a test reading them cannot change what the server holds.
    storedBytes: () =>
      log.records.map((r) => ({
        streamName: r.streamName, revision: r.revision, type: r.type, data: Buffer.from(r.data), metadata: Buffer.from(r.customMetadata),
      })),
    holdNextAppend(streamName) {
      let arrived: () => void = () => undefined;
      let release: () => void = () => undefined;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      holds.set(streamName, { arrived, released: new Promise<void>((resolve) => (release = resolve)) });
      return { arrived: arrival, release };
    },
    async stop() {
      for (const hold of holds.values()) hold.arrived();
      holds.clear();
      groups.close();
      log.close();
      server.forceShutdown();
    },
  };
}
