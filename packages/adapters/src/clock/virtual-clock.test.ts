import { realClock } from './clock';
import { createVirtualClock } from './virtual-clock';

describe('the virtual clock', () => {
  it('wakes sleepers in deadline order, each reading its own deadline', async () => {
    const clock = createVirtualClock('2026-03-01T09:00:00Z');
    const woke: string[] = [];
    const sleeper = (name: string, ms: number) => clock.sleep(ms).then(() => woke.push(`${name}@${clock.now()}`));
    const all = Promise.all([sleeper('c', 3_000), sleeper('a', 1_000), sleeper('b', 2_000), sleeper('late', 60_000)]);
    await clock.advanceTo('2026-03-01T09:00:02.500Z');
    expect(woke).toEqual(['a@2026-03-01T09:00:01Z', 'b@2026-03-01T09:00:02Z']);
    expect(clock.now()).toBe('2026-03-01T09:00:02.500Z');
    await clock.advanceBy(60_000);
    await all;
    expect(woke).toEqual(['a@2026-03-01T09:00:01Z', 'b@2026-03-01T09:00:02Z', 'c@2026-03-01T09:00:03Z', 'late@2026-03-01T09:01:00Z']);
  });

  it('lets a woken sleeper sleep again before time moves past its next deadline', async () => {
    const clock = createVirtualClock('2026-03-01T09:00:00Z');
    const ticks: string[] = [];
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        await clock.sleep(60_000);
        ticks.push(clock.now());
      }
    })();
    await clock.advanceTo('2026-03-01T09:03:30Z');
    expect(ticks).toEqual(['2026-03-01T09:01:00Z', '2026-03-01T09:02:00Z', '2026-03-01T09:03:00Z']);
    stop = true;
    await clock.advanceBy(60_000);
    await loop;
  });

  it('wakes a sleeper early when its signal aborts, without moving time', async () => {
    const clock = createVirtualClock('2026-03-01T09:00:00Z');
    const controller = new AbortController();
    const sleeping = clock.sleep(3_600_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(clock.now()).toBe('2026-03-01T09:00:00Z');
    await clock.sleep(1_000, controller.signal);
  });

  it('refuses to go back in time or to read a time without an offset', async () => {
    const clock = createVirtualClock('2026-03-01T09:00:00+01:00');
    expect(clock.now()).toBe('2026-03-01T08:00:00Z');
    await expect(clock.advanceTo('2026-03-01T07:00:00Z')).rejects.toThrow('virtual clock: cannot go back from 2026-03-01T08:00:00Z to 2026-03-01T07:00:00Z');
    expect(() => createVirtualClock('2026-03-01 09:00')).toThrow('virtual clock: "2026-03-01 09:00" is not an ISO 8601 instant with an offset');
  });
});

describe('the real clock', () => {
  it('reads UTC and sleeps, or wakes when aborted', async () => {
    expect(realClock.now()).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
    const before = Date.now();
    await realClock.sleep(20);
    expect(Date.now() - before).toBeGreaterThanOrEqual(19);
    const controller = new AbortController();
    const sleeping = realClock.sleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
  });
});
