import { ReadResp } from '@eventstore/db-client/generated/streams_pb';

interface ProtoRoot {
  proto?: { event_store?: { client?: { streams?: { ReadResp?: typeof ReadResp } } } };
}

/**
 * The ReadResp classes that serialization will actually use.
 * google-protobuf's generated modules register their classes on one global `proto` namespace and
 * look nested message classes up there when serializing. @kurrent/kurrentdb-client registers the
 * same names with more fields (its CaughtUp and Checkpoint carry a timestamp), so in a process that
 * loads both clients the module loaded last wins, and a CaughtUp built from the other module's
 * class fails to serialize ("message.getTimestamp is not a function"). Building nested messages
 * from the live classes keeps message and writer from the same generation.
 */
export function liveReadResp(): typeof ReadResp {
  return (globalThis as ProtoRoot).proto?.event_store?.client?.streams?.ReadResp ?? ReadResp;
}
