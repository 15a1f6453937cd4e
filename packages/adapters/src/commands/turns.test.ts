import { Turns } from './turns';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('turns', () => {
  it('runs tasks of one key one at a time in arrival order, other keys alongside', async () => {
    const turns = new Turns();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([turns.run('a', task('a1')), turns.run('a', task('a2')), turns.run('b', task('b1'))]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    const at = (entry: string): number => log.indexOf(entry);
    // a2 waits for a1 to end; b1 does not wait for anything of a.
    expect(at('start a2')).toBeGreaterThan(at('end a1'));
    expect(at('start b1')).toBeLessThan(at('end a1'));
    expect(log.length).toBe(6);
  });

  it('lets the next task run after one fails, and forgets idle keys', async () => {
    const turns = new Turns();
    const failed = turns.run('a', async () => {
      throw new Error('boom');
    });
    const next = turns.run('a', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
    await tick();
    expect(turns.size).toBe(0);
  });
});
