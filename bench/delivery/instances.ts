import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client, escapeIdentifier } from 'pg';
import { createPostgresDueIndex, createPostgresEventStore } from '@rendezvous/adapters/postgres';
import { forkBenchChild } from '../child/spawn';
import { benchSchema, databaseUrl, dropSchema } from '../postgres/connection';
import { appendMeetings, booking } from './bookings';
import type { InstanceMessage, InstanceParams } from './instance';

/** A burst of due emails sent by several instances, each a process of its own. */
export interface BurstSetup {
  readonly instances: number;
  readonly meetings: number;
  readonly guests: number;
  /** Meetings each instance works on at once (the same for every instance). */
  readonly concurrency: number;
  /** How long the mail server takes per email. */
  readonly mailerDelayMs: number;
  /** Kill instance 0 with SIGKILL once it has sent this many emails (the recovery scenario). */
  readonly killAfter?: number;
  readonly timeoutMs: number;
}

/** What one burst measured. */
export interface BurstOutcome {
  readonly emails: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** CPU (user + system) of every instance process from its start to the last email, per email. */
  readonly cpuMsPerEmail: number;
  /** Emails each instance sent. */
  readonly split: number[];
  /** With killAfter: emails the killed instance had claimed and not recorded as sent. */
  readonly orphaned?: number;
  /** With killAfter: ms from the kill to the last of those sent by another instance. */
  readonly recoveryMs?: number;
  /** Emails the mail server took twice (an acceptance lost with the killed instance); all with one Message-ID. */
  readonly copies: number;
}

interface Child {
  readonly process: ChildProcess;
  readonly id: string;
  sent: number;
  cpuMs?: number;
  exited: Promise<void>;
}

interface Record {
  readonly type: string;
  readonly key: string;
  readonly by: string;
}

async function deliveryRecords(schema: string): Promise<Record[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<Record>(
      `SELECT type, data->>'idempotencyKey' AS key, data->>'dispatcherId' AS by FROM ${escapeIdentifier(schema)}.events
       WHERE type IN ('EmailClaimed', 'EmailSent') ORDER BY position`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/**
 * Books `meetings` meetings at once (every confirmation due now) and indexes them, then starts
 * the instances together and times them until every email went out; checks in the store that
 * each email has exactly one EmailSent and every copy the mail server took has one Message-ID.
 */
export async function runBurst(setup: BurstSetup): Promise<BurstOutcome> {
  const schema = benchSchema('delivery');
  const children: Child[] = [];
  try {
    const store = await createPostgresEventStore({ connectionString: databaseUrl, schema });
    const index = await createPostgresDueIndex({ connectionString: databaseUrl, schema });
    const bookedMs = Date.now();
    await appendMeetings(
      store,
      Array.from({ length: setup.meetings }, (_, i) => [booking(`m-${i}`, i, setup.guests, bookedMs)]),
    );
    await index.catchUp(store, 30_000);
    await Promise.all([index.close(), store.close()]);
    const expected = setup.meetings * (setup.guests + 1);

    const messageIds = new Map<string, Set<string>>();
    const sentAt = new Map<string, number>();
    let accepted = 0;
    let killedAt: number | undefined;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const ready: Promise<void>[] = [];
    for (let i = 0; i < setup.instances; i++) {
      const params: InstanceParams = { schema, dispatcherId: `instance-${i}`, concurrency: setup.concurrency, mailerDelayMs: setup.mailerDelayMs };
      const process = forkBenchChild(join(__dirname, 'instance.ts'), [JSON.stringify(params)]);
      const child: Child = { process, id: params.dispatcherId, sent: 0, exited: new Promise((resolve) => process.once('exit', () => resolve())) };
      children.push(child);
      ready.push(
        new Promise((resolve, reject) => {
          process.once('exit', (code, signal) => reject(new Error(`instance ${child.id} exited (${signal ?? code}) before it was ready`)));
          process.on('message', (message: InstanceMessage) => {
            if (message.type === 'ready') resolve();
            else if (message.type === 'stopped') child.cpuMs = message.cpuMs;
            else if (message.type === 'sent') {
              child.sent++;
              accepted++;
              const ids = messageIds.get(message.key) ?? new Set<string>();
              ids.add(message.messageId);
              messageIds.set(message.key, ids);
              sentAt.set(message.key, performance.now());
              if (i === 0 && setup.killAfter !== undefined && child.sent === setup.killAfter && killedAt === undefined) {
                process.kill('SIGKILL');
                killedAt = performance.now();
              }
              if (messageIds.size === expected) finish();
            }
          });
        }),
      );
    }
    await Promise.all(ready);
    const started = performance.now();
    for (const child of children) child.process.send({ type: 'go' });
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), setup.timeoutMs));
    if ((await Promise.race([finished, timer])) === 'timeout') throw new Error(`the burst did not finish within ${setup.timeoutMs / 1000} s: ${messageIds.size} of ${expected} emails sent`);
    const seconds = (performance.now() - started) / 1000;
    const living = children.filter((c) => c.process.exitCode === null && c.process.signalCode === null);
    for (const child of living) child.process.send({ type: 'stop' });
    await Promise.all(living.map((c) => c.exited));

    const records = await deliveryRecords(schema);
    const sentRecords = new Map<string, string[]>();
    for (const r of records) if (r.type === 'EmailSent') sentRecords.set(r.key, [...(sentRecords.get(r.key) ?? []), r.by]);
    const wrong = [...messageIds.keys()].filter((key) => sentRecords.get(key)?.length !== 1);
    if (sentRecords.size !== expected || wrong.length > 0) throw new Error(`${sentRecords.size} of ${expected} emails recorded as sent; not exactly once: ${wrong.slice(0, 5).join(', ')}`);
    const mixed = [...messageIds.entries()].filter(([, ids]) => ids.size > 1);
    if (mixed.length > 0) throw new Error(`${mixed.length} emails went out with different Message-IDs, e.g. ${mixed[0]?.[0]}`);
    const cpuMs = living.reduce((sum, c) => sum + (c.cpuMs ?? Number.NaN), 0);
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
      cpuMsPerEmail: cpuMs / expected,
      split: children.map((c) => c.sent),
      copies: accepted - expected,
      ...(at === undefined ? {} : { orphaned: orphanKeys.length, recoveryMs: Math.max(0, ...orphanKeys.map((key) => (sentAt.get(key) ?? Number.NaN) - at)) }),
    };
  } finally {
    for (const child of children) if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await dropSchema(schema);
  }
}
