import { relative } from 'node:path';
import type { DemoRun, Happened } from './run-demo';
import { table } from './table';
import { when, withReadableTimes } from './when';

function happenedRows(step: Happened): string[][] {
  const first = [when(step.at), step.who, step.what];
  const notes =
    step.outcome.kind === 'refused'
      ? [`refused (${step.outcome.errorType}): ${step.outcome.message}`]
      : step.warnings.length > 0
        ? step.warnings
        : [];
  return [first, ...notes.map((note) => ['', '', `-> ${note}`])];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The demo's report: what happened, who received which email, what was withheld and why, where the emails are. */
export function timeline(run: DemoRun, cwd: string = process.cwd()): string[] {
  const refused = run.happened.filter((h) => h.outcome.kind === 'refused').length;
  const shownOutbox = relative(cwd, run.outbox).startsWith('..') ? run.outbox : `./${relative(cwd, run.outbox)}`;
  const lines = [
    'Rendezvous demo: three days at Northwind Advisory, on a virtual clock.',
    'In-memory event store, the live dispatcher, and an .eml folder instead of a mail server.',
    'All times below are UTC. Subjects show each recipient\'s own zone and language:',
    'Anna is in Amsterdam, Ben in London, Sam in New York, Tom in Berlin; Lotte reads Dutch.',
    'In the tables, audience "user" is the meeting\'s host.',
    '',
    `What happened (${plural(run.happened.length, 'command')}, ${refused} refused by the rules)`,
    ...table(
      ['When', 'Who', 'What'],
      run.happened.flatMap(happenedRows),
    ),
    '',
    `Emails sent (${run.sent.length})`,
    ...table(
      ['When', 'Meeting', 'Notification', 'Audience', 'To', 'Subject'],
      run.sent.map((e) => [when(e.sentAt), e.meetingId, e.notification, e.audience, e.recipient, e.subject]),
    ),
    '',
    `Emails withheld (${run.withheld.length}), as the dispatcher explains them`,
    ...table(
      ['Due', 'Meeting', 'Notification', 'Audience', 'To', 'Why'],
      run.withheld.map((e) => [when(e.dueAt), e.meetingId, e.notification, e.audience, e.recipient, withReadableTimes(e.reason)]),
    ),
  ];
  if (run.planned.length > 0) {
    lines.push(
      '',
      `Still planned when the clock stopped (${run.planned.length})`,
      ...table(
        ['Due', 'Meeting', 'Notification', 'Audience', 'To', 'State'],
        run.planned.map((e) => [when(e.dueAt), e.meetingId, e.notification, e.audience, e.recipient, withReadableTimes(e.reason)]),
      ),
    );
  }
  if (run.problems.length > 0) lines.push('', 'The dispatcher reported problems', ...run.problems.map((p) => `  ${p}`));
  lines.push(
    '',
    'Where the emails are',
    `  ${plural(run.sent.length, 'email')} in ${shownOutbox}: each as .eml (what a mail server would get), .html and .json.`,
    `  Open the list in a browser:  ${run.index}`,
    `  (Linux: xdg-open ${run.index}   macOS: open ${run.index})`,
    '  Click a subject to read the email; the .eml files open in any mail client.',
  );
  return lines;
}
