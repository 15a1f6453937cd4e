import { isDeepStrictEqual } from 'node:util';
import { compileTemplate, createRenderer } from '@rendezvous/notifications';
import { compare } from '../measure/timing';
import { count, duration, rate } from '../report/format';
import { within, type JobOutput } from '../report/row';
import { renderByHand } from './baseline/email';
import { dueEmails } from './emails';
import { hostileTemplatesJob } from './hostile';
import { customPairs } from './templates';

/** Sizes of the rendering workload. */
export interface RenderingParams {
  readonly emails: number;
  readonly runs: number;
  readonly budgetMs: number;
}

const workload = '2. Rendering';
const secret = 'bench-link-secret';

/** Renders real due emails against the same emails built by hand, then times hostile templates. */
export async function renderingJob(params: RenderingParams): Promise<JobOutput> {
  const emails = await emailsJob(params);
  const hostile = await hostileTemplatesJob(params);
  return { rows: [...emails.rows, ...hostile.rows], notes: [...emails.notes, ...hostile.notes] };
}

/** Renders real due emails with customized templates, against the same emails built by hand. */
async function emailsJob(params: RenderingParams): Promise<JobOutput> {
  // A customized template the library could not compile would silently render the built-in one.
  for (const pair of customPairs) {
    for (const [part, source] of [['subject', pair.subject], ['body', pair.body]] as const) {
      const compiled = compileTemplate(source, { notification: pair.notification, audience: pair.audience, part });
      if (compiled._tag === 'Left') throw new Error(`the benchmark's ${pair.audience}/${pair.notification} ${part} does not compile: ${compiled.left.message}`);
    }
  }
  const emails = dueEmails(Math.ceil(params.emails / 10), params.emails);
  const renderer = createRenderer({ linkSecret: secret });
  const mismatches = emails.filter(({ email, sentAt }) => !isDeepStrictEqual(renderer.render(email, sentAt), renderByHand(email, sentAt, secret)));
  const scenario = `${count(emails.length)} emails, every pair customized`;
  if (mismatches.length > 0) {
    const first = mismatches[0];
    return {
      rows: [{ workload, scenario, library: 'different output', baseline: '', target: '≤ 3x', verdict: 'failed' }],
      notes: [`${mismatches.length} emails differ from the hand-built ones, the first ${first?.email.idempotencyKey ?? ''}.`],
    };
  }
  const timed = await compare(
    { runs: params.runs, budgetMs: params.budgetMs, warmedUp: true },
    () => {
      for (const { email, sentAt } of emails) renderByHand(email, sentAt, secret);
    },
    () => {
      for (const { email, sentAt } of emails) renderer.render(email, sentAt);
    },
  );
  const ratio = timed.library.cpuMs / timed.baseline.cpuMs;
  const kinds = new Set(emails.map(({ email }) => `${email.audience}/${email.notification}/${email.recipient.locale}`));
  return {
    rows: [
      {
        workload,
        scenario: `${scenario} (median of ${timed.library.runs.length})`,
        library: `${rate((emails.length * 1000) / timed.library.cpuMs, 'emails')} (${((timed.library.cpuMs * 1000) / emails.length).toFixed(0)} µs each)`,
        baseline: `${rate((emails.length * 1000) / timed.baseline.cpuMs, 'emails')} (${((timed.baseline.cpuMs * 1000) / emails.length).toFixed(0)} µs each)`,
        ratio,
        target: '≤ 3x',
        verdict: within(ratio, 3),
      },
    ],
    notes: [
      `${count(emails.length)} due emails from the planner (${kinds.size} kinds of audience, notification and locale), each rendered to subject, HTML, text and, ` +
        `for scheduled, rescheduled and cancelled, an ICS invitation. Every one was checked equal, field by field, to the hand-built email before timing.`,
      `Library ${duration(timed.library.wallMs)} wall / ${duration(timed.library.cpuMs)} CPU per pass, baseline ${duration(timed.baseline.wallMs)} wall / ${duration(timed.baseline.cpuMs)} CPU (medians).`,
    ],
  };
}
