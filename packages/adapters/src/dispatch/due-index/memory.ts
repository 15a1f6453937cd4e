import { Turns } from '../../commands/turns';
import type { EventStore } from '../../store/port';
import { withDeadline } from '../deadline';
import { dueMarkOf, meetingFactTypes } from './facts';
import { followFacts } from './follow';
import type { DueIndex, DueMeeting } from './port';

interface Row {
  /** Every email due before this was settled. */
  dueMs: number;
  /** When to look next (before any lease). */
  atMs: number;
  seq: number;
  owner: string | undefined;
  leaseUntilMs: number;
  /** Identifies the heap entry that is current for this row; older entries are skipped. */
  stamp: number;
}

interface Entry {
  readonly atMs: number;
  readonly meetingId: string;
  readonly stamp: number;
}

/** A binary min-heap of entries by time; entries go stale instead of being removed. */
class Heap {
  private readonly items: Entry[] = [];

  push(entry: Entry): void {
    const items = this.items;
    items.push(entry);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as Entry).atMs <= entry.atMs) break;
      items[i] = items[parent] as Entry;
      items[parent] = entry;
      i = parent;
    }
  }

  peek(): Entry | undefined {
    return this.items[0];
  }

  pop(): Entry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && (items[left] as Entry).atMs < (items[least] as Entry).atMs) least = left;
      if (right < items.length && (items[right] as Entry).atMs < (items[least] as Entry).atMs) least = right;
      if (least === i) break;
      const swap = items[i] as Entry;
      items[i] = items[least] as Entry;
      items[least] = swap;
      i = least;
    }
    return top;
  }

  get size(): number {
    return this.items.length;
  }
}

/**
 * The due index in this process's memory: the embedded default, for the in-memory store, the
 * EventStoreDB store and single-instance setups. It holds one small row per meeting with pending
 * work; after a restart it is rebuilt by reading the meeting facts (not the delivery records)
 * from the start of the store, and the dispatcher folds each meeting once to find where it stands.
 * Dispatchers of one process may share one.
 */
export function createInMemoryDueIndex(): DueIndex & {
  /** Entries in its time queue, for tests and benchmarks that check memory follows pending work. */
  heapEntries(): number;
} {
  const rows = new Map<string, Row>();
  const heap = new Heap();
  const turns = new Turns();
  let position = 0n;
  let stamps = 0;

  const schedule = (meetingId: string, row: Row): void => {
    row.stamp = ++stamps;
    heap.push({ atMs: Math.max(row.atMs, row.leaseUntilMs), meetingId, stamp: row.stamp });
  };
  const isCurrent = (entry: Entry): boolean => rows.get(entry.meetingId)?.stamp === entry.stamp;
  const mark = (meetingId: string, dueMs: number): void => {
    const row = rows.get(meetingId);
    if (row === undefined) {
      const created: Row = { dueMs, atMs: dueMs, seq: 1, owner: undefined, leaseUntilMs: Number.NEGATIVE_INFINITY, stamp: 0 };
      rows.set(meetingId, created);
      schedule(meetingId, created);
      return;
    }
    row.seq++;
    row.dueMs = Math.min(row.dueMs, dueMs);
    if (dueMs < row.atMs) {
      row.atMs = dueMs;
      schedule(meetingId, row);
    }
  };

  return {
    shared: false,

    // A wake-up per fact: the dispatcher's tick folds it.
    watch: (store, _timeoutMs, onDue, onError) => followFacts(store, async () => position, onDue, onError),

    catchUp(store: EventStore, timeoutMs: number): Promise<number> {
      return turns.run('catch-up', async () => {
        let count = 0;
        const iterator = store.readAll({ after: position, eventTypes: meetingFactTypes })[Symbol.asyncIterator]();
        try {
          for (;;) {
            const next = await withDeadline(iterator.next(), timeoutMs, 'reading the event store');
            if (next.done === true) return count;
            if (next.value.position <= position) continue;
            position = next.value.position;
            const marked = dueMarkOf(next.value);
            if (marked !== undefined) mark(marked.meetingId, marked.dueMs);
            count++;
          }
        } finally {
          // Not awaited: a store that hangs must not hang the caller on the way out.
          void iterator.return?.()?.catch(() => undefined);
        }
      });
    },

    async take(owner, nowMs, leaseUntilMs, limit) {
      const taken: DueMeeting[] = [];
      for (let top = heap.peek(); top !== undefined && taken.length < limit && top.atMs <= nowMs; top = heap.peek()) {
        heap.pop();
        if (!isCurrent(top)) continue;
        const row = rows.get(top.meetingId) as Row;
        row.owner = owner;
        row.leaseUntilMs = leaseUntilMs;
        schedule(top.meetingId, row);
        taken.push({ meetingId: top.meetingId, dueMs: row.dueMs, seq: row.seq, leaseUntilMs });
      }
      return taken;
    },

    async release(owner, meeting, next) {
      const row = rows.get(meeting.meetingId);
      if (row === undefined || row.owner !== owner || row.leaseUntilMs !== meeting.leaseUntilMs) return;
      const changed = row.seq !== meeting.seq;
      if (!changed && next === undefined) {
        rows.delete(meeting.meetingId);
        return;
      }
      row.owner = undefined;
      row.leaseUntilMs = Number.NEGATIVE_INFINITY;
      if (!changed && next !== undefined) {
        row.dueMs = next.settledBeforeMs;
        row.atMs = next.atMs;
      } else {
        // A fact came meanwhile: look again from its time, whatever this look found.
        if (next !== undefined) row.dueMs = Math.min(row.dueMs, next.settledBeforeMs);
        row.atMs = Math.min(row.dueMs, next?.atMs ?? row.dueMs);
      }
      schedule(meeting.meetingId, row);
    },

    async nextDueMs() {
      for (let top = heap.peek(); top !== undefined; top = heap.peek()) {
        if (isCurrent(top)) return top.atMs;
        heap.pop();
      }
      return undefined;
    },

    position: async () => position,
    size: async () => rows.size,
    heapEntries: () => heap.size,
  };
}
