import { createPlanner, type PlanningSession } from '@rendezvous/notifications';
import { median } from '../measure/stats';
import { count, duration } from '../report/format';
import type { JobOutput, Row } from '../report/row';
import { growSession, pendingPerMeeting } from './plans';

/** Sizes of the due-lookup workload. */
export interface DueParams {
  readonly sizes: readonly number[];
  /** Ticks per run; each sends one meeting's reminders. */
  readonly ticks: number;
  readonly runs: number;
}

interface TickCost {
  readonly perTickUs: number;
  readonly nextDueAtUs: number;
  readonly dueUs: number;
  readonly markSentUs: number;
  readonly advanceUs: number;
}

const workload = '4. Due lookup';

/** The operations a tick uses. */
type Ticking = Pick<PlanningSession, 'nextDueAt' | 'due' | 'markSent' | 'advance'>;

/** The dispatcher's loop: when is the next email due, what is due then, confirm each, advance. */
function ticks(plan: Ticking, n: number): TickCost {
  const spent = { next: 0, due: 0, mark: 0, advance: 0 };
  let sent = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    const now = plan.nextDueAt();
    spent.next += performance.now() - t;
    if (now === undefined) throw new Error('the plan ran out of pending emails');
    t = performance.now();
    const emails = plan.due(now);
    spent.due += performance.now() - t;
    t = performance.now();
    for (const email of emails) plan.markSent(email.key, now);
    spent.mark += performance.now() - t;
    t = performance.now();
    plan.advance(now);
    spent.advance += performance.now() - t;
    sent += emails.length;
  }
  if (sent !== n * pendingPerMeeting) throw new Error(`expected ${n * pendingPerMeeting} reminders, sent ${sent}`);
  const used = process.cpuUsage(cpu);
  const us = (ms: number): number => (ms * 1000) / n;
  return { perTickUs: (used.user + used.system) / n, nextDueAtUs: us(spent.next), dueUs: us(spent.due), markSentUs: us(spent.mark), advanceUs: us(spent.advance) };
}

/** Cost of one dispatcher tick on plans holding 10,000 to 1,000,000 pending emails. */
export async function dueJob(params: DueParams): Promise<JobOutput> {
  const planner = createPlanner();
  // Each tick sends one meeting's reminders: the smallest plan has only so many meetings.
  const n = Math.min(params.ticks, Math.floor(Math.min(...params.sizes) / pendingPerMeeting));
  // A session moves forward, so each run gets a session grown afresh to the size (not timed).
  let sessionBuildMs = 0;
  const sessions = measure(
    params,
    (size) => {
      const started = performance.now();
      const session = growSession(planner, size);
      sessionBuildMs = Math.max(sessionBuildMs, performance.now() - started);
      return session;
    },
    n,
  );
  const rows: Row[] = rowsOf(params, sessions, n, 'session, as the dispatcher holds it');
  const breakdown = (results: Map<number, TickCost>): string =>
    params.sizes
      .map((size) => {
        const c = results.get(size) as TickCost;
        return `${count(size)}: nextDueAt ${c.nextDueAtUs.toFixed(1)} µs, due ${c.dueUs.toFixed(1)} µs, markSent ×${pendingPerMeeting} ${c.markSentUs.toFixed(1)} µs, advance ${c.advanceUs.toFixed(1)} µs`;
      })
      .join('; ');
  return {
    rows,
    notes: [
      `Plans grown by folding bookings (one host and nine guests each, confirmations switched off so only the ten reminders stay pending) ` +
        `to ${params.sizes.map(count).join(', ')} pending emails, afresh for every run (the largest in ${duration(sessionBuildMs)}). ` +
        `A tick is what the live dispatcher does: nextDueAt, due at that instant, markSent for each email, advance.`,
      `Per tick, wall time by call (medians): ${breakdown(sessions)}.`,
    ],
  };
}

/** Median tick costs per size; the sizes take turns run by run, so neither the JIT nor outside load favours one. */
function measure(params: DueParams, start: (size: number) => Ticking, n: number): Map<number, TickCost> {
  for (const size of params.sizes) ticks(start(size), n); // warm-up
  const runs = new Map<number, TickCost[]>(params.sizes.map((size) => [size, []]));
  for (let r = 0; r < params.runs; r++) {
    for (const size of params.sizes) {
      const plan = start(size);
      runs.get(size)?.push(ticks(plan, n));
    }
  }
  const results = new Map<number, TickCost>();
  for (const [size, all] of runs) {
    const pick = (key: keyof TickCost): number => median(all.map((r) => r[key]));
    results.set(size, { perTickUs: pick('perTickUs'), nextDueAtUs: pick('nextDueAtUs'), dueUs: pick('dueUs'), markSentUs: pick('markSentUs'), advanceUs: pick('advanceUs') });
  }
  return results;
}

/** One row per size, against the smallest size of the same kind. */
function rowsOf(params: DueParams, results: Map<number, TickCost>, n: number, kind: string): Row[] {
  const smallest = results.get(params.sizes[0] ?? 0) as TickCost;
  return params.sizes.map((size) => {
    const cost = results.get(size) as TickCost;
    const ratio = cost.perTickUs / smallest.perTickUs;
    return {
      workload,
      scenario: `${count(size)} pending emails, ${kind}, ${count(n)} ticks (median of ${params.runs})`,
      library: `${duration(cost.perTickUs / 1000)} CPU per tick of ${pendingPerMeeting} emails`,
      baseline: size === params.sizes[0] ? 'reference size' : `${duration(smallest.perTickUs / 1000)} at ${count(params.sizes[0] ?? 0)}`,
      ratio,
      target: '≤ 2x (flat)',
      verdict: ratio <= 2 ? 'met' : 'missed',
    };
  });
}
