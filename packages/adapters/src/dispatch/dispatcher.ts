import { deliveryStream, fromMillis } from '@rendezvous/domain';
import { createPlanner } from '@rendezvous/notifications';
import { Turns } from '../commands/turns';
import type { Subscription } from '../store/port';
import { createInMemoryCheckpointStore } from './checkpoints/memory';
import { withDeadline } from './deadline';
import { emailViews, type EmailView } from './email-view';
import { dispatcherSettings, type DispatcherOptions } from './options';
import { Projection } from './projection';
import type { DispatchLogEntry, TickReport } from './report';
import { stepGroup, type StepContext } from './step';
import type { Step, Task } from './task';
import { workOrder } from './work-order';

/** The live dispatcher: follows the store, sends each due email once, records what became of it. */
export interface Dispatcher {
  /** Folds the whole store (catching up on what happened while it was down), then follows it and sends on the clock. */
  start(): Promise<void>;
  /** Finishes the sends in flight (starting no new one), stops following the store, saves the checkpoint. */
  stop(): Promise<void>;
  /** Folds everything appended so far, then sends what is due now; start() calls it on the clock. */
  tick(): Promise<TickReport>;
  /** The emails sent and planned for a meeting, with state and reason (GET /meetings/:id/emails). */
  emails(meetingId: string): EmailView[];
  /** Resolves once everything appended so far is folded and, while started, what is due now was handled. */
  idle(): Promise<void>;
}

/** The longest the loop sleeps without looking at the store, in case its subscription went quiet (clock time). */
const maxSleepMs = 60_000;
/** Saves of the checkpoint during a run are at least this far apart (real time). */
const checkpointEveryMs = 1_000;
/** Most emails of one delivery stream claimed by one append (they are then sent side by side). */
const claimBatch = 16;

interface Running {
  wake: AbortController;
  wakeRequested: boolean;
  subscription: Subscription | undefined;
  subscribed: boolean;
  loop: Promise<void>;
}

/** Creates a dispatcher (see `Dispatcher` and DISPATCHER.md). */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const settings = dispatcherSettings(options);
  const { store, clock, dispatcherId } = options;
  const planner = createPlanner(options.planning ?? {});
  const projection = new Projection(planner);
  const checkpoints = options.checkpoints ?? createInMemoryCheckpointStore();
  const tasks = new Map<string, Task>();
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

  const ctx: StepContext = {
    store,
    mailer: options.mailer,
    renderer: options.renderer,
    projection,
    dispatcherId,
    leaseMs: settings.leaseMs,
    retry: settings.retry,
    sendTimeoutMs: settings.sendTimeoutMs,
    storeTimeoutMs: settings.storeTimeoutMs,
    holdMs: settings.holdMs,
    batch: claimBatch,
    isSuppressed: options.isSuppressed,
    log,
    nowMs: () => Date.parse(clock.now()),
    stopping: () => stopping,
  };

  // Due emails leave the plan's queue for the task list, where they stay until a final record.
  const take = (now: string): void => {
    for (const email of projection.plan.due(now)) {
      if (!tasks.has(email.idempotencyKey)) tasks.set(email.idempotencyKey, { email, stream: deliveryStream(email.meeting.meetingId, email.dueAt), holdUntilMs: 0 });
      projection.plan.markSent(email.idempotencyKey, now);
    }
    projection.plan.advance(now);
  };

  const saveCheckpoint = async (force: boolean): Promise<void> => {
    if (savedPosition === projection.position || (!force && performance.now() - savedAtReal < checkpointEveryMs)) return;
    const checkpoint = { position: projection.position, at: lastTickAt ?? clock.now() };
    try {
      await withDeadline(checkpoints.save(dispatcherId, checkpoint), settings.storeTimeoutMs, 'saving the checkpoint');
      savedPosition = checkpoint.position;
      savedAtReal = performance.now();
    } catch (error) {
      note('warn', 'the checkpoint was not saved', describe(error));
    }
  };

  const runTick = async (): Promise<TickReport> => {
    const counts = { sent: 0, retrying: 0, failed: 0, skipped: 0, waiting: 0 };
    let error: string | undefined;
    try {
      // Everything appended up to now first: a cancel that landed a moment before the due time wins.
      await projection.catchUp(store, settings.storeTimeoutMs);
    } catch (cause) {
      error = `the store could not be read, so nothing was sent: ${describe(cause)}`;
      note('warn', 'tick skipped', error);
    }
    const now = clock.now();
    const nowMs = Date.parse(now);
    let wakeMs = error === undefined ? Number.POSITIVE_INFINITY : nowMs + settings.holdMs;
    if (error === undefined) {
      take(now);
      const work = workOrder([...tasks.values()], dispatcherId);
      const account = (task: Task, result: Step): void => {
        if (result.kind === 'wait') {
          counts.waiting++;
          wakeMs = Math.min(wakeMs, Math.max(result.untilMs, nowMs + 1));
          return;
        }
        if (result.kind === 'retrying') {
          // The email stays a task: this dispatcher tries it again at its retry time.
          counts.retrying++;
          wakeMs = Math.min(wakeMs, projection.ledger.get(task.email.idempotencyKey)?.retryAtMs ?? nowMs + settings.holdMs);
          return;
        }
        tasks.delete(task.email.idempotencyKey);
        if (result.kind !== 'done') counts[result.kind]++;
      };
      // The emails of one delivery stream are stepped together: one claim append, one record append.
      const groups = new Map<string, Task[]>();
      for (const task of work) groups.set(task.stream, [...(groups.get(task.stream) ?? []), task]);
      const queue = [...groups.entries()];
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < queue.length) {
          const [stream, group] = queue[next++] as [string, Task[]];
          if (stopping) {
            counts.waiting += group.length;
            continue;
          }
          try {
            for (const [task, result] of await stepGroup(ctx, stream, group)) account(task, result);
          } catch (cause) {
            const holdUntilMs = Date.parse(clock.now()) + settings.holdMs;
            for (const task of group) task.holdUntilMs = holdUntilMs;
            counts.waiting += group.length;
            wakeMs = Math.min(wakeMs, holdUntilMs);
            note('error', `emails of ${stream} could not be handled; trying again later`, describe(cause));
          }
        }
      };
      await Promise.all(Array.from({ length: settings.concurrency }, worker));
    }
    const due = projection.plan.nextDueAt();
    if (due !== undefined) wakeMs = Math.min(wakeMs, Math.max(Date.parse(due), nowMs + 1));
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

  const subscribe = (state: Running): void => {
    state.subscribed = true;
    const subscription = store.subscribe(
      (stored) =>
        projection.exclusive(async () => {
          if (projection.absorb(stored) !== 'fact') return;
          // A new fact may make an email due at once: look now rather than at the planned wake-up.
          state.wakeRequested = true;
          state.wake.abort();
        }),
      { after: projection.position },
    );
    state.subscription = subscription;
    subscription.done.then(
      () => (state.subscribed = false),
      (cause: unknown) => {
        state.subscribed = false;
        if (!stopping) note('warn', 'the subscription to the store stopped; following it again', describe(cause));
      },
    );
  };

  const loop = async (state: Running): Promise<void> => {
    while (!stopping) {
      if (!state.subscribed) subscribe(state);
      const report = await tick();
      if (stopping) break;
      const nowMs = Date.parse(clock.now());
      const wakeMs = Math.min(report.nextWakeAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(report.nextWakeAt), nowMs + maxSleepMs);
      state.wake = new AbortController();
      if (state.wakeRequested) {
        state.wakeRequested = false;
        continue;
      }
      await clock.sleep(Math.max(0, wakeMs - nowMs), state.wake.signal);
      state.wakeRequested = false;
    }
  };

  return {
    async start() {
      if (running !== undefined) throw new Error(`dispatcher ${dispatcherId} is already started`);
      stopping = false;
      const checkpoint = await withDeadline(checkpoints.load(dispatcherId), settings.storeTimeoutMs, 'loading the checkpoint').catch((cause: unknown) => {
        note('warn', 'the checkpoint could not be loaded; catching up on the whole store', describe(cause));
        return undefined;
      });
      let since = 0;
      await projection.catchUp(store, settings.storeTimeoutMs, (kind, stored) => {
        if (kind !== 'old' && checkpoint !== undefined && stored.position > checkpoint.position) since++;
      });
      if (checkpoint !== undefined && projection.position < checkpoint.position) {
        note(
          'warn',
          'the store ends before this dispatcher checkpoint',
          `store at position ${projection.position}, checkpoint at ${checkpoint.position}: a store restored from a backup or another store? Emails whose records were lost go out again, with the same Message-ID`,
        );
      }
      note(
        'info',
        'dispatcher started',
        checkpoint === undefined
          ? `no checkpoint: folded the store up to position ${projection.position}`
          : `folded the store up to position ${projection.position}; ${since} events came after the checkpoint (position ${checkpoint.position}, last tick ${checkpoint.at})`,
      );
      const state: Running = { wake: new AbortController(), wakeRequested: false, subscription: undefined, subscribed: false, loop: Promise.resolve() };
      running = state;
      state.loop = loop(state).catch((cause: unknown) => note('error', 'the dispatcher loop stopped', describe(cause)));
    },

    async stop() {
      const state = running;
      stopping = true;
      if (state !== undefined) {
        state.wake.abort();
        await state.subscription?.close();
        await state.loop;
        running = undefined;
      }
      // A tick called directly may be in flight too: it finishes its sends and starts no new one.
      await ticks.run('tick', async () => undefined);
      // Fold our own last records too, so the checkpoint covers everything this run did.
      await projection.catchUp(store, settings.storeTimeoutMs).catch((cause: unknown) => note('warn', 'the store could not be read while stopping', describe(cause)));
      await saveCheckpoint(true);
      stopping = false;
      if (state !== undefined) note('info', 'dispatcher stopped', `checkpoint at position ${projection.position}`);
    },

    tick,

    emails(meetingId) {
      return emailViews(projection.plan.explain(meetingId), projection.ledger.ofMeeting(meetingId), (key) => tasks.get(key), Date.parse(clock.now()));
    },

    async idle() {
      if (running !== undefined) await tick();
      else await projection.catchUp(store, settings.storeTimeoutMs);
    },
  };
}
