import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { call, eventually, scheduleBody } from './testing/fixture';

// The entry point as `pnpm backend` runs it (tsx main.ts): configured by the environment, PORT=0
// prints the bound port, one JSON log line per request, and SIGTERM drains and exits 0.

const root = resolve(__dirname, '../../..');

it('starts from the environment on a random port, serves, and stops cleanly on SIGTERM', async () => {
  const outbox = await mkdtemp(join(tmpdir(), 'rendezvous-main-'));
  const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(__dirname, 'main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', OUTBOX_DIR: outbox, LINK_SECRET: 'a-link-secret-for-the-entry-point-test', DATABASE_URL: '', EVENTSTORE_URL: '', SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  try {
    const lines = () => stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
    const listening = await eventually('the listening line', async () => lines().find((line) => line['msg'] === 'listening'), 30_000);
    expect(listening['port']).toEqual(expect.any(Number));
    const url = String(listening['url']);
    expect(url).toBe(`http://127.0.0.1:${String(listening['port'])}`);

    expect((await call(url, 'POST', '/meetings', { json: scheduleBody({ meetingId: 'm-main' }) })).status).toBe(201);
    await eventually('two .eml files', async () => ((await readdir(outbox)).filter((name) => name.endsWith('.eml')).length === 2 ? true : undefined));

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const messages = lines().map((line) => line['msg']);
    expect(messages).toEqual(expect.arrayContaining(['listening', 'request', 'email sent', 'SIGTERM received: finishing requests and sends in flight', 'stopped']));
    expect(lines().find((line) => line['msg'] === 'request')).toMatchObject({ level: 'info', method: 'POST', path: '/meetings', status: 201, ms: expect.any(Number), time: expect.any(String) });
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(outbox, { recursive: true, force: true });
  }
}, 40_000);
