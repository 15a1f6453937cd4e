import { fromMillis } from '@rendezvous/domain';

/**
 * A place in a time queue: "meeting M has emails due at T". One slot stands for all of that
 * meeting's emails with that due time (a booking's confirmations, a meeting's reminders), so
 * a queue holds a few entries per meeting instead of one per recipient.
 */
export class Slot {
  private iso: string | undefined;

  constructor(
    readonly dueMs: number,
    readonly meetingId: string,
  ) {}

  /** The due time as an instant, written once per slot (a virtual clock asks for it often). */
  get dueAt(): string {
    return (this.iso ??= fromMillis(this.dueMs));
  }
}

/**
 * The slots of meetings with emails in one state, earliest first, changed in place. The slots of
 * each due time sit in a small array, and the due times in a binary min-heap. A due time whose
 * last slot leaves stays in the heap until it reaches the top (a lazy delete), so removing a slot
 * costs the size of its due time's array, a handful at most.
 */
export class TimeQueue {
  private readonly slots = new Map<number, Slot[]>();
  private readonly heap: number[] = [];

  /** A slot with the earliest due time, if any. */
  first(): Slot | undefined {
    const { heap } = this;
    while (heap.length > 0) {
      const bucket = this.slots.get(heap[0] as number);
      if (bucket !== undefined) return bucket[0];
      this.pop();
    }
    return undefined;
  }

  /** Adds the slot of `meetingId` at `dueMs` (adding one it holds changes nothing). */
  add(meetingId: string, dueMs: number): void {
    const bucket = this.slots.get(dueMs);
    if (bucket === undefined) {
      this.slots.set(dueMs, [new Slot(dueMs, meetingId)]);
      this.push(dueMs);
    } else if (!bucket.some((slot) => slot.meetingId === meetingId)) {
      bucket.push(new Slot(dueMs, meetingId));
    }
  }

  /** Removes that slot (removing one it lacks changes nothing). */
  remove(meetingId: string, dueMs: number): void {
    const bucket = this.slots.get(dueMs);
    const index = bucket === undefined ? -1 : bucket.findIndex((slot) => slot.meetingId === meetingId);
    if (bucket === undefined || index < 0) return;
    if (bucket.length === 1) this.slots.delete(dueMs);
    else bucket.splice(index, 1);
  }

  /**
   * Visits every slot due at or before `lastMs`, earliest due time first; the cost is the number
   * visited. `visit` must not change the queue.
   */
  eachUntil(lastMs: number, visit: (slot: Slot) => void): void {
    if (this.first() === undefined || (this.heap[0] as number) > lastMs) return;
    // The heap's due times up to lastMs: a node later than lastMs has only later ones below it.
    const times: number[] = [];
    const pending = [0];
    for (let i = pending.pop(); i !== undefined; i = pending.pop()) {
      const dueMs = this.heap[i];
      if (dueMs === undefined || dueMs > lastMs) continue;
      if (this.slots.has(dueMs) && !times.includes(dueMs)) times.push(dueMs);
      pending.push(2 * i + 1, 2 * i + 2);
    }
    times.sort((a, b) => a - b);
    for (const dueMs of times) for (const slot of this.slots.get(dueMs) ?? []) visit(slot);
  }

  private push(dueMs: number): void {
    const { heap } = this;
    let i = heap.length;
    heap.push(dueMs);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as number;
      if (above <= dueMs) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = dueMs;
  }

  private pop(): void {
    const { heap } = this;
    const last = heap.pop() as number;
    if (heap.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && (heap[right] as number) < (heap[left] as number) ? right : left;
      if ((heap[child] as number) >= last) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = last;
  }
}
