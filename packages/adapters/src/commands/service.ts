import * as E from 'fp-ts/Either';
import type { Decider, DomainEvent } from '@rendezvous/domain';
import { VersionConflictError } from '../store/errors';
import type { EventStore } from '../store/port';
import { retryDelay, type Backoff } from './backoff';
import type { CommandResult } from './result';
import { Turns } from './turns';

/** Options of the command service; `random` and `sleep` make retries deterministic in tests. */
export interface CommandServiceOptions {
  /** Attempts per command when other writers keep winning (default 5). */
  readonly maxAttempts?: number;
  /** Delay before the first retry, doubled for each further one (default 5 ms). */
  readonly baseDelayMs?: number;
  /** Largest delay between attempts (default 200 ms). */
  readonly maxDelayMs?: number;
  /** A number in [0, 1) for the jitter (default Math.random). */
  readonly random?: () => number;
  /** Waits between attempts (default setTimeout). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Per-command options. */
export interface HandleOptions {
  /**
   * The version the caller last saw (HTTP If-Match; -1 for "no stream yet"). When given, a stream
   * at another version is reported as a conflict, never retried: the caller decided on old facts.
   */
  readonly expectedVersion?: number;
}

/**
 * Runs commands against event streams: load, decide, append, retry on a lost race. Commands for
 * the same stream take turns within one service; other processes are handled by the retries.
 */
export interface CommandService {
  /** Handles one command on one stream with any decider whose events belong to the catalogue. */
  handle<Command, Event extends DomainEvent, State, Error>(
    streamId: string,
    decider: Decider<Command, Event, State, Error>,
    command: Command,
    options?: HandleOptions,
  ): Promise<CommandResult<Event, Error>>;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function load<Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<unknown, Event, State, unknown>, 'evolve' | 'initial'>,
): Promise<{ state: State; version: number }> {
  let state = decider.initial;
  let version = -1;
  // A stream holds the events of the decider it belongs to: its name says which.
  for await (const stored of store.readStream(streamId)) {
    state = decider.evolve(state, stored.event as Event);
    version = stored.version;
  }
  return { state, version };
}

/** Creates the command service over a store. */
export function createCommandService(store: EventStore, options: CommandServiceOptions = {}): CommandService {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const backoff: Backoff = {
    baseDelayMs: options.baseDelayMs ?? 5,
    maxDelayMs: options.maxDelayMs ?? 200,
    random: options.random ?? Math.random,
  };
  const sleep = options.sleep ?? wait;
  const turns = new Turns();

  const decideAndAppend = async <Command, Event extends DomainEvent, State, Error>(
    streamId: string,
    decider: Decider<Command, Event, State, Error>,
    command: Command,
    expectedVersion: number | undefined,
  ): Promise<CommandResult<Event, Error>> => {
    for (let tries = 1; ; tries++) {
      const { state, version } = await load(store, streamId, decider);
      if (expectedVersion !== undefined && expectedVersion !== version) {
        return { kind: 'conflict', expected: expectedVersion, actual: version };
      }
      const decision = decider.decide(command, state);
      if (E.isLeft(decision)) return { kind: 'rejected', error: decision.left };
      const events = decision.right;
      if (events.length === 0) return { kind: 'accepted', events, version };
      try {
        const appended = await store.append(streamId, events, version < 0 ? { kind: 'noStream' } : { kind: 'exact', version });
        return { kind: 'accepted', events, version: appended.nextVersion };
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
        if (expectedVersion !== undefined || tries >= maxAttempts) {
          return { kind: 'conflict', expected: version, actual: error.actual };
        }
        // Someone else wrote first: wait a little, then decide again on the fresh state.
        await sleep(retryDelay(backoff, tries));
      }
    }
  };

  return {
    handle(streamId, decider, command, handleOptions = {}) {
      return turns.run(streamId, () => decideAndAppend(streamId, decider, command, handleOptions.expectedVersion));
    },
  };
}
