import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client, escapeIdentifier } from 'pg';
import { createPostgresDueIndex, createPostgresEventStore, type PostgresDueIndex, type PostgresEventStore } from '@rendezvous/adapters/postgres';
import type { DomainEvent } from '@rendezvous/domain';
import { forkBenchChild } from '../child/spawn';
import { benchSchema, databaseUrl, dropSchema } from '../postgres/connection';
import { appendMeetings, booking } from './bookings';
import type { BystanderCommand, BystanderReport } from './bystander';
import type { InstanceCpu, InstanceMessage, InstanceParams } from './instance';

/** A burst of due emails sent by several instances, each a process of its own. */
export interface BurstSetup {
  readonly instances: number;
  readonly meetings: number;
  readonly guests: number;
  /** Meetings each instance works on at once (the same for every instance). */
  readonly concurrency: number;
  /** How long the mail server takes per email. */
  readonly mailerDelayMs: number;
  /** Instance 0 kills itself (SIGKILL) when its mail server takes its this-many-th email of the burst (the recovery scenario). */
  readonly killAfter?: number;
  /** How the instances learn of new facts (see InstanceParams); default `filler`. */
  readonly following?: 'filler' | 'every';
  /** Meetings sent before the burst, per instance: each one's code is warm when it starts. */
  readonly warmUpPerInstance: number;
  /** Runs a bystander process (bystander.ts) through the burst: what the machine charges for fixed work meanwhile. */
  readonly bystander?: boolean;
  /**
   * Each instance alone on a store of its own (a schema each) with its share of the meetings, all
   * falling due at the same instant: the same processes on the same machine with nothing shared,
   * the control that tells the cost of sharing from the cost of running that many processes.
   */
  readonly separate?: boolean;
  readonly timeoutMs: number;
}

/** What one burst measured. */
export interface BurstOutcome {
  readonly emails: number;
  readonly seconds: number;
  readonly perSecond: number;
  /**
   * CPU (user + system) of every instance process over the burst, per email: from just before it
   * falls due until the last email went out (start-up and warm-up are not in it).
   */
  readonly cpuMsPerEmail: number;
  /** The same for the instances' main threads only (JavaScript and its I/O, without V8's compiler and GC helper threads); NaN off Linux. */
  readonly mainThreadCpuMsPerEmail: number;
  /** CPU of every instance over its whole life (start-up, warm-up and burst), per email of the burst. */
  readonly lifeCpuMsPerEmail: number;
  /** Emails each instance sent. */
  readonly split: number[];
  /** With killAfter: emails the killed instance had claimed and not recorded as sent. */
  readonly orphaned?: number;
  /** With killAfter: ms from the kill to the last of those sent by another instance. */
  readonly recoveryMs?: number;
  /** Emails the mail server took twice (an acceptance lost with the killed instance); all with one Message-ID. */
  readonly copies: number;
  /** With `bystander`: the median CPU time (µs) the bystander was charged for its fixed work during the burst. */
  readonly bystanderUs?: number;
}

interface Child {
  readonly process: ChildProcess;
  readonly id: string;
  sent: number;
  cpu?: InstanceCpu;
  exited: Promise<void>;
}

interface Record {
  readonly type: string;
  readonly key: string;
  readonly by: string;
}

async function deliveryRecords(schemas: readonly string[]): Promise<Record[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const records: Record[] = [];
    for (const schema of schemas) {
      const { rows } = await client.query<Record>(
        `SELECT type, data->>'idempotencyKey' AS key, data->>'dispatcherId' AS by FROM ${escapeIdentifier(schema)}.events
         WHERE type IN ('EmailClaimed', 'EmailSent') ORDER BY position`,
      );
      records.push(...rows);
    }
    return records;
  } finally {
    await client.end();
  }
}

/**
 * BENCH_INSTANCE_NODE_ARGS: extra Node flags for the instance processes, to look inside them
 * (`--perf-basic-prof` for `perf record`, `--trace-opt`); numbers taken with them are not comparable.
 */
const instanceNodeArgs = (process.env['BENCH_INSTANCE_NODE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');

/** Resolves once every email of the burst (meetings `m-*`) has an EmailSent record, or after `timeoutMs` (the check that follows then fails). */
async function recordedAll(schemas: readonly string[], expected: number, timeoutMs: number): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const sent = new Set((await deliveryRecords(schemas)).filter((r) => r.type === 'EmailSent' && r.key.startsWith('m-')).map((r) => r.key));
    if (sent.size >= expected) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** How long before the burst falls due its bookings start being appended: enough to append and index them all. */
const leadMs = (meetings: number): number => 2_000 + meetings * 10;

/** The bystander process of a burst (see bystander.ts), ready once `ready` resolves. */
function forkBystander(): { ready: Promise<void>; send: (command: BystanderCommand) => void; report: Promise<BystanderReport>; process: ChildProcess } {
  const process = forkBenchChild(join(__dirname, 'bystander.ts'), [], false);
  const ready = new Promise<void>((resolve, reject) => {
    process.once('message', () => resolve());
    process.once('exit', (code) => reject(new Error(`the bystander exited (${String(code)}) before it was ready`)));
  });
  const report = new Promise<BystanderReport>((resolve, reject) => {
    process.on('message', (message: BystanderReport | { type: 'ready' }) => {
      if (message.type === 'bystander') resolve(message);
    });
    process.once('exit', () => reject(new Error('the bystander exited without a report')));
  });
  report.catch(() => undefined);
  return { ready, send: (command) => process.send(command), report, process };
}

/**
 * Starts the instances and warms them up on a small burst (code compiled, pools open), then
 * books `meetings` meetings whose confirmations all fall due at one instant a moment later, and
 * times the instances from that instant until every email went out; checks in the store that
 * each email has exactly one EmailSent and every copy the mail server took has one Message-ID.
 */
export async function runBurst(setup: BurstSetup): Promise<BurstOutcome> {
  // One store (schema) that every instance shares, or with `separate` one per instance; meeting i
  // (warm-up and burst alike) is booked into store i % stores, instance i works on store i % stores.
  const schemas = Array.from({ length: setup.separate === true ? setup.instances : 1 }, () => benchSchema('delivery'));
  const lanes: { store: PostgresEventStore; index: PostgresDueIndex }[] = [];
  const children: Child[] = [];
  let bystander: ReturnType<typeof forkBystander> | undefined;
  const bookInto = async (meetings: readonly DomainEvent[]): Promise<void> => {
    await Promise.all(lanes.map((lane, l) => appendMeetings(lane.store, meetings.filter((_, i) => i % lanes.length === l).map((event) => [event]))));
  };
  try {
    for (const schema of schemas) {
      const store = await createPostgresEventStore({ connectionString: databaseUrl, schema });
      lanes.push({ store, index: await createPostgresDueIndex({ connectionString: databaseUrl, schema }) });
    }
    const messageIds = new Map<string, Set<string>>();
    const sentAt = new Map<string, number>();
    let accepted = 0;
    let measuring = false;
    let killedAt: number | undefined;
    let waiting = { keys: 0, done: (): void => undefined };
    const sentAll = (keys: number): Promise<void> =>
      new Promise((resolve) => {
        waiting = { keys, done: resolve };
        if (messageIds.size >= keys) resolve();
      });
    const ready: Promise<void>[] = [];
    for (let i = 0; i < setup.instances; i++) {
      const params: InstanceParams = { schema: schemas[i % schemas.length] as string, dispatcherId: `instance-${i}`, concurrency: setup.concurrency, mailerDelayMs: setup.mailerDelayMs, following: setup.following ?? 'filler',
        ...(i === 0 && setup.killAfter !== undefined ? { dieAfter: setup.killAfter } : {}) };
      const process = forkBenchChild(join(__dirname, 'instance.ts'), [JSON.stringify(params)], false, instanceNodeArgs);
      const child: Child = { process, id: params.dispatcherId, sent: 0, exited: new Promise((resolve) => process.once('exit', () => resolve())) };
      children.push(child);
      ready.push(
        new Promise((resolve, reject) => {
          process.once('exit', (code, signal) => reject(new Error(`instance ${child.id} exited (${signal ?? code}) before it was ready`)));
          process.on('message', (message: InstanceMessage) => {
            if (message.type === 'ready') resolve();
            else if (message.type === 'stopped') child.cpu = message.cpu;
            else if (message.type === 'dying') killedAt = message.atMs;
            else if (message.type === 'sent') {
              accepted++;
              const ids = messageIds.get(message.key) ?? new Set<string>();
              ids.add(message.messageId);
              messageIds.set(message.key, ids);
              sentAt.set(message.key, Date.now());
              if (measuring) child.sent++;
              if (messageIds.size >= waiting.keys) waiting.done();
            }
          });
        }),
      );
    }
    bystander = setup.bystander === true ? forkBystander() : undefined;
    await Promise.all([...ready, bystander?.ready]);
    for (const child of children) child.process.send({ type: 'go' });
    const within = async (work: Promise<void>, what: string): Promise<void> => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), setup.timeoutMs)));
      const outcome = await Promise.race([work, late]).finally(() => clearTimeout(timer));
      if (outcome === 'late') throw new Error(`${what} did not finish within ${setup.timeoutMs / 1000} s: ${messageIds.size} emails sent`);
    };

    // Warm-up: every instance compiles its code on as many emails, whatever the number of instances.
    const warmUp = setup.warmUpPerInstance * setup.instances;
    await bookInto(Array.from({ length: warmUp }, (_, i) => booking(`w-${i}`, i, setup.guests, Date.now())));
    await within(sentAll(warmUp * (setup.guests + 1)), 'the warm-up');
    const afterWarmUp = messageIds.size;

    // The burst: every confirmation due at one instant.
    // A whole second: booking times are recorded to the second.
    const dueMs = Math.ceil((Date.now() + leadMs(setup.meetings)) / 1000) * 1000;
    await bookInto(Array.from({ length: setup.meetings }, (_, i) => booking(`m-${i}`, i, setup.guests, dueMs)));
    for (const lane of lanes) await lane.index.catchUp(lane.store, 30_000);
    if (Date.now() > dueMs - 100) throw new Error(`booking the burst took longer than its lead of ${leadMs(setup.meetings)} ms`);
    await new Promise((resolve) => setTimeout(resolve, dueMs - 100 - Date.now()));
    for (const child of children) child.process.send({ type: 'mark' });
    bystander?.send({ type: 'start' });
    measuring = true;
    const started = performance.now() + (dueMs - Date.now());
    const expected = setup.meetings * (setup.guests + 1);
    await within(sentAll(afterWarmUp + expected), 'the burst');
    const seconds = (performance.now() - started) / 1000;
    bystander?.send({ type: 'stop' });
    const bystanderUs = bystander === undefined ? undefined : (await bystander.report).medianUs;
    // A killed instance may have had every email of a meeting accepted and none recorded: the
    // mail servers have seen them all, but the survivors send them again (and record them) only
    // once the dead instance's lease is over.
    if (setup.killAfter !== undefined) await recordedAll(schemas, expected, setup.timeoutMs);
    const living = children.filter((c) => c.process.exitCode === null && c.process.signalCode === null);
    for (const child of living) child.process.send({ type: 'stop' });
    await Promise.all(living.map((c) => c.exited));

    const records = (await deliveryRecords(schemas)).filter((r) => r.key.startsWith('m-'));
    const sentRecords = new Map<string, string[]>();
    for (const r of records) if (r.type === 'EmailSent') sentRecords.set(r.key, [...(sentRecords.get(r.key) ?? []), r.by]);
    const wrong = [...messageIds.keys()].filter((key) => sentRecords.has(key) && sentRecords.get(key)?.length !== 1);
    if (sentRecords.size !== expected || wrong.length > 0) throw new Error(`${sentRecords.size} of ${expected} emails recorded as sent; not exactly once: ${wrong.slice(0, 5).join(', ')}`);
    const mixed = [...messageIds.entries()].filter(([, ids]) => ids.size > 1);
    if (mixed.length > 0) throw new Error(`${mixed.length} emails went out with different Message-IDs, e.g. ${mixed[0]?.[0]}`);
    const cpuMs = (of: keyof InstanceCpu): number => living.reduce((sum, c) => sum + (c.cpu?.[of] ?? Number.NaN), 0);
    let orphanKeys: string[] = [];
    if (killedAt !== undefined) {
      const victim = children[0]?.id;
      orphanKeys = [...new Set(records.filter((r) => r.type === 'EmailClaimed' && r.by === victim).map((r) => r.key))].filter((key) => sentRecords.get(key)?.[0] !== victim);
    }
    const at = killedAt;
    return {
      emails: expected,
      seconds,
      perSecond: expected / seconds,
      cpuMsPerEmail: cpuMs('burstMs') / expected,
      mainThreadCpuMsPerEmail: cpuMs('mainThreadBurstMs') / expected,
      lifeCpuMsPerEmail: cpuMs('lifeMs') / expected,
      split: children.map((c) => c.sent),
      copies: accepted - messageIds.size,
      ...(bystanderUs === undefined ? {} : { bystanderUs }),
      ...(at === undefined ? {} : { orphaned: orphanKeys.length, recoveryMs: Math.max(0, ...orphanKeys.map((key) => (sentAt.get(key) ?? Number.NaN) - at)) }),
    };
  } finally {
    for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    if (bystander?.process.exitCode === null) bystander.process.kill('SIGKILL');
    await Promise.all(lanes.flatMap((lane) => [lane.index.close(), lane.store.close()]));
    for (const schema of schemas) await dropSchema(schema);
  }
}
