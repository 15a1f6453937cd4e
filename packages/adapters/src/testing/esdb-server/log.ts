/** One event as the in-process server keeps it, shaped like an EventStoreDB log record. */
export interface LogRecord {
  readonly id: string;
  readonly streamName: string;
  readonly revision: bigint;
  /** Commit and prepare position are equal: the gRPC API has no multi-record transactions. */
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  /** .NET ticks (100 ns) since the Unix epoch, as the real server sends them. */
  readonly created: bigint;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

/** An event a client proposes to append. */
export type ProposedRecord = Pick<LogRecord, 'id' | 'type' | 'contentType' | 'data' | 'customMetadata'>;

/** What the writer expects of the stream, as the Append options say it. */
export type ExpectedRevision =
  | { readonly kind: 'any' }
  | { readonly kind: 'noStream' }
  | { readonly kind: 'streamExists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

/** The outcome of an append: `current` is the stream's last revision, undefined when it has none. */
export type AppendOutcome =
  | { readonly ok: true; readonly current: bigint | undefined; readonly position: bigint | undefined }
  | { readonly ok: false; readonly current: bigint | undefined };

// Positions mimic byte offsets in a transaction file: they start past a header and grow by each
// record's size, so clients meet gaps between positions exactly as with a real server.
const FIRST_POSITION = 4096n;
const RECORD_OVERHEAD = 96n;

function accepts(expected: ExpectedRevision, current: bigint | undefined): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'noStream':
      return current === undefined;
    case 'streamExists':
      return current !== undefined;
    case 'revision':
      return current === expected.revision;
  }
}

/** The server's whole state: every stream plus the global log ($all), in memory. */
export class EventLog {
  private readonly all: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  private nextPosition = FIRST_POSITION;
  private wakeUps: (() => void)[] = [];
  private closed = false;
  /** Events written to readers, counted by the read handlers. */
  eventsSent = 0;

  /** Every record in commit order. */
  get records(): readonly LogRecord[] {
    return this.all;
  }

  /** The records of one stream, or undefined when it has none. */
  stream(name: string): readonly LogRecord[] | undefined {
    return this.streams.get(name);
  }

  /** Appends atomically if the stream is as expected; wakes every waiting subscription. */
  append(streamName: string, expected: ExpectedRevision, proposed: readonly ProposedRecord[], now: Date): AppendOutcome {
    const existing = this.streams.get(streamName);
    const current = existing ? BigInt(existing.length - 1) : undefined;
    if (!accepts(expected, current)) return { ok: false, current };
    if (proposed.length === 0) return { ok: true, current, position: undefined };
    const records = existing ?? [];
    const created = BigInt(now.getTime()) * 10_000n;
    for (const event of proposed) {
      const record: LogRecord = { ...event, streamName, revision: BigInt(records.length), position: this.nextPosition, created };
      this.nextPosition += RECORD_OVERHEAD + BigInt(event.data.length + event.customMetadata.length + event.type.length);
      records.push(record);
      this.all.push(record);
    }
    this.streams.set(streamName, records);
    this.wake();
    const last = records[records.length - 1]!;
    return { ok: true, current: last.revision, position: last.position };
  }

  /** Index in `records` of the first record at or after `position` (or strictly after it). */
  indexOf(position: bigint, strictlyAfter: boolean): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const at = this.all[middle]!.position;
      if (at < position || (strictlyAfter && at === position)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Resolves at the next append, or at once when the log is closed. */
  changed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.wakeUps.push(resolve));
  }

  /** Whether the server is shutting down (subscriptions must stop waiting). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Stops the log: wakes every waiter for good. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    const wakeUps = this.wakeUps;
    this.wakeUps = [];
    for (const wakeUp of wakeUps) wakeUp();
  }
}
