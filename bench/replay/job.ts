import { generateHistory } from '../history/generate';
import { compare, sample, timedOf } from '../measure/timing';
import { count, duration, rate, times } from '../report/format';
import { within, type JobOutput, type Row } from '../report/row';
import { replayByHand } from './baseline';
import { replayWithPlanner } from './library';
import { differences, fingerprint, type SentEmail } from './sent';
import { readBack, serializers, storeHistory } from './stored';

/** Sizes of the replay workload. */
export interface ReplayParams {
  readonly meetings: number;
  readonly runs: number;
  /** Stop timing more rounds after this long. */
  readonly budgetMs: number;
  /** Meetings of the smaller history replayed from stored (plain and encrypted) records. */
  readonly storedMeetings: number;
}

const workload = '1. Replay';
const thirtyDays = 30 * 24 * 60 * 60 * 1000;
const untilOf = (events: readonly { occurredAt: string }[]): number => Date.parse(events[events.length - 1]?.occurredAt ?? '') + thirtyDays;

/** Replay through the planner against a hand-written reducer, then the encrypted decode path. */
export async function replayJob(params: ReplayParams): Promise<JobOutput> {
  const notes: string[] = [];
  const started = performance.now();
  const history = generateHistory(params.meetings);
  const { events } = history;
  const until = untilOf(events);
  const scenario = `${count(events.length)} events, ${count(params.meetings)} meetings`;

  // The first run of each is also the proof: both must send the same emails. On a large history
  // a library run takes minutes, so that first run counts as a timed run (its JIT warm-up is a
  // fraction of a percent of it); more rounds follow while the time budget lasts. Only digests
  // of the outputs are kept, so neither run pays for the other's emails in its garbage collections.
  let emails: SentEmail[] = [];
  const baselineRuns = [await sample(() => (emails = replayByHand(events, until)))];
  const expected = fingerprint(emails);
  emails = [];
  const libraryRuns = [await sample(() => (emails = replayWithPlanner(events, until)))];
  const sent = emails.length;
  const actual = fingerprint(emails);
  emails = [];
  if (actual !== expected) {
    const diff = differences(replayWithPlanner(events, until), replayByHand(events, until)) ?? 'same emails, different digests';
    notes.push(`The library and the baseline sent different emails:\n${diff}`);
    return { rows: [{ workload, scenario, library: 'different emails', baseline: '', target: '≤ 2x', verdict: 'failed' }], notes };
  }
  notes.push(
    `History: ${count(events.length)} events (${count(history.accounts)} accounts with every pair customized, ${count(history.hosts)} hosts), ` +
      `${count(sent)} emails sent by both runs (asserted equal as sets of key, time and address).`,
  );
  // Another round only if one more library run fits in what is left of the budget.
  const left = params.budgetMs - (performance.now() - started);
  const more = await compare(
    { runs: left > (libraryRuns[0]?.wallMs ?? 0) * 1.5 ? params.runs - 1 : 0, budgetMs: left, warmedUp: true },
    () => replayByHand(events, until),
    () => replayWithPlanner(events, until),
  );
  // The baseline is cheap: give it as many runs as the library got, and at least three.
  while (baselineRuns.length + more.baseline.runs.length < 3) baselineRuns.push(await sample(() => replayByHand(events, until)));
  const timed = { baseline: timedOf([...baselineRuns, ...more.baseline.runs]), library: timedOf([...libraryRuns, ...more.library.runs]) };
  const ratio = timed.library.cpuMs / timed.baseline.cpuMs;
  const rows: Row[] = [
    {
      workload,
      scenario: `${scenario}, in memory (median of ${timed.library.runs.length} / ${timed.baseline.runs.length})`,
      library: `${rate((events.length * 1000) / timed.library.cpuMs, 'events')} (${duration(timed.library.cpuMs)} CPU)`,
      baseline: `${rate((events.length * 1000) / timed.baseline.cpuMs, 'events')} (${duration(timed.baseline.cpuMs)} CPU)`,
      ratio,
      target: '≤ 2x',
      verdict: within(ratio, 2),
    },
  ];
  notes.push(
    `In memory: library ${duration(timed.library.wallMs)} wall / ${duration(timed.library.cpuMs)} CPU, ` +
      `baseline ${duration(timed.baseline.wallMs)} wall / ${duration(timed.baseline.cpuMs)} CPU (medians; ratio on CPU time, ${times(timed.library.wallMs / timed.baseline.wallMs)} on wall time).`,
  );
  rows.push(...(await storedRows(params, notes)));
  return { rows, notes };
}

/** Replay from stored records: decoding (plain JSON, or decrypting every personal field) plus planning. */
async function storedRows(params: ReplayParams, notes: string[]): Promise<Row[]> {
  const { events } = generateHistory(params.storedMeetings);
  const until = untilOf(events);
  const { plain, encrypted } = serializers();
  const plainRecords = await storeHistory(events, plain);
  const encryptedRecords = await storeHistory(events, encrypted);
  const decodePlain = () => readBack(plainRecords, plain);
  const decodeEncrypted = () => readBack(encryptedRecords, encrypted);
  const decoding = await compare({ runs: params.runs, budgetMs: params.budgetMs }, decodePlain, decodeEncrypted);
  const decoded = await decodePlain();
  const replaying = await compare(
    { runs: params.runs, budgetMs: params.budgetMs },
    async () => replayWithPlanner(await decodePlain(), until),
    async () => replayWithPlanner(await decodeEncrypted(), until),
  );
  const planOnly = await sample(() => replayWithPlanner(decoded, until));
  const scenario = `${count(events.length)} stored events`;
  const perEvent = (ms: number): string => `${((ms * 1000) / events.length).toFixed(1)} µs/event`;
  notes.push(
    `Stored records (${scenario}): decoding alone costs ${perEvent(decoding.library.cpuMs)} encrypted against ${perEvent(decoding.baseline.cpuMs)} plain; ` +
      `planning the decoded events costs ${perEvent(planOnly.cpuMs)}.`,
  );
  const ratio = replaying.library.cpuMs / replaying.baseline.cpuMs;
  return [
    {
      workload,
      scenario: `${scenario}: decode + replay, encrypted vs plain JSON`,
      library: `${rate((events.length * 1000) / replaying.library.cpuMs, 'events')} encrypted`,
      baseline: `${rate((events.length * 1000) / replaying.baseline.cpuMs, 'events')} plain`,
      ratio,
      target: 'overhead',
      verdict: 'info',
    },
  ];
}
