import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/**
 * The demo's outbox: `./demo-outbox` under `cwd`, or `DEMO_OUTBOX`. It is not the backend's
 * `./outbox` (OUTBOX_DIR), because the demo empties its folder on every run.
 */
export function demoOutboxDir(env: NodeJS.ProcessEnv, cwd: string): string {
  const chosen = env['DEMO_OUTBOX']?.trim();
  return resolve(cwd, chosen === undefined || chosen === '' ? 'demo-outbox' : chosen);
}

// What the .eml folder mailer writes: <stem>.eml/.html/.json, index.html, and hidden temp files.
const outboxFile = /^(index\.html|[0-9TZ.]+-[0-9a-f]+\.(eml|html|json)|\..+\.tmp)$/;

/**
 * Empties the demo's outbox so each run shows only its own emails. It deletes only files the
 * outbox mailer writes: pointed at a folder holding anything else, it refuses rather than guess.
 */
export async function clearOutbox(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return;
    throw error;
  }
  const foreign = names.filter((name) => !outboxFile.test(name));
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ', ...' : '');
    throw new Error(`${dir} holds files the demo did not write (${shown}); point DEMO_OUTBOX at an empty or new folder`);
  }
  await Promise.all(names.map((name) => rm(join(dir, name), { force: true })));
}
