import { count, rate } from '../report/format';
import type { JobOutput } from '../report/row';
import type { AppendDiscipline } from '../postgres/disciplines';
import { dispatchBurst, type Burst } from './burst';

/** Sizes of the dispatcher burst workload. */
export interface DispatchParams {
  readonly meetings: number;
  readonly guests: number;
  /** Emails the dispatcher handles at once. */
  readonly concurrency: number;
  /** Bursts per discipline, taking turns. */
  readonly runs: number;
}

const workload = '7. Dispatcher burst';

const median = (bursts: readonly Burst[]): Burst => [...bursts].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(bursts.length / 2)] as Burst;

/** A dispatcher sending a burst of due emails, its delivery records appended side by side and, as before, one append at a time. */
export async function dispatchJob(params: DispatchParams): Promise<JobOutput> {
  const runs: Partial<Record<AppendDiscipline, Burst[]>> = { 'per-stream': [], 'schema-lock': [] };
  await dispatchBurst('per-stream', Math.min(50, params.meetings), params.guests, params.concurrency); // warm-up
  for (let run = 0; run < params.runs; run++) {
    for (const discipline of ['schema-lock', 'per-stream'] as const) {
      runs[discipline]?.push(await dispatchBurst(discipline, params.meetings, params.guests, params.concurrency));
    }
  }
  const now = median(runs['per-stream'] ?? []);
  const before = median(runs['schema-lock'] ?? []);
  const all = (bursts: readonly Burst[]): string => bursts.map((b) => b.perSecond.toFixed(0)).join(', ');
  return {
    rows: [
      {
        workload,
        scenario: `${count(now.emails)} emails due at once, dispatcher concurrency ${params.concurrency}`,
        library: `${rate(now.perSecond, 'emails')} (per-stream locks)`,
        baseline: `${rate(before.perSecond, 'emails')} (one lock per schema, as before)`,
        ratio: before.perSecond / now.perSecond,
        target: 'before/after',
        verdict: 'info',
      },
    ],
    notes: [
      `${count(params.meetings)} meetings with ${params.guests} guests each are booked at the same instant, so every confirmation is due at once; one dispatcher ` +
        `(concurrency ${params.concurrency}, the real renderer, an in-memory mailer) sends them all, appending a claim and an outcome per email batch to the PostgreSQL store. ` +
        `"As before" runs the same code with schema version 1's discipline put back in that bench schema: every append first takes the schema's one advisory lock ` +
        `and notifies inside its transaction. The two take turns, ${params.runs} bursts each; medians shown. All bursts, emails/s: ` +
        `per-stream ${all(runs['per-stream'] ?? [])}; one lock per schema ${all(runs['schema-lock'] ?? [])}.`,
    ],
  };
}
