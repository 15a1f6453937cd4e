import type { ReadingLike } from './client';
import { STOP, type Interrupts } from './interrupts';

/**
 * Iterates a client read until it ends, the reader stops early (the read is then cancelled on the
 * server: leaving a for-await over db-client's read stream does not), or the store closes (db-client
 * then swallows the cancellation and its stream never ends, so waiting on it would hang).
 */
export async function* whileOpen<A>(reading: AsyncIterable<A> & Pick<ReadingLike, 'cancel'>, interrupts: Interrupts): AsyncGenerator<A> {
  const items = reading[Symbol.asyncIterator]();
  let settled = false;
  try {
    for (;;) {
      const next = await interrupts.next(items);
      if (next === STOP) throw new Error('the EventStoreDB event store was closed during a read');
      if (next.done) {
        settled = true;
        return;
      }
      yield next.value;
    }
  } catch (error) {
    settled = true;
    throw error;
  } finally {
    if (!settled) {
      await items.return?.();
      await reading.cancel?.();
    }
  }
}
