import type { EventStore } from '../../store/port';

/** A meeting leased from the due index: look at it now, then give it back with `release`. */
export interface DueMeeting {
  readonly meetingId: string;
  /**
   * Every email of the meeting due before this time (epoch ms) was settled when the meeting was
   * last given back: a look only needs the emails due from here on.
   */
  readonly dueMs: number;
  /** Bumped whenever a new fact marks the meeting: a release may only settle what it saw. */
  readonly seq: number;
  /** The end of this lease (epoch ms): a release only counts while the lease is still this one. */
  readonly leaseUntilMs: number;
}

/** When a meeting given back needs its next look, and up to when its emails are settled (epoch ms). */
export interface NextLook {
  readonly atMs: number;
  /** At most `atMs`; the meeting's `dueMs` from then on. */
  readonly settledBeforeMs: number;
}

/** Keeps a running dispatcher told of new due work; `close` stops it. */
export interface DueWatch {
  /** Stops watching (and lets go of what the watch holds, such as a listening connection). */
  close(): Promise<void>;
}

/**
 * Which meetings may have an email due, and from when: one row per meeting with pending work,
 * nothing for a settled one. It is kept from the event log (each meeting fact marks its meeting
 * due at its `occurredAt`) and by the dispatchers, which fold a meeting when it falls due and
 * give it back with the time of its next email, retry or lease end. The index only says where
 * to look; what is due, and whether it was sent, is always read from the store.
 */
export interface DueIndex {
  /**
   * True when other processes share the index. A running dispatcher then leaves the folding of
   * new facts to its `watch` (one process at a time folds them) and polls the index for work that
   * other instances give back or leave behind.
   */
  readonly shared: boolean;
  /**
   * While a dispatcher runs: calls `onDue` whenever new work may have become due. In memory: on
   * every new meeting fact (the dispatcher's tick folds it). Shared: when facts were folded into
   * the index, by this process or another; of all the processes watching, one at a time (the
   * filler) follows the store and folds its new facts, and the others take over when it goes.
   */
  watch(store: EventStore, timeoutMs: number, onDue: () => void, onError: (error: unknown) => void): DueWatch;
  /**
   * Folds the meeting facts appended since the index's checkpoint, and moves the checkpoint in the
   * same step. When another process (or another call) is folding, waits for it, then folds what it
   * left: once this resolves, every meeting fact appended before the call is in the index.
   * Resolves to how many facts this call folded. Each page of the read must come within `timeoutMs`.
   */
  catchUp(store: EventStore, timeoutMs: number): Promise<number>;
  /**
   * Leases up to `limit` meetings due by `nowMs` to `owner` until `leaseUntilMs`, earliest first.
   * A meeting leased by anyone, until its lease ends, is skipped (never waited for).
   */
  take(owner: string, nowMs: number, leaseUntilMs: number, limit: number): Promise<DueMeeting[]>;
  /**
   * Gives a leased meeting back: to be looked at again at `next.atMs`, with every email due
   * before `next.settledBeforeMs` settled; or settled for good (`undefined`: its row goes). A
   * fact that marked it after it was taken keeps it due from that fact's time. A lease that ran
   * out and was taken by someone else is left to them.
   */
  release(owner: string, meeting: DueMeeting, next: NextLook | undefined): Promise<void>;
  /** When the first meeting becomes available (due, and no lease on it), epoch ms; undefined when none is pending. */
  nextDueMs(): Promise<number | undefined>;
  /** The global position of the last fact folded (0n: none). */
  position(): Promise<bigint>;
  /** How many meetings have pending work (for logs and tests). */
  size(): Promise<number>;
}
