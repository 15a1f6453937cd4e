import type { ReadAllOptions } from '../port';
import type { EventFilterLike, FromPositionLike, RecordedEventLike, ResolvedEventLike } from './client';
import type { StreamNames } from './names';

/** An event of $all the caller asked for, with its commit position and domain stream id. */
export interface Selected {
  readonly recorded: RecordedEventLike;
  readonly streamId: string;
  readonly position: bigint;
}

/** How to ask the server for part of $all, and how to check each event it sends. */
export interface Selection {
  readonly fromPosition: FromPositionLike;
  readonly filter: EventFilterLike;
  /** The event if the caller wants it, else undefined. */
  pick(resolved: ResolvedEventLike): Selected | undefined;
}

// Filters report a checkpoint every this many search windows; the adapter does not use them.
const CHECKPOINT_INTERVAL = 1;
// Event types starting with `$` are the server's own ($metadata, $>, $settings...).
const NOT_SYSTEM = '^[^$]';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function serverFilter(names: StreamNames, eventTypes: readonly string[] | undefined): EventFilterLike {
  // The server filters on one thing: the stream prefix when there is one (types are then checked here).
  if (names.prefix) return { filterOn: 'streamName', prefixes: [names.prefix], checkpointInterval: CHECKPOINT_INTERVAL };
  if (eventTypes === undefined) return { filterOn: 'eventType', regex: NOT_SYSTEM, checkpointInterval: CHECKPOINT_INTERVAL };
  const regex = `^(?:${eventTypes.map(escapeRegex).join('|')})$`;
  return { filterOn: 'eventType', regex, checkpointInterval: CHECKPOINT_INTERVAL };
}

// What servers before 22.6 put in the commit position of an event read from a stream: unknown.
const UNKNOWN_POSITION = 2n ** 64n - 1n;

/** The commit position of an event (servers write each appended event with a commit position of its own). */
export function commitPositionOf(resolved: ResolvedEventLike, recorded: RecordedEventLike): bigint {
  const position = resolved.commitPosition ?? recorded.position?.commit;
  if (position === undefined || position === UNKNOWN_POSITION) {
    throw new Error(`EventStoreDB sent ${recorded.streamId}@${recorded.revision} without a commit position; the adapter needs a server of version 22.6 or later`);
  }
  return position;
}

/**
 * Selects from $all what `options` ask for. The server filters first; every event is checked again
 * here because db-client 6 does not send filters on reads and a server's `from` position is
 * inclusive on reads but exclusive on subscriptions, while the port means "strictly after".
 */
export function selectionOf(names: StreamNames, options: ReadAllOptions): Selection {
  const { after, eventTypes } = options;
  const types = eventTypes === undefined ? undefined : new Set(eventTypes);
  return {
    fromPosition: after === undefined ? 'start' : { commit: after, prepare: after },
    filter: serverFilter(names, eventTypes),
    pick(resolved) {
      const recorded = resolved.event;
      if (recorded === undefined || recorded.type.startsWith('$') || recorded.streamId.startsWith('$')) return undefined;
      const streamId = names.fromServer(recorded.streamId);
      if (streamId === undefined || (types !== undefined && !types.has(recorded.type))) return undefined;
      const position = commitPositionOf(resolved, recorded);
      if (after !== undefined && position <= after) return undefined;
      return { recorded, streamId, position };
    },
  };
}
