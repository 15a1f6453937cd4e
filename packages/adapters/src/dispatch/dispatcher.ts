import { deliveryStream, fromMillis } from '@rendezvous/domain';
import { createPlanner, type EmailToSend } from '@rendezvous/notifications';
import { Turns } from '../commands/turns';
import { createInMemoryCheckpointStore } from './checkpoints/memory';
import { withDeadline } from './deadline';
import { Deliveries } from './deliveries';
import { createInMemoryDueIndex } from './due-index/memory';
import type { DueIndex, DueMeeting, DueWatch, NextLook } from './due-index/port';
import { emailViews, type EmailView } from './email-view';
import { foldMeeting } from './meeting-fold';
import { dispatcherSettings, type DispatcherOptions } from './options';
import type { DispatchLogEntry, TickReport } from './report';
import { stepGroup, type StepContext } from './step';
import type { Step, Task } from './task';

/** The live dispatcher: sends each due email once, records what became of it, shares the work with its peers. */
export interface Dispatcher {
  /** Brings the due index up to date (from its checkpoint), then follows the store and sends on the clock. */
  start(): Promise<void>;
  /** Finishes the sends in flight (starting no new one), stops following the store, saves the checkpoint. */
  stop(): Promise<void>;
  /** Brings the due index up to date, then handles every meeting due now that no other instance holds; start() calls it on the clock. */
  tick(): Promise<TickReport>;
  /** The emails sent and planned for a meeting, with state and reason (GET /meetings/:id/emails), folded from the store on demand. */
  emails(meetingId: string): Promise<EmailView[]>;
  /** Resolves once the due index holds everything appended so far and, while started, what is due now was handled. */
  idle(): Promise<void>;
}

/** The longest the loop sleeps without looking at the index when it is its only user (clock time). */
const maxSleepMs = 60_000;
/** The longest it sleeps when other processes share the index: their releases and dead leases wake nobody here. */
const sharedPollMs = 2_000;
/** Saves of the checkpoint during a run are at least this far apart (real time). */
const checkpointEveryMs = 1_000;
/** Most emails of one delivery stream claimed by one append (they are then sent side by side). */
const claimBatch = 16;

interface Running {
  wake: AbortController;
  wakeRequested: boolean;
  watch: DueWatch | undefined;
  loop: Promise<void>;
}

type Counts = { sent: number; retrying: number; failed: number; skipped: number; waiting: number };

/** Creates a dispatcher (see `Dispatcher` and DISPATCHER.md). */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const settings = dispatcherSettings(options);
  const { store, clock, dispatcherId } = options;
  const planner = createPlanner(options.planning ?? {});
  const index: DueIndex = options.dueIndex ?? createInMemoryDueIndex();
  const checkpoints = options.checkpoints ?? createInMemoryCheckpointStore();
  // Only emails whose state outlives one look: an acceptance not recorded yet, a hold after the store failed.
  const remembered = new Map<string, Task>();
  const ticks = new Turns();
  let running: Running | undefined;
  let stopping = false;
  let lastTickAt: string | undefined;
  let savedPosition: bigint | undefined;
  let savedAtReal = 0;

  const log = (entry: DispatchLogEntry): void => {
    try {
      options.log?.(entry);
    } catch {
      // A logger that throws must not stop emails.
    }
  };
  const note = (level: 'info' | 'warn' | 'error', msg: string, detail?: string): void =>
    log({ kind: 'dispatcher', level, msg, at: clock.now(), dispatcherId, ...(detail === undefined ? {} : { detail }) });
  const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
  const nowMs = (): number => Date.parse(clock.now());

  const base: Omit<StepContext, 'deliveries' | 'meetingOver'> = {
    store,
    mailer: options.mailer,
    renderer: options.renderer,
    dispatcherId,
    leaseMs: settings.leaseMs,
    retry: settings.retry,
    sendTimeoutMs: settings.sendTimeoutMs,
    storeTimeoutMs: settings.storeTimeoutMs,
    holdMs: settings.holdMs,
    batch: claimBatch,
    isSuppressed: options.isSuppressed,
    log,
    nowMs,
    stopping: () => stopping,
  };

  const taskOf = (email: EmailToSend): Task => {
    const known = remembered.get(email.idempotencyKey);
    return known !== undefined && known.email.dueAt === email.dueAt ? { ...known, email } : { email, stream: deliveryStream(email.meeting.meetingId, email.dueAt), holdUntilMs: 0 };
  };

  /**
   * Folds one meeting and takes each of its due emails one step further. Emails due before the
   * meeting's `dueMs` were settled at an earlier look and are passed over. Returns when the
   * meeting next needs a look (its next planned email, a retry, the end of someone's lease, a
   * hold) and up to when its emails are settled; undefined when nothing is left to do for it.
   */
  const work = async (meeting: DueMeeting, counts: Counts): Promise<NextLook | undefined> => {
    const fold = await foldMeeting(store, planner, meeting.meetingId, settings.storeTimeoutMs);
    const now = clock.now();
    const startedMs = Date.parse(now);
    const due = fold.session.due(now);
    // Delivery streams are not read ahead: a first claim appends as if the stream were new, and a
    // stream that is not (someone else's claim, a retry) answers with a conflict and is read then.
    const deliveries = new Deliveries();
    const groups = new Map<string, Task[]>();
    for (const email of due) {
      if (Date.parse(email.dueAt) < meeting.dueMs) continue;
      const task = taskOf(email);
      groups.set(task.stream, [...(groups.get(task.stream) ?? []), task]);
    }
    const ctx: StepContext = { ...base, deliveries, meetingOver: () => fold.over };
    let atMs = Number.POSITIVE_INFINITY;
    let unsettledMs = Number.POSITIVE_INFINITY;
    const account = (task: Task, result: Step): void => {
      const key = task.email.idempotencyKey;
      if (task.delivered !== undefined || task.holdUntilMs > startedMs) remembered.set(key, task);
      else remembered.delete(key);
      if (result.kind === 'wait' || result.kind === 'retrying') {
        unsettledMs = Math.min(unsettledMs, Date.parse(task.email.dueAt));
        if (result.kind === 'wait') counts.waiting++;
        else counts.retrying++;
        atMs = Math.min(atMs, result.kind === 'wait' ? result.untilMs : (deliveries.ledger.get(key)?.retryAtMs ?? startedMs + settings.holdMs));
      } else {
        remembered.delete(key);
        if (result.kind !== 'done') counts[result.kind]++;
      }
    };
    for (const [stream, group] of groups) {
      if (stopping) {
        counts.waiting += group.length;
        for (const task of group) unsettledMs = Math.min(unsettledMs, Date.parse(task.email.dueAt));
        atMs = Math.min(atMs, startedMs);
        continue;
      }
      for (const [task, result] of await stepGroup(ctx, stream, group)) account(task, result);
    }
    // What is due now was handled above (or waits for the time set there): move the plan on.
    for (const email of due) fold.session.markSent(email.key, now);
    fold.session.advance(now);
    const planned = fold.session.nextDueAt();
    if (planned !== undefined) {
      atMs = Math.min(atMs, Date.parse(planned));
      unsettledMs = Math.min(unsettledMs, Date.parse(planned));
    }
    if (!Number.isFinite(atMs)) return undefined;
    atMs = Math.max(atMs, startedMs + 1);
    return { atMs, settledBeforeMs: Math.min(unsettledMs, atMs) };
  };

  const saveCheckpoint = async (force: boolean): Promise<void> => {
    if (!force && performance.now() - savedAtReal < checkpointEveryMs) return;
    try {
      const position = await withDeadline(index.position(), settings.storeTimeoutMs, 'reading the due index');
      if (position === savedPosition && !force) return;
      const checkpoint = { position, at: lastTickAt ?? clock.now() };
      await withDeadline(checkpoints.save(dispatcherId, checkpoint), settings.storeTimeoutMs, 'saving the checkpoint');
      savedPosition = checkpoint.position;
      savedAtReal = performance.now();
    } catch (error) {
      note('warn', 'the checkpoint was not saved', describe(error));
    }
  };

  const runTick = async (): Promise<TickReport> => {
    const counts: Counts = { sent: 0, retrying: 0, failed: 0, skipped: 0, waiting: 0 };
    let error: string | undefined;
    try {
      // Every fact appended up to now marks its meeting first: one booked a moment ago is looked at
      // now. A running dispatcher on a shared index leaves this to the index's one filler.
      if (running === undefined || !index.shared) await index.catchUp(store, settings.storeTimeoutMs);
    } catch (cause) {
      error = `the store could not be read, so nothing was sent: ${describe(cause)}`;
      note('warn', 'tick skipped', error);
    }
    const now = clock.now();
    const tickMs = Date.parse(now);
    let wakeMs = error === undefined ? Number.POSITIVE_INFINITY : tickMs + settings.holdMs;
    if (error === undefined) {
      const worker = async (): Promise<void> => {
        while (!stopping) {
          let taken: DueMeeting[];
          try {
            // Due by the tick's time: a meeting given back for a moment later waits for the next tick.
            taken = await withDeadline(index.take(dispatcherId, tickMs, nowMs() + settings.leaseMs, 1), settings.storeTimeoutMs, 'taking due work');
          } catch (cause) {
            note('warn', 'the due index could not be read; trying again later', describe(cause));
            wakeMs = Math.min(wakeMs, nowMs() + settings.holdMs);
            return;
          }
          const meeting = taken[0];
          if (meeting === undefined) return;
          let next: NextLook | undefined;
          try {
            next = await work(meeting, counts);
          } catch (cause) {
            // Nothing is known to be settled: the next look starts where this one did.
            next = { atMs: nowMs() + settings.holdMs, settledBeforeMs: meeting.dueMs };
            counts.waiting++;
            note('error', `meeting ${meeting.meetingId} could not be handled; trying again later`, describe(cause));
          }
          if (next !== undefined) wakeMs = Math.min(wakeMs, next.atMs);
          // If this fails, the lease runs out and the meeting is looked at again then.
          await withDeadline(index.release(dispatcherId, meeting, next), settings.storeTimeoutMs, 'giving work back').catch((cause: unknown) =>
            note('warn', `meeting ${meeting.meetingId} could not be given back to the due index`, describe(cause)),
          );
        }
      };
      await Promise.all(Array.from({ length: settings.concurrency }, worker));
      try {
        const next = await withDeadline(index.nextDueMs(), settings.storeTimeoutMs, 'reading the due index');
        if (next !== undefined) wakeMs = Math.min(wakeMs, next);
      } catch (cause) {
        wakeMs = Math.min(wakeMs, nowMs() + settings.holdMs);
        note('warn', 'the due index could not be read', describe(cause));
      }
    }
    if (Number.isFinite(wakeMs)) wakeMs = Math.max(wakeMs, tickMs + 1);
    lastTickAt = now;
    await saveCheckpoint(false);
    return {
      now,
      ...counts,
      ...(Number.isFinite(wakeMs) ? { nextWakeAt: fromMillis(wakeMs) } : {}),
      ...(error === undefined ? {} : { error }),
    };
  };

  const tick = (): Promise<TickReport> => ticks.run('tick', runTick);

  const loop = async (state: Running): Promise<void> => {
    while (!stopping) {
      const report = await tick();
      if (stopping) break;
      const now = nowMs();
      const longest = index.shared ? sharedPollMs : maxSleepMs;
      const wakeMs = Math.min(report.nextWakeAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(report.nextWakeAt), now + longest);
      state.wake = new AbortController();
      if (state.wakeRequested) {
        state.wakeRequested = false;
        continue;
      }
      await clock.sleep(Math.max(0, wakeMs - now), state.wake.signal);
      state.wakeRequested = false;
    }
  };

  return {
    async start() {
      if (running !== undefined) throw new Error(`dispatcher ${dispatcherId} is already started`);
      stopping = false;
      const checkpoint = await withDeadline(checkpoints.load(dispatcherId), settings.storeTimeoutMs, 'loading the checkpoint').catch((cause: unknown) => {
        note('warn', 'the checkpoint could not be loaded', describe(cause));
        return undefined;
      });
      const folded = await index.catchUp(store, settings.storeTimeoutMs);
      const position = await index.position();
      const pending = await index.size();
      if (checkpoint !== undefined && position < checkpoint.position) {
        note(
          'warn',
          'the store ends before this dispatcher checkpoint',
          `due index at position ${position}, checkpoint at ${checkpoint.position}: a store restored from a backup or another store? Emails whose records were lost go out again, with the same Message-ID`,
        );
      }
      note(
        'info',
        'dispatcher started',
        `due index at position ${position} (${folded} facts folded now), ${pending} meetings with pending work` +
          (checkpoint === undefined ? '' : `; last checkpoint at position ${checkpoint.position}, last tick ${checkpoint.at}`),
      );
      const state: Running = { wake: new AbortController(), wakeRequested: false, watch: undefined, loop: Promise.resolve() };
      running = state;
      // Only a wake-up call: the tick takes the meetings (and, without a shared index, folds the facts).
      state.watch = index.watch(
        store,
        settings.storeTimeoutMs,
        () => {
          state.wakeRequested = true;
          state.wake.abort();
        },
        (cause) => {
          if (!stopping) note('warn', 'the due index could not be watched; trying again', describe(cause));
        },
      );
      state.loop = loop(state).catch((cause: unknown) => note('error', 'the dispatcher loop stopped', describe(cause)));
    },

    async stop() {
      const state = running;
      stopping = true;
      if (state !== undefined) {
        state.wake.abort();
        await state.watch?.close();
        await state.loop;
        running = undefined;
      }
      // A tick called directly may be in flight too: it finishes its sends and starts no new one.
      await ticks.run('tick', async () => undefined);
      await saveCheckpoint(true);
      stopping = false;
      if (state !== undefined) note('info', 'dispatcher stopped', `checkpoint at position ${savedPosition ?? 0n}`);
    },

    tick,

    async emails(meetingId) {
      const fold = await foldMeeting(store, planner, meetingId, settings.storeTimeoutMs);
      const now = clock.now();
      // Judge what fell due by now (a disabled pair suppresses it) before reading the account.
      fold.session.advance(now);
      const reports = fold.session.explain(meetingId);
      const nowAt = Date.parse(now);
      const deliveries = new Deliveries();
      const streams = reports.filter((r) => Date.parse(r.dueAt) <= nowAt).map((r) => deliveryStream(meetingId, r.dueAt));
      await deliveries.load(store, streams, settings.storeTimeoutMs);
      return emailViews(reports, deliveries.ledger.ofMeeting(meetingId), nowAt);
    },

    async idle() {
      await index.catchUp(store, settings.storeTimeoutMs);
      if (running !== undefined) await tick();
    },
  };
}
