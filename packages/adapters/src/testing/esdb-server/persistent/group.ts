import type { EventLog, LogRecord } from '../log';
import type { GroupSettings, GroupSource } from './settings';

/** One connected member of a group, as the group sees it. */
export interface Consumer {
  /** How many unacked messages it may hold (the Read request's buffer size). */
  readonly bufferSize: number;
  /** Writes one message to it. */
  deliver(record: LogRecord, retryCount: number): void;
  /** Ends its call with the error a dropped subscription gets. */
  drop(reason: string): void;
  /** For GetInfo. */
  readonly connectionName: string;
  readonly from: string;
}

/** What a consumer may say of a message it got. */
export type NackAction = 'park' | 'retry' | 'skip' | 'stop';

/** A message handed to a consumer and not yet acked. */
interface InFlight {
  readonly record: LogRecord;
  readonly index: number;
  readonly retryCount: number;
  readonly consumer: Consumer;
  readonly deadlineMs: number;
}

/** A message waiting to go (again) to a consumer. */
interface Waiting {
  readonly record: LogRecord;
  readonly index: number;
  readonly retryCount: number;
  /** The consumer it timed out or was nacked on: another one gets it first if one has room. */
  readonly previous?: Consumer;
}

/** Numbers for GetInfo. */
export interface GroupStats {
  readonly delivered: number;
  readonly parked: number;
  readonly inFlight: number;
  readonly retryBuffer: number;
  /** Position of the last record of the acked prefix (undefined: nothing checkpointed yet). */
  readonly checkpoint: LogRecord | undefined;
  readonly lastKnown: LogRecord | undefined;
  readonly consumers: readonly { consumer: Consumer; inFlight: number; delivered: number }[];
}

/**
 * A persistent subscription (consumer group) on the in-process server. The server, not the
 * consumers, keeps its place: it reads the source from its start, hands each matching record to
 * one consumer with room in its buffer (round robin, or always the first for DispatchToSingle),
 * and keeps it in flight until that consumer acks it. A message nacked with retry, not acked
 * within the message timeout, or held by a consumer that goes away is sent again, with its retry
 * count raised, preferably to another consumer; after `maxRetryCount` retries it is parked. The
 * checkpoint is the end of the prefix of records that are settled (acked, skipped or parked):
 * after an Update the group starts again from there, as the real server does from its last
 * written checkpoint. Live records are handed out as they are appended.
 */
export class PersistentGroup {
  private readonly consumers: Consumer[] = [];
  private readonly delivered = new Map<Consumer, number>();
  private readonly inFlight = new Map<string, InFlight>();
  private readonly waiting: Waiting[] = [];
  /** Indexes handed out (or waiting) and not settled: the checkpoint is just before the smallest. */
  private readonly unsettled = new Set<number>();
  private readIndex: number;
  private turn = 0;
  private parkedCount = 0;
  private deliveredCount = 0;
  private stopped = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly log: EventLog,
    readonly groupName: string,
    readonly source: GroupSource,
    readonly settings: GroupSettings,
  ) {
    this.readIndex = source.start;
    void this.followAppends();
    // Timeouts are looked at a few times per timeout (the real server ticks about once a second).
    const every = settings.messageTimeoutMs > 0 ? Math.max(10, Math.min(1_000, settings.messageTimeoutMs / 4)) : 1_000;
    this.timer = setInterval(() => this.expire(Date.now()), every);
    this.timer.unref();
  }

  /** Whether the group has its maximum of consumers. */
  isFull(): boolean {
    return this.settings.maxSubscriberCount > 0 && this.consumers.length >= this.settings.maxSubscriberCount;
  }

  /** Adds a consumer (check `isFull` first) and hands it what is waiting. */
  join(consumer: Consumer): void {
    this.consumers.push(consumer);
    this.delivered.set(consumer, 0);
    this.pump();
  }

  /** Removes a consumer; what it held unacked goes to the others. */
  leave(consumer: Consumer): void {
    const at = this.consumers.indexOf(consumer);
    if (at < 0) return;
    this.consumers.splice(at, 1);
    this.delivered.delete(consumer);
    for (const [id, message] of this.inFlight) if (message.consumer === consumer) this.retry(id, message);
    this.pump();
  }

  ack(consumer: Consumer, ids: readonly string[]): void {
    for (const id of ids) {
      const message = this.inFlight.get(id);
      // An ack for a message that timed out and went elsewhere is ignored: the other consumer owns it now.
      if (message === undefined || message.consumer !== consumer) continue;
      this.inFlight.delete(id);
      this.unsettled.delete(message.index);
    }
    this.pump();
  }

  nack(consumer: Consumer, ids: readonly string[], action: NackAction, reason: string): void {
    for (const id of ids) {
      const message = this.inFlight.get(id);
      if (message === undefined || message.consumer !== consumer) continue;
      if (action === 'retry' || action === 'stop') this.retry(id, message);
      else {
        this.inFlight.delete(id);
        this.unsettled.delete(message.index);
        if (action === 'park') this.parkedCount++;
      }
    }
    // Stop: the consumer asks to be stopped; what it held goes to the others.
    if (action === 'stop') {
      this.leave(consumer);
      consumer.drop(`the consumer stopped its subscription: ${reason}`);
    }
    this.pump();
  }

  /** Drops every consumer and stops following the log (Delete and Update). */
  stop(reason: string): void {
    this.stopped = true;
    clearInterval(this.timer);
    for (const consumer of this.consumers.splice(0)) consumer.drop(reason);
  }

  /** Index of the first record not known to be settled: where a restarted group starts. */
  resumeIndex(): number {
    let lowest = this.readIndex;
    for (const index of this.unsettled) lowest = Math.min(lowest, index);
    return lowest;
  }

  /** Carries the place of a group this one replaces (Update): it starts at the old checkpoint. */
  resumeFrom(index: number): void {
    this.readIndex = index;
  }

  stats(): GroupStats {
    const records = this.source.records();
    const resume = this.resumeIndex();
    let checkpoint: LogRecord | undefined;
    for (let i = Math.min(resume, records.length) - 1; i >= this.source.start && checkpoint === undefined; i--) {
      if (this.source.matches(records[i]!)) checkpoint = records[i];
    }
    const inFlightOf = (consumer: Consumer): number => [...this.inFlight.values()].filter((m) => m.consumer === consumer).length;
    return {
      delivered: this.deliveredCount,
      parked: this.parkedCount,
      inFlight: this.inFlight.size,
      retryBuffer: this.waiting.length,
      checkpoint,
      lastKnown: records[records.length - 1],
      consumers: this.consumers.map((consumer) => ({ consumer, inFlight: inFlightOf(consumer), delivered: this.delivered.get(consumer) ?? 0 })),
    };
  }

  private async followAppends(): Promise<void> {
    while (!this.stopped && !this.log.isClosed) {
      await this.log.changed();
      this.pump();
    }
  }

  private expire(nowMs: number): void {
    for (const [id, message] of this.inFlight) if (message.deadlineMs <= nowMs) this.retry(id, message);
    this.pump();
  }

  /** Takes a message back from its consumer to send again, or parks it when it has had its retries. */
  private retry(id: string, message: InFlight): void {
    this.inFlight.delete(id);
    const retryCount = message.retryCount + 1;
    if (retryCount > this.settings.maxRetryCount) {
      this.unsettled.delete(message.index);
      this.parkedCount++;
      return;
    }
    this.waiting.push({ record: message.record, index: message.index, retryCount, previous: message.consumer });
  }

  private inFlightCount(consumer: Consumer): number {
    let count = 0;
    for (const message of this.inFlight.values()) if (message.consumer === consumer) count++;
    return count;
  }

  /** The consumer that gets the next message, or undefined when none has room. */
  private pick(previous: Consumer | undefined): Consumer | undefined {
    const n = this.consumers.length;
    if (n === 0) return undefined;
    if (this.settings.strategy === 'DispatchToSingle') return this.consumers.find((c) => this.inFlightCount(c) < c.bufferSize);
    let fallback: Consumer | undefined;
    for (let step = 0; step < n; step++) {
      const consumer = this.consumers[(this.turn + step) % n]!;
      if (this.inFlightCount(consumer) >= consumer.bufferSize) continue;
      if (consumer === previous && n > 1) {
        fallback ??= consumer;
        continue;
      }
      this.turn = (this.turn + step + 1) % n;
      return consumer;
    }
    return fallback;
  }

  private nextFromSource(): Waiting | undefined {
    const records = this.source.records();
    while (this.readIndex < records.length) {
      const index = this.readIndex++;
      const record = records[index]!;
      if (this.source.matches(record)) return { record, index, retryCount: 0 };
    }
    return undefined;
  }

  /** Hands out messages while a consumer has room: retries first, then new records in order. */
  private pump(): void {
    if (this.stopped) return;
    for (;;) {
      const retried = this.waiting[0];
      const consumer = this.pick(retried?.previous);
      if (consumer === undefined) return;
      const next = retried !== undefined ? this.waiting.shift() : this.nextFromSource();
      if (next === undefined) return;
      this.unsettled.add(next.index);
      const deadlineMs = this.settings.messageTimeoutMs > 0 ? Date.now() + this.settings.messageTimeoutMs : Number.POSITIVE_INFINITY;
      this.inFlight.set(next.record.id, { record: next.record, index: next.index, retryCount: next.retryCount, consumer, deadlineMs });
      this.deliveredCount++;
      this.delivered.set(consumer, (this.delivered.get(consumer) ?? 0) + 1);
      consumer.deliver(next.record, next.retryCount);
    }
  }
}
