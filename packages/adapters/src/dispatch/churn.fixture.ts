// For the dispatcher tests: a burst of due emails while instances die (no cleanup, between the
// mailer's acceptance and the record, as after kill -9) and new ones join. Every instance has
// its own store connection, mailer and due index handle, as separate processes would.
import { meetingStream, type DeliveryEvent } from '@rendezvous/domain';
import { createVirtualClock } from '../clock';
import { createInMemoryMailer } from '../mail/memory/in-memory-mailer';
import { messageIdFor } from '../mail/message-id';
import type { EventStore } from '../store/port';
import { createDispatcher, type Dispatcher } from './dispatcher';
import type { DueIndex } from './due-index/port';
import { addressing, faultyStore, killableMailer } from './faults.fixture';
import { scheduled, times } from './rig.fixture';

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

/** A due index handle of one process: after kill() its calls never settle, and it changes nothing. */
function killableIndex(inner: DueIndex, killed: () => boolean): DueIndex {
  const guard = <T>(call: () => Promise<T>): Promise<T> => (killed() ? never<T>() : call().then((value) => (killed() ? never<T>() : value)));
  return {
    shared: inner.shared,
    catchUp: (store, timeoutMs) => guard(() => inner.catchUp(store, timeoutMs)),
    // The scenario drives its instances with tick(), never start(): nothing watches.
    watch: (...args) => inner.watch(...args),
    take: (...args) => guard(() => inner.take(...args)),
    release: (...args) => guard(() => inner.release(...args)),
    nextDueMs: () => guard(() => inner.nextDueMs()),
    position: () => guard(() => inner.position()),
    size: () => guard(() => inner.size()),
  };
}

/** How the scenario reaches the storage: a fresh store connection and due index handle per process. */
export interface ChurnParts {
  readonly meetings: number;
  readonly guests: number;
  openStore(): Promise<EventStore>;
  openIndex(): Promise<DueIndex>;
  /** Instances killed, each after this many emails went out (in total). */
  readonly killAfter: readonly number[];
}

/** What the scenario saw; the caller asserts on it. */
export interface ChurnOutcome {
  readonly expected: number;
  readonly problems: string[];
  readonly kills: number;
  /** Instances whose EmailSent records are in the store. */
  readonly senders: number;
  /** Clock time from the last kill to the last EmailSent, ms. */
  readonly recoveryMs: number;
  readonly copies: number;
}

/** Seeds a burst, runs it through instances that die and join, and checks every email's records. */
export async function burstWithChurn(parts: ChurnParts): Promise<ChurnOutcome> {
  const writer = await parts.openStore();
  for (let i = 0; i < parts.meetings; i++) await writer.append(meetingStream(`m-${i}`), [scheduled(`m-${i}`, parts.guests)], { kind: 'noStream' });
  const expected = parts.meetings * (parts.guests + 1);
  const clock = createVirtualClock(times.scheduledAt);
  const inbox = createInMemoryMailer({ now: () => new Date(clock.now()) });
  // A mail server that takes a moment, so a burst is still going out when an instance dies.
  const slowInbox = { send: async (email: Parameters<typeof inbox.send>[0]) => (await new Promise((r) => setTimeout(r, 2)), inbox.send(email)), close: () => inbox.close() };
  const unrecorded = new Map<string, number>();
  const kills: number[] = [];

  interface Instance {
    readonly id: string;
    readonly dispatcher: Dispatcher;
    readonly dead: Promise<'dead'>;
  }
  let spawned = 0;
  const pendingKills = [...parts.killAfter];
  // Whichever instance's mail server crosses the next threshold dies (whoever is sending then).
  const spawn = async (): Promise<Instance> => {
    const id = `p-${++spawned}`;
    let die: (value: 'dead') => void = () => undefined;
    const dead = new Promise<'dead'>((resolve) => (die = resolve));
    const awaitingRecord = new Set<string>();
    let killed = false;
    const store = faultyStore(await parts.openStore(), {
      appended: (_, events) => {
        for (const e of events as DeliveryEvent[]) if (e.type === 'EmailSent') awaitingRecord.delete(e.data.idempotencyKey);
      },
      onKill: () => {
        killed = true;
        for (const key of awaitingRecord) unrecorded.set(key, (unrecorded.get(key) ?? 0) + 1);
        mailer.kill();
        kills.push(Date.parse(clock.now()));
        die('dead');
      },
    });
    const instance: Instance = { id, dispatcher: undefined as unknown as Dispatcher, dead };
    const mailer = killableMailer(slowInbox, {
      // The instance dies right after the mail server took an email: its EmailSent is never written.
      afterAccept: (email, isDead) => {
        const threshold = pendingKills[0];
        const dies = !isDead && threshold !== undefined && inbox.sent().length >= threshold;
        if (isDead || dies) unrecorded.set(email.idempotencyKey, (unrecorded.get(email.idempotencyKey) ?? 0) + 1);
        else awaitingRecord.add(email.idempotencyKey);
        if (dies) {
          pendingKills.shift();
          store.kill();
        }
        return isDead || dies ? 'kill' : 'pass';
      },
    });
    const dueIndex = killableIndex(await parts.openIndex(), () => killed);
    const dispatcher = createDispatcher({ store, mailer, renderer: addressing, clock, dueIndex, dispatcherId: id, leaseMs: 20_000, sendTimeoutMs: 1_000, storeTimeoutMs: 2_000, concurrency: 3 });
    return Object.assign(instance, { dispatcher });
  };

  let live = [await spawn(), await spawn()];
  let lastProgressAt = Date.parse(clock.now());
  const recorded = async (): Promise<number> => {
    let count = 0;
    for await (const _ of writer.readAll({ eventTypes: ['EmailSent'] })) count++;
    return count;
  };
  for (let round = 0; round < 400 && (await recorded()) < expected; round++) {
    const before = inbox.sent().length;
    const outcomes = await Promise.all(live.map((i) => Promise.race([i.dispatcher.tick().then(() => 'ticked' as const), i.dead])));
    const survivors = live.filter((_, n) => outcomes[n] !== 'dead');
    // Every death is followed by a newcomer, which joins while the burst is still going out.
    const joined = await Promise.all(Array.from({ length: live.length - survivors.length }, spawn));
    live = [...survivors, ...joined];
    if (inbox.sent().length > before) lastProgressAt = Date.parse(clock.now());
    // Nothing moved: what is left waits for a dead instance's lease. Time passes, as for a poll.
    else await clock.advanceBy(2_000);
    if (Date.parse(clock.now()) - lastProgressAt > 120_000) break;
  }
  await Promise.all(live.map((i) => i.dispatcher.stop()));

  const records = new Map<string, DeliveryEvent[]>();
  for await (const { event } of writer.readAll({ eventTypes: ['EmailClaimed', 'EmailSent', 'EmailFailed', 'EmailSkipped'] })) {
    const delivery = event as DeliveryEvent;
    records.set(delivery.data.idempotencyKey, [...(records.get(delivery.data.idempotencyKey) ?? []), delivery]);
  }
  const accepted = new Map<string, string[]>();
  for (const sent of inbox.sent()) accepted.set(sent.email.idempotencyKey, [...(accepted.get(sent.email.idempotencyKey) ?? []), sent.messageId]);
  const problems: string[] = [];
  const senders = new Set<string>();
  let lastSentMs = 0;
  for (let m = 0; m < parts.meetings; m++) {
    for (const who of ['user:u-1', ...Array.from({ length: parts.guests }, (_, g) => `guest:g-${g + 1}`)]) {
      const key = `m-${m}:meeting-scheduled:${who}:0`;
      const sent = (records.get(key) ?? []).filter((e) => e.type === 'EmailSent');
      const copies = accepted.get(key) ?? [];
      if (sent.length !== 1) problems.push(`${key}: ${sent.length} EmailSent records`);
      if (copies.length === 0) problems.push(`${key}: never sent`);
      if (copies.length - 1 > (unrecorded.get(key) ?? 0)) problems.push(`${key}: ${copies.length} copies, ${unrecorded.get(key) ?? 0} unrecorded acceptances`);
      const messageId = messageIdFor({ idempotencyKey: key, from: { name: '', email: 'no-reply@meet.example.com' } });
      if (copies.some((id) => id !== messageId)) problems.push(`${key}: a copy with another Message-ID`);
      for (const e of sent) {
        if (e.type === 'EmailSent') senders.add(e.data.dispatcherId);
        lastSentMs = Math.max(lastSentMs, Date.parse(e.occurredAt));
      }
    }
  }
  const copies = [...accepted.values()].reduce((n, ids) => n + ids.length - 1, 0);
  return { expected, problems, kills: kills.length, senders: senders.size, recoveryMs: lastSentMs - Math.max(...kills), copies };
}
