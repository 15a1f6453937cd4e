import { compileTemplate, templateErrors, type TemplateScope } from '@rendezvous/notifications';
import { compare } from '../measure/timing';
import { count, duration } from '../report/format';
import { within, type JobOutput } from '../report/row';

// What an untrusted admin may type must cost about what an honest template of the same size
// costs: no shape may make the checker or the compiler go quadratic. The unit tests
// (templates/hostile.test.ts) check what each shape gives; this times them, against honest
// templates of the same lengths checked and compiled in the same run.

const workload = '2. Rendering';
const body: TemplateScope = { notification: 'meeting-scheduled', audience: 'guest', part: 'body' };
const nest = (depth: number): string => '{% if meeting.id %}('.repeat(depth) + 'x' + '){% endif %}'.repeat(depth);
const validChunk = '<p>Dear {{ recipient.name|upper }}, {% if meeting.type.duration == 30 %}half an hour{% else %}other{% endif %}</p>\n';

/** The shapes of hostile.test.ts: what each is, its source, and what the checker must say. */
const shapes: readonly { readonly what: string; readonly source: string; readonly expect: (source: string) => boolean }[] = [
  { what: 'ifs nested 5,000 deep', source: nest(5_000), expect: (s) => refusedWith(s, 'nested more than 100 deep') },
  { what: '50,000 unclosed "{{"', source: '{{'.repeat(50_000), expect: (s) => refusedWith(s, 'unclosed "{{"') },
  { what: '16,000 unclosed "{% if"', source: '{% if '.repeat(16_000), expect: (s) => refusedWith(s, 'unclosed "{%"') },
  { what: 'a 100 KB variable name', source: `{{ ${'a.'.repeat(50_000)}b }}`, expect: (s) => refusedWith(s, 'unknown variable') },
  { what: '30,000 unknown variables', source: '{{ x }}'.repeat(30_000), expect: (s) => refusedWith(s, 'unknown variable "x"') },
  { what: '10,000 errors listed', source: '{{ x }}'.repeat(10_000), expect: (s) => templateErrors(s, body).length === 10_000 },
  { what: 'a 200 KB valid template', source: validChunk.repeat(Math.ceil(200_000 / validChunk.length)), expect: (s) => compiles(s) },
];

function refusedWith(source: string, words: string): boolean {
  const result = compileTemplate(source, body);
  return result._tag === 'Left' && result.left.message.includes(words);
}

function compiles(source: string): boolean {
  const result = compileTemplate(source, body);
  return result._tag === 'Right' && result.right.render({ 'recipient.name': 'ann', 'meeting.type.duration': 30 }, 'html').length > 0;
}

/** An honest template of at least `length` characters. */
function honest(length: number): string {
  const line = 'Hello {{ recipient.name }}, {% if meeting.description %}{{ meeting.description|nl2br }}{% endif %} see you.\n';
  return line.repeat(Math.ceil(length / line.length));
}

/** Times every hostile shape against honest templates of the same lengths, checked and compiled. */
export async function hostileTemplatesJob(params: { readonly runs: number; readonly budgetMs: number }): Promise<JobOutput> {
  let round = 0;
  // Compiled templates are cached by their text: each round changes the first characters of
  // the ones that compile, so every round compiles for real.
  const fresh = (source: string): string => `r${round} ${source}`;
  const wrong = shapes.filter((s) => !s.expect(fresh(s.source))).map((s) => s.what);
  const honestOnes = shapes.map((s) => honest(s.source.length));
  if (wrong.length > 0 || !honestOnes.every((s) => compiles(fresh(s)))) {
    return {
      rows: [{ workload, scenario: 'hostile templates', library: 'wrong answer', baseline: '', target: '≤ 4x', verdict: 'failed' }],
      notes: [`Hostile templates that did not give the expected answer: ${wrong.join(', ') || 'none (an honest template did not compile)'}.`],
    };
  }
  const characters = shapes.reduce((sum, s) => sum + s.source.length, 0);
  const timed = await compare(
    { runs: params.runs, budgetMs: params.budgetMs },
    () => {
      round += 1;
      for (const source of honestOnes) compiles(fresh(source));
    },
    () => {
      round += 1;
      for (const shape of shapes) shape.expect(fresh(shape.source));
    },
  );
  const ratio = timed.library.cpuMs / timed.baseline.cpuMs;
  return {
    rows: [
      {
        workload,
        scenario: `${shapes.length} hostile templates, ${count(Math.round(characters / 1000))} KB (median of ${timed.library.runs.length})`,
        library: duration(timed.library.cpuMs),
        baseline: `${duration(timed.baseline.cpuMs)} honest, same sizes`,
        ratio,
        target: '≤ 4x',
        verdict: within(ratio, 4),
      },
    ],
    notes: [
      `Hostile templates (${shapes.map((s) => s.what).join('; ')}) checked, and refused or compiled and rendered, against honest templates of the same ` +
        `lengths checked, compiled and rendered: the checker and compiler must stay linear whatever an admin types. Each answer was checked before timing.`,
    ],
  };
}
