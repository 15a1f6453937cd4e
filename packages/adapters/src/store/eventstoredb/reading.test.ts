import { Interrupts } from './interrupts';
import { whileOpen } from './reading';

/** A read like db-client's: once cancelled, it ends only after what it buffered has been read. */
function grpcLikeRead(count: number) {
  const log: string[] = [];
  let cancelled = false;
  let next = 0;
  const reading = {
    async cancel() {
      cancelled = true;
      log.push('cancel');
    },
    [Symbol.asyncIterator]: () => ({
      async next(): Promise<IteratorResult<number>> {
        if (next < count) return { done: false, value: next++ };
        if (cancelled) log.push('ended');
        return { done: true, value: undefined };
      },
    }),
  };
  return { reading, log };
}

/** A read like kurrentdb-client's: an async generator, cleaned up by return(). */
function generatorRead(count: number) {
  const log: string[] = [];
  async function* read(): AsyncGenerator<number> {
    try {
      for (let i = 0; i < count; i++) yield i;
    } finally {
      log.push('returned');
    }
  }
  return { reading: read(), log };
}

async function firstTwo(source: AsyncIterable<number>): Promise<number[]> {
  const seen: number[] = [];
  for await (const n of source) {
    seen.push(n);
    if (seen.length === 2) break;
  }
  return seen;
}

describe('whileOpen', () => {
  it('cancels a db-client read the reader left early, then reads the rest away so it ends', async () => {
    const { reading, log } = grpcLikeRead(50);
    expect(await firstTwo(whileOpen(reading, new Interrupts()))).toEqual([0, 1]);
    expect(log).toEqual(['cancel', 'ended']);
  });

  it('returns a generator read the reader left early', async () => {
    const { reading, log } = generatorRead(50);
    expect(await firstTwo(whileOpen(reading, new Interrupts()))).toEqual([0, 1]);
    expect(log).toEqual(['returned']);
  });

  it('leaves a read that ended alone', async () => {
    const { reading, log } = grpcLikeRead(3);
    const all: number[] = [];
    for await (const n of whileOpen(reading, new Interrupts())) all.push(n);
    expect([all, log]).toEqual([[0, 1, 2], []]);
  });

  it('fails a read waiting for its next item once interrupted', async () => {
    const interrupts = new Interrupts();
    const never: AsyncIterable<number> = { [Symbol.asyncIterator]: () => ({ next: () => new Promise<IteratorResult<number>>(() => undefined) }) };
    const reading = (async () => {
      for await (const _ of whileOpen(never, interrupts)) void _;
    })();
    interrupts.interrupt();
    await expect(reading).rejects.toThrow('the EventStoreDB event store was closed during a read');
  });
});
