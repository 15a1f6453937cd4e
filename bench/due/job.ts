import type { Plan, Planner } from '@rendezvous/notifications';
import { median } from '../measure/stats';
import { count, duration } from '../report/format';
import type { JobOutput, Row } from '../report/row';
import { growPlans, pendingPerMeeting } from './plans';

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

/** The dispatcher's loop from a plan: when is the next email due, what is due then, confirm each, advance. */
function ticks(planner: Planner, start: Plan, n: number): TickCost {
  const spent = { next: 0, due: 0, mark: 0, advance: 0 };
  let plan = start;
  let sent = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    const now = planner.nextDueAt(plan);
    spent.next += performance.now() - t;
    if (now === undefined) throw new Error('the plan ran out of pending emails');
    t = performance.now();
    const emails = planner.due(plan, now);
    spent.due += performance.now() - t;
    t = performance.now();
    for (const email of emails) plan = planner.markSent(plan, email.idempotencyKey, now);
    spent.mark += performance.now() - t;
    t = performance.now();
    plan = planner.advance(plan, now);
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
  const { planner, plans, buildMs } = growPlans(params.sizes);
  // Each tick sends one meeting's reminders: the smallest plan has only so many meetings.
  const n = Math.min(params.ticks, Math.floor(Math.min(...params.sizes) / pendingPerMeeting));
  for (const size of params.sizes) ticks(planner, plans.get(size) as Plan, n); // warm-up
  // The sizes take turns run by run, so neither the JIT nor outside load favours one of them.
  const runs = new Map<number, TickCost[]>(params.sizes.map((size) => [size, []]));
  for (let r = 0; r < params.runs; r++) {
    for (const size of params.sizes) runs.get(size)?.push(ticks(planner, plans.get(size) as Plan, n));
  }
  const results = new Map<number, TickCost>();
  for (const [size, all] of runs) {
    const pick = (key: keyof TickCost): number => median(all.map((r) => r[key]));
    results.set(size, { perTickUs: pick('perTickUs'), nextDueAtUs: pick('nextDueAtUs'), dueUs: pick('dueUs'), markSentUs: pick('markSentUs'), advanceUs: pick('advanceUs') });
  }
  const smallest = results.get(params.sizes[0] ?? 0) as TickCost;
  const rows: Row[] = params.sizes.map((size) => {
    const cost = results.get(size) as TickCost;
    const ratio = cost.perTickUs / smallest.perTickUs;
    return {
      workload,
      scenario: `${count(size)} pending emails, ${count(n)} ticks (median of ${params.runs})`,
      library: `${duration(cost.perTickUs / 1000)} CPU per tick of ${pendingPerMeeting} emails`,
      baseline: size === params.sizes[0] ? 'reference size' : `${duration(smallest.perTickUs / 1000)} at ${count(params.sizes[0] ?? 0)}`,
      ratio,
      target: '≤ 2x (flat)',
      verdict: ratio <= 2 ? 'met' : 'missed',
    };
  });
  const breakdown = params.sizes
    .map((size) => {
      const c = results.get(size) as TickCost;
      return `${count(size)}: nextDueAt ${c.nextDueAtUs.toFixed(1)} µs, due ${c.dueUs.toFixed(1)} µs, markSent ×${pendingPerMeeting} ${c.markSentUs.toFixed(1)} µs, advance ${c.advanceUs.toFixed(1)} µs`;
    })
    .join('; ');
  return {
    rows,
    notes: [
      `Plans grown by folding bookings (one host and nine guests each, confirmations switched off so only the ten reminders stay pending) ` +
        `to ${params.sizes.map(count).join(', ')} pending emails in ${duration(buildMs)}; the smaller plans are earlier versions of the same persistent plan. ` +
        `A tick is what the live dispatcher does: nextDueAt, due at that instant, markSent for each email, advance.`,
      `Per tick, wall time by call (medians): ${breakdown}.`,
    ],
  };
}
