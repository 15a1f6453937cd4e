import type { ReadingLike } from './client';
import { STOP, type Interrupts } from './interrupts';

type Reading<A> = AsyncIterable<A> & Pick<ReadingLike, 'cancel'>;

/** Stops a read the reader no longer wants, so that the server stops sending and dispose() can finish. */
async function release<A>(reading: Reading<A>, items: AsyncIterator<A>): Promise<void> {
  if (reading.cancel === undefined) {
    await items.return?.();
    return;
  }
  // db-client: grpc-js holds back the end of a cancelled call until the messages it buffered are
  // read, and dispose() waits for that end, so the rest is read away (a few dozen at most).
  await reading.cancel();
  try {
    while (!(await items.next()).done);
  } catch {
    // A cancelled read may end in an error; either way it has ended.
  }
}

/**
 * Iterates a client read until it ends, or the reader stops early, or the store closes: the read is
 * then cancelled on the server (leaving a for-await over db-client's read stream does not), and
 * the reader learns the store closed instead of waiting forever (db-client swallows the
 * cancellation dispose() causes, so its stream never ends).
 */
export async function* whileOpen<A>(reading: Reading<A>, interrupts: Interrupts): AsyncGenerator<A> {
  const items = reading[Symbol.asyncIterator]();
  let ended = false;
  try {
    for (;;) {
      let next: IteratorResult<A> | typeof STOP;
      try {
        next = await interrupts.next(items);
      } catch (error) {
        ended = true;
        throw error;
      }
      if (next === STOP) throw new Error('the EventStoreDB event store was closed during a read');
      if (next.done) {
        ended = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!ended) await release(reading, items);
  }
}
