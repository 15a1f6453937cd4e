// The packages as a user gets them: packed, installed with npm into an app outside the workspace,
// and used from that app's own TypeScript, Node and test runner. Nothing here reads src/.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { startSmtpCaptureServer } from '@rendezvous/adapters/test-servers';

const root = resolve(__dirname, '../..');
const packages = ['domain', 'notifications', 'adapters'] as const;
const entryPoints = [
  '@rendezvous/domain',
  '@rendezvous/domain/testing',
  '@rendezvous/notifications',
  '@rendezvous/adapters',
  '@rendezvous/adapters/postgres',
  '@rendezvous/adapters/eventstoredb',
  '@rendezvous/adapters/smtp',
  '@rendezvous/adapters/eml',
  '@rendezvous/adapters/testing',
];
// What the app installs beside our packages: the drivers its README program uses, and its compiler.
const appTools = ['pg@8.23.1', '@types/pg@8.23.1', 'nodemailer@10.6.0', '@types/nodemailer@8.0.2', 'typescript@5.9.3', '@types/node@20.19.43'];
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

// pnpm run sets NODE_PATH to the workspace's packages and npm_config_* to its settings: the app
// must see neither, or it would find drivers it never installed.
const outsideEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_PATH' && !/^(npm|pnpm)_/i.test(key)));

/** Runs a program to its end without blocking this process (the SMTP capture server lives here). */
function run(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((done) => {
    execFile(file, args, { cwd, env: { ...outsideEnv, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 240_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      done({ code, stdout, stderr });
    });
  });
}

async function mustRun(file: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const ran = await run(file, args, cwd, env);
  if (ran.code !== 0) throw new Error(`${file} ${args.join(' ')} (in ${cwd}) exited ${ran.code}:\n${ran.stdout}\n${ran.stderr}`);
  return ran.stdout;
}

/** The bytes of every file under a folder. */
function bytesUnder(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sum + bytesUnder(path);
    return entry.isFile() ? sum + statSync(path).size : sum;
  }, 0);
}

/** The README's embedding program: the first ```ts block of its "Embedding it" section. */
function readmeProgram(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Embedding it'));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  if (block?.[1] === undefined) throw new Error('README.md has no ```ts block under "## Embedding it"');
  return block[1];
}

const npm = (app: string, args: readonly string[]) => mustRun('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...args], app);
const node = (app: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) => run(process.execPath, args, app, env);

let work: string;
let app: string;
let tarballs: Record<(typeof packages)[number], string>;
let missingDrivers: Ran[];
let coreInstallBytes: number;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'rendezvous-consumer-'));
  app = join(work, 'app');
  cpSync(join(__dirname, 'app'), app, { recursive: true });
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, version: '1.0.0' }));
  // pnpm pack runs each package's prepack (the build) and writes the versions over workspace:*.
  const packed: Partial<Record<(typeof packages)[number], string>> = {};
  for (const name of packages) {
    await mustRun('pnpm', ['pack', '--pack-destination', work], join(root, 'packages', name));
    packed[name] = join(work, `rendezvous-${name}-0.1.0.tgz`);
  }
  tarballs = packed as Record<(typeof packages)[number], string>;
  // First our packages alone: what a user who installs no driver gets.
  await npm(app, Object.values(tarballs));
  missingDrivers = await Promise.all(
    ['@rendezvous/adapters/postgres', '@rendezvous/adapters/smtp'].map((entry) => node(app, ['--input-type=module', '-e', `await import('${entry}')`])),
  );
  coreInstallBytes = bytesUnder(join(app, 'node_modules')) - bytesUnder(join(app, 'node_modules', '@rendezvous', 'adapters'));
  await npm(app, appTools);
}, 600_000);

afterAll(() => {
  if (work === undefined) return;
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(
    `packed: ${packages.map((name) => `${name} ${kib(statSync(tarballs[name]).size)}`).join(', ')}; ` +
      `installed, domain + notifications only: ${(coreInstallBytes / 1024 / 1024).toFixed(1)} MiB`,
  );
  if (process.env.KEEP_CONSUMER === undefined) rmSync(work, { recursive: true, force: true });
});

describe('the packages installed into an app outside the workspace', () => {
  it('ship their build, docs, licence and package.json, and no sources or tests', async () => {
    for (const name of packages) {
      const files = (await mustRun('tar', ['-tzf', tarballs[name]], work)).trim().split('\n');
      expect(files.filter((f) => !/^package\/(dist\/[^/]+\.(m?js|d\.m?ts)|[A-Z]+\.md|LICENSE|package\.json)$/.test(f))).toEqual([]);
      expect(files).toContain('package/dist/index.mjs');
      // npm packs a package's own LICENSE only: each package keeps a copy of the repository's.
      expect(files).toContain('package/LICENSE');
      expect(readFileSync(join(root, 'packages', name, 'LICENSE'), 'utf8')).toBe(readFileSync(join(root, 'LICENSE'), 'utf8'));
    }
  });

  it('pass publint --strict and arethetypeswrong', async () => {
    const bin = (name: string) => join(root, 'node_modules', '.bin', name);
    for (const name of packages) {
      const publint = await run(bin('publint'), ['run', tarballs[name], '--strict'], work);
      expect([publint.code, publint.stdout]).toEqual([0, expect.stringContaining('All good!')]);
      const attw = await run(bin('attw'), [tarballs[name]], work);
      expect([attw.code, attw.stdout]).toEqual([0, expect.stringContaining('No problems found')]);
    }
  }, 120_000);

  it('name the driver to install when an entry point needs one that is missing', () => {
    expect(missingDrivers.map((r) => [r.code, /Error: (.*)/.exec(r.stderr)?.[1]])).toEqual([
      [1, '@rendezvous/adapters/postgres needs the package "pg", which is not installed: run npm install pg'],
      [1, '@rendezvous/adapters/smtp (or /eml) needs the package "nodemailer", which is not installed: run npm install nodemailer'],
    ]);
  });

  it('give every export of every entry point to named imports from .mjs and .cjs alike', async () => {
    const names: Record<string, string[]> = JSON.parse(
      await mustRun(process.execPath, ['-e', `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(entryPoints)}.map((e) => [e, Object.keys(require(e))]))))`], app),
    );
    for (const entry of entryPoints) expect([entry, names[entry]!.length > 0]).toEqual([entry, true]);
    const bindings = (entry: string, i: number) => names[entry]!.map((n) => `${n} as e${i}_${n}`).join(', ');
    const check = `const missing = Object.entries(all).filter(([, v]) => v === undefined).map(([k]) => k);\nif (missing.length > 0) throw new Error('undefined: ' + missing.join(', '));\nconsole.log(Object.keys(all).length);\n`;
    const all = `const all = { ${entryPoints.flatMap((e, i) => names[e]!.map((n) => `e${i}_${n}`)).join(', ')} };\n`;
    writeFileSync(join(app, 'named.mjs'), entryPoints.map((e, i) => `import { ${bindings(e, i)} } from '${e}';\n`).join('') + all + check);
    writeFileSync(
      join(app, 'named.cjs'),
      entryPoints.map((e, i) => `const { ${names[e]!.map((n) => `${n}: e${i}_${n}`).join(', ')} } = require('${e}');\n`).join('') + all + check,
    );
    const total = entryPoints.reduce((sum, e) => sum + names[e]!.length, 0);
    expect((await mustRun(process.execPath, ['named.mjs'], app)).trim()).toBe(String(total));
    expect((await mustRun(process.execPath, ['named.cjs'], app)).trim()).toBe(String(total));
  }, 60_000);

  describe("the README's embedding program", () => {
    let smtp: Awaited<ReturnType<typeof startSmtpCaptureServer>>;
    const pool = new Pool({ connectionString: databaseUrl, max: 1 });
    const schemas: string[] = [];
    beforeAll(async () => {
      smtp = await startSmtpCaptureServer();
      writeFileSync(join(app, 'embed.mts'), readmeProgram());
    });
    afterAll(async () => {
      await smtp.close();
      for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await pool.end();
    });

    it.each([
      ['strict, moduleResolution node16', 'strict'],
      ['not strict, moduleResolution bundler', 'loose'],
    ])('compiles with the app\'s own tsc (%s) and runs with node against PostgreSQL', async (_setting, name) => {
      await mustRun(process.execPath, [join(app, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', `tsconfig.${name}.json`], app);
      const schema = `consumer_${name}_${process.pid}_${Date.now()}`;
      schemas.push(schema);
      const before = smtp.messages().length;
      const ran = await node(app, [`out-${name}/embed.mjs`], { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, RENDEZVOUS_SCHEMA: schema });
      expect([ran.code, ran.stderr]).toEqual([0, '']);
      const lines = ran.stdout.trim().split('\n');
      expect(lines[0]).toBe('scheduled: accepted, rescheduled: accepted');
      const sent = lines.filter((l) => l.startsWith('sent ')).map((l) => l.replace(/:.*/, '').split(/\s+/).slice(1).join(' '));
      // The whole output rides along, so a failure shows what the program printed instead.
      expect({ sent: sent.sort(), stdout: ran.stdout }).toEqual({
        sent: [
          'meeting-rescheduled to guest tom@example.com',
          'meeting-rescheduled to user hanna@acme.example',
          'meeting-scheduled to guest tom@example.com',
          'meeting-scheduled to user hanna@acme.example',
        ],
        stdout: expect.any(String),
      });
      expect(lines.filter((l) => l.startsWith('planned ')).length).toBe(2);
      expect(smtp.messages().slice(before).map((m) => m.rcptTo.join()).sort()).toEqual(['hanna@acme.example', 'hanna@acme.example', 'tom@example.com', 'tom@example.com']);
    }, 120_000);
  });

  it("runs the contract kits under jest: the store kit on our in-memory store and on the app's own store, the mailer kit on our in-memory mailer", async () => {
    const config = JSON.stringify({ rootDir: app, testEnvironment: 'node', testMatch: ['**/*.test.cjs'], transform: {} });
    const ran = await node(app, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--config', config]);
    expect([ran.code, /Tests: .*/.exec(ran.stderr)?.[0]]).toEqual([0, expect.stringMatching(/^Tests: +\d+ passed, \d+ total$/)]);
    for (const suite of ['the installed in-memory store', "the consumer's own array store", 'the installed in-memory mailer']) expect(ran.stderr).toContain(suite);
  }, 180_000);

  it('replays a golden history through the public API to its reviewed emails', async () => {
    const history = join(root, 'examples', 'histories', 'mixed-01-two-accounts');
    const replayed: unknown = JSON.parse(await mustRun(process.execPath, ['replay.mjs', `${history}.json`], app));
    expect(replayed).toEqual(JSON.parse(readFileSync(`${history}.expected.json`, 'utf8')));
  }, 60_000);
});
