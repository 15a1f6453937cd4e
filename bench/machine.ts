import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { databaseUrl } from './postgres/connection';

/** Where and on what the numbers were taken. */
export interface Machine {
  readonly date: string;
  readonly cpus: string;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly postgres: string;
  readonly commit: string;
  readonly versions: Readonly<Record<string, string>>;
  /** 1, 5 and 15 minute load averages when the run started. */
  readonly loadAtStart: readonly number[];
}

const root = dirname(__dirname);

// Some packages do not export their package.json: find it above their entry point instead.
function versionOf(name: string, from: string): string {
  try {
    let dir = dirname(require.resolve(name, { paths: [join(root, from)] }));
    for (;;) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (manifest.name === name && manifest.version !== undefined) return manifest.version;
      }
      const parent = dirname(dir);
      if (parent === dir) return '?';
      dir = parent;
    }
  } catch {
    return '?';
  }
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'packages'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} (with uncommitted changes in packages/)` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

async function postgresVersion(): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    const settings = await client.query<{ name: string; setting: string }>(
      "SELECT name, current_setting(name) AS setting FROM unnest(ARRAY['fsync', 'synchronous_commit', 'shared_buffers']) AS name",
    );
    return `${rows[0]?.server_version ?? '?'} (${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')})`;
  } catch (error) {
    return `unreachable at ${databaseUrl}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Describes this machine, the versions in use and its load right now. */
export async function describeMachine(): Promise<Machine> {
  const list = cpus();
  return {
    date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    cpus: `${list.length} × ${list[0]?.model.trim() ?? 'unknown CPU'}`,
    memoryGb: totalmem() / 1024 ** 3,
    os: `${type()} ${release()}`,
    node: process.version,
    postgres: await postgresVersion(),
    commit: gitCommit(),
    versions: {
      typescript: versionOf('typescript', '.'),
      tsx: versionOf('tsx', '.'),
      pg: versionOf('pg', 'packages/adapters'),
      'io-ts': versionOf('io-ts', 'packages/domain'),
      'fp-ts': versionOf('fp-ts', 'packages/domain'),
      luxon: versionOf('luxon', 'packages/notifications'),
      eta: versionOf('eta', 'packages/notifications'),
      'ical-generator': versionOf('ical-generator', 'packages/notifications'),
    },
    loadAtStart: loadavg(),
  };
}
