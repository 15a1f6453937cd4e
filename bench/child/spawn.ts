import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import type { JobResult } from '../report/row';

const root = dirname(dirname(__dirname));
const tsxHook = require.resolve('tsx/cjs', { paths: [root] });

/** How to run one job. */
export interface JobRequest {
  readonly job: string;
  readonly params: object;
  /** What the job is called in progress lines and failed rows ("1. Replay"). */
  readonly workload: string;
  readonly timeoutMs: number;
  /** Extra Node flags; jobs that measure memory run with V8's default heap limits instead of a large one. */
  readonly defaultHeap?: boolean;
}

/**
 * Forks `entry.ts` (or another script of bench/) with tsx's in-thread hook and an IPC channel, from
 * the repository root wherever bench was started, so tsx finds tsconfig.json (its paths map
 * @rendezvous/* to the sources) and the hook resolves.
 */
export function forkBenchChild(script: string, args: readonly string[], defaultHeap = false, nodeArgs: readonly string[] = []): ChildProcess {
  return fork(script, [...args], {
    cwd: root,
    execArgv: ['--require', tsxHook, '--expose-gc', ...(defaultHeap ? [] : ['--max-old-space-size=8192']), ...nodeArgs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/**
 * Runs a job in a child process (TypeScript through tsx's in-thread CommonJS hook, so no loader
 * thread adds to the RSS being measured) and resolves with its result. A job that throws,
 * crashes or overruns its time becomes a failed row rather than ending the whole run.
 */
export function runJob(request: JobRequest): Promise<JobResult> {
  const started = performance.now();
  const failed = (why: string): JobResult => ({
    job: request.job,
    rows: [{ workload: request.workload, scenario: request.job, library: 'failed', baseline: '', target: '', verdict: 'failed' }],
    notes: [`${request.job} failed: ${why}`],
    peakRssMb: Number.NaN,
    seconds: (performance.now() - started) / 1000,
  });
  return new Promise((resolve) => {
    const child = forkBenchChild(join(__dirname, 'entry.ts'), [request.job, JSON.stringify(request.params)], request.defaultHeap === true);
    let settled = false;
    const settle = (result: JobResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(failed(`did not finish within ${Math.round(request.timeoutMs / 1000)} s`));
    }, request.timeoutMs);
    child.on('message', (message: JobResult | { error: string }) => settle('error' in message ? failed(message.error) : message));
    child.on('exit', (code, signal) => settle(failed(`the process exited (${signal ?? `code ${String(code)}`}) without a result`)));
  });
}
