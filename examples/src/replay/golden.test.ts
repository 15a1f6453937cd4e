import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import * as E from 'fp-ts/Either';
import { replay } from '@rendezvous/notifications';
import { goldenHistories } from './golden-files';

const root = resolve(__dirname, '../../..');
const histories = goldenHistories();
const byName = (name: string) => histories.find((h) => h.name === name)!;
const read = (path: string): string => readFileSync(path, 'utf8');

describe('golden histories', () => {
  it('cover every rule of docs/CONTRACT.md §2 from 1 to 12, 14 and 15, two long mixed histories and the invalid kinds', () => {
    for (const rule of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15]) {
      expect(histories.some((h) => h.name.startsWith(`rule-${String(rule).padStart(2, '0')}-`) && h.kind === 'emails')).toBe(true);
    }
    expect(histories.filter((h) => h.name.startsWith('mixed-') && h.kind === 'emails').length).toBeGreaterThanOrEqual(2);
    expect(histories.filter((h) => h.kind === 'error').length).toBeGreaterThanOrEqual(5);
    expect(histories.filter((h) => h.kind === 'missing').map((h) => h.name)).toEqual([]);
  });

  it.each(histories.filter((h) => h.kind === 'emails').map((h) => [h.name, h] as const))('%s replays to its expected emails', (_name, history) => {
    const result = replay(read(history.path));
    expect(E.isRight(result) ? JSON.parse(JSON.stringify(result.right)) : result.left.message).toEqual(JSON.parse(read(history.expectedPath)));
  });

  it.each(histories.filter((h) => h.name.startsWith('rule-14-')).map((h) => [h.name, h] as const))(
    '%s replays to the same emails with the records of each instant in reverse order (CONTRACT §2.14)',
    (_name, history) => {
      const records = JSON.parse(read(history.path)) as { occurredAt: string }[];
      const reversed = [...new Set(records.map((r) => r.occurredAt))].flatMap((at) => records.filter((r) => r.occurredAt === at).reverse());
      expect(reversed).not.toEqual(records);
      const result = replay(reversed);
      expect(E.isRight(result) ? JSON.parse(JSON.stringify(result.right)) : result.left.message).toEqual(JSON.parse(read(history.expectedPath)));
    },
  );

  it.each(histories.filter((h) => h.kind === 'error').map((h) => [h.name, h] as const))('%s is refused with its expected line', (_name, history) => {
    const result = replay(read(history.path));
    expect(E.isLeft(result) ? result.left.message : 'replayed without error').toBe(read(history.errorPath).trimEnd());
  });
});

describe('the replay command', () => {
  const run = (...args: string[]) => spawnSync('pnpm', ['--silent', 'replay', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('prints the emails of a valid history as a JSON array on stdout, nothing on stderr', () => {
    const history = byName('rule-12-ics-sequence');
    const result = run(relative(root, history.path));
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(read(history.expectedPath)));
  });

  it('exits 2 with exactly one line on stderr and nothing on stdout for an impossible history', () => {
    const history = byName('invalid-03-reschedule-after-cancel');
    const result = run(relative(root, history.path));
    expect([result.status, result.stdout, result.stderr]).toEqual([2, '', read(history.errorPath)]);
  });

  it('stops at --until and refuses a bad --until or a missing file with one line', () => {
    const history = relative(root, byName('rule-06-starts-soon').path);
    const until = run(history, '--until', '2026-03-02T11:15:00Z');
    expect(until.status).toBe(0);
    const emails = JSON.parse(until.stdout) as { sentAt: string; notification: string }[];
    expect(emails.map((e) => e.sentAt).at(-1)).toBe('2026-03-02T11:15:00Z');
    expect(emails.filter((e) => e.notification === 'meeting-starts-soon')).toHaveLength(2);

    const bad = run(history, '--until', 'tomorrow');
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([2, '', '--until: "tomorrow" is not an ISO 8601 instant with an offset (e.g. 2026-03-31T00:00:00Z)\n']);
    const missing = run('examples/histories/no-such-history.json');
    expect([missing.status, missing.stdout, missing.stderr]).toEqual([2, '', 'cannot read history file examples/histories/no-such-history.json: no such file\n']);
  });
});
