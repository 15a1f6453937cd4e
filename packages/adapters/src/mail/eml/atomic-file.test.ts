import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-file';

describe('writeFileAtomically', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rendezvous-atomic-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('replaces the file and leaves no temp file behind', async () => {
    await writeFileAtomically(join(dir, 'a.txt'), 'one');
    await writeFileAtomically(join(dir, 'a.txt'), Buffer.from('two'));
    expect(await readFile(join(dir, 'a.txt'), 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['a.txt']);
  });

  it('removes its temp file when the rename fails', async () => {
    await mkdir(join(dir, 'taken'));
    await mkdir(join(dir, 'taken', 'inside'));
    await expect(writeFileAtomically(join(dir, 'taken'), 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['taken']);
  });
});
