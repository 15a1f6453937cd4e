import { DispatcherId } from '@rendezvous/domain';
import type { PlanningOptions, Renderer } from '@rendezvous/notifications';
import type { Clock } from '../clock/clock';
import type { Mailer } from '../mail/port';
import type { EventStore } from '../store/port';
import type { CheckpointStore } from './checkpoints/port';
import type { DueIndex } from './due-index/port';
import type { DispatchLogEntry } from './report';
import type { RetryPolicy } from './retry-delay';
import type { Suppression } from './skip';

/** What a dispatcher is built from. */
export interface DispatcherOptions {
  readonly store: EventStore;
  readonly mailer: Mailer;
  readonly renderer: Renderer;
  readonly clock: Clock;
  /** The embedding application's timing (lead, minimum notice, review delay); the same as the replay's. */
  readonly planning?: Partial<PlanningOptions>;
  /** Unique per running instance (e.g. `<host>-<pid>`): claims and records carry it. */
  readonly dispatcherId: string;
  /**
   * How long a claim keeps other dispatchers off an email, and a meeting taken from the due index
   * off other instances, clock time (default 20 000 ms): a dead instance's emails go out again
   * about this long after its last claim, with the same Message-ID.
   */
  readonly leaseMs?: number;
  readonly retry?: Partial<RetryPolicy>;
  /**
   * Which meetings may have an email due (default: `createInMemoryDueIndex()`, rebuilt from the
   * store's meeting facts at start). Instances that share a `createPostgresDueIndex` share the work.
   */
  readonly dueIndex?: DueIndex;
  /** Where the checkpoint (for monitoring: the due index's position and the last tick) is kept (default: in this process's memory). */
  readonly checkpoints?: CheckpointStore;
  /** Privacy: a reason when this address must receive nothing (restricted, erased). */
  readonly isSuppressed?: Suppression;
  /** One structured entry per email sent, retried, failed or skipped, and a few about the dispatcher. */
  readonly log?: (entry: DispatchLogEntry) => void;
  /** Real-time limit of one send (default half the lease, at most 30 s): a mailer that hangs is a transient failure. */
  readonly sendTimeoutMs?: number;
  /** Real-time limit of one store call (default an eighth of the lease, at most 10 s). */
  readonly storeTimeoutMs?: number;
  /** Emails handled at once (default 4). */
  readonly concurrency?: number;
}

/** The options with every default filled in and checked. */
export interface DispatcherSettings {
  readonly leaseMs: number;
  readonly retry: RetryPolicy;
  readonly sendTimeoutMs: number;
  readonly storeTimeoutMs: number;
  readonly holdMs: number;
  readonly concurrency: number;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!Number.isFinite(chosen) || chosen <= 0) throw new RangeError(`createDispatcher: ${name} must be a positive number of ms, got ${String(value)}`);
  return chosen;
}

/** Fills in defaults; refuses settings under which a claim could run out while its send is still allowed to run. */
export function dispatcherSettings(options: DispatcherOptions): DispatcherSettings {
  if (!DispatcherId.is(options.dispatcherId)) {
    throw new TypeError(`createDispatcher: dispatcherId ${JSON.stringify(options.dispatcherId)} must be 1 to 200 visible ASCII characters (e.g. "web-1-4711")`);
  }
  const leaseMs = positive('leaseMs', options.leaseMs, 20_000);
  const sendTimeoutMs = positive('sendTimeoutMs', options.sendTimeoutMs, Math.min(30_000, Math.floor(leaseMs / 2)));
  const storeTimeoutMs = positive('storeTimeoutMs', options.storeTimeoutMs, Math.min(10_000, Math.floor(leaseMs / 8)));
  if (sendTimeoutMs + 2 * storeTimeoutMs >= leaseMs) {
    throw new RangeError(
      `createDispatcher: leaseMs (${leaseMs}) must exceed sendTimeoutMs + 2 × storeTimeoutMs (${sendTimeoutMs + 2 * storeTimeoutMs}): a claim must outlast the send and its record`,
    );
  }
  const maxAttempts = options.retry?.maxAttempts ?? 10;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 1000) {
    throw new RangeError(`createDispatcher: retry.maxAttempts must be a whole number from 1 to 1000, got ${String(maxAttempts)}`);
  }
  const concurrency = options.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new RangeError(`createDispatcher: concurrency must be a whole number from 1 to 256, got ${String(concurrency)}`);
  }
  return {
    leaseMs,
    retry: {
      maxAttempts,
      baseDelayMs: positive('retry.baseDelayMs', options.retry?.baseDelayMs, 10_000),
      maxDelayMs: positive('retry.maxDelayMs', options.retry?.maxDelayMs, 3_600_000),
      random: options.retry?.random ?? Math.random,
    },
    sendTimeoutMs,
    storeTimeoutMs,
    holdMs: Math.min(5_000, Math.max(1, Math.floor(leaseMs / 10))),
    concurrency,
  };
}
