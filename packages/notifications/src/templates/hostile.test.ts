import * as fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { compileTemplate, templateErrors, type CompiledTemplate, type TemplateScope } from '@rendezvous/notifications';
import { parseTemplate } from './parse';
// The one internal import: the security invariant is about the eta source itself.
import { generate } from './generate';

const body: TemplateScope = { notification: 'meeting-scheduled', audience: 'guest', part: 'body' };
const subject: TemplateScope = { ...body, part: 'subject' };
const flag = '__rendezvousPwned';
const globalsBefore = Object.getOwnPropertyNames(globalThis).sort();

let exit: jest.SpyInstance;
beforeEach(() => {
  exit = jest.spyOn(process, 'exit').mockImplementation(() => {
    throw new Error('a template called process.exit');
  });
});
afterEach(() => {
  expect(exit).not.toHaveBeenCalled();
  exit.mockRestore();
  expect((globalThis as Record<string, unknown>)[flag]).toBeUndefined();
});
afterAll(() => {
  expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(globalsBefore);
});

function compiled(source: string, scope: TemplateScope = body): CompiledTemplate {
  const result = compileTemplate(source, scope);
  if (E.isLeft(result)) throw new Error(`expected to compile: ${result.left.message}`);
  return result.right;
}

function refusal(source: string, scope: TemplateScope = body): string {
  const result = compileTemplate(source, scope);
  if (E.isRight(result)) throw new Error(`expected a refusal: ${source}`);
  return result.left.message;
}

// Everything the generated eta source may contain: our four tag shapes with integer indexes.
const ours = /^(?:<%~ it\.[tv]\(\d+\) %>|<% if \(it\.c\(\d+\)\) \{ %>|<% \} else \{ %>|<% \} %>)*$/;

describe('hostile templates: eta syntax in the admin\'s text is only text', () => {
  it.each([
    '<%= process.exit(1) %>',
    '<%~ it.constructor.constructor("return process")().exit(1) %>',
    `<%- globalThis.${flag} = true %>`,
    `<% globalThis.${flag} = true %>`,
    `<%_ globalThis.${flag} = 1 _%>`,
    `<%= include("/etc/passwd") %><% layout("/etc/passwd") %>`,
    `%>'); globalThis.${flag} = true; ('<%`,
    `\\'; globalThis.${flag} = true; //`,
    '`${globalThis.process.exit(1)}`',
    '<script>alert(1)</script><img src=x onerror=alert(1)>',
  ])('%s renders verbatim in both modes', (source) => {
    const t = compiled(`A ${source} B {{ meeting.id }}`);
    expect(t.render({ 'meeting.id': 'm-1' }, 'html')).toBe(`A ${source} B m-1`);
    expect(t.render({ 'meeting.id': 'm-1' }, 'subject')).toBe(`A ${source} B m-1`);
    expect(generate(parseTemplate(source).nodes).eta).toMatch(ours);
  });

  it('never gives eta anything but our own calls, whatever the template (property)', () => {
    const piece = fc.constantFrom(
      '{{', '}}', '{%', '%}', '<%', '%>', '<%=', '<%~', ' if ', ' else ', ' endif ', 'meeting.id', 'recipient.name',
      '|upper', '|nl2br', '==', '!=', "'", '"', '`', '\\', '\n', '\r\n', '${', ')', '(', ';', 'process.exit(1)', 'it.t(0)',
    );
    const template = fc.array(fc.oneof(piece, fc.string({ maxLength: 5, unit: 'grapheme' })), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(
      fc.property(template, (source) => {
        const parsed = parseTemplate(source);
        if (parsed.problems.length === 0) expect(generate(parsed.nodes).eta).toMatch(ours);
        const result = compileTemplate(source, body);
        if (E.isRight(result)) {
          expect(typeof result.right.render({ 'meeting.id': '<%= x %>', 'recipient.name': '\r\nBcc: x' }, 'html')).toBe('string');
          expect(result.right.render({ 'recipient.name': '\r\nBcc: x' }, 'subject')).not.toMatch(/[\r\n]/);
        } else {
          const lines = source.split(/\r\n|\r|\n/).length;
          expect(result.left.line).toBeGreaterThanOrEqual(1);
          expect(result.left.line).toBeLessThanOrEqual(lines);
          expect(result.left.message.startsWith(`body line ${result.left.line}, column ${result.left.column}: `)).toBe(true);
        }
      }),
      { numRuns: 200, seed: 20260302 },
    );
  });
});

describe('hostile templates: names outside the catalogue are refused, never looked up', () => {
  it.each([
    ['{{ constructor }}', 'unknown variable "constructor"; did you mean "company.name"?'],
    ['{{ __proto__.x }}', 'unknown variable "__proto__.x"; did you mean "meeting.id"?'],
    ['{{ __proto__ }}', 'unknown variable "__proto__"; did you mean "meeting.id"?'],
    ['{{ toString }}', 'unknown variable "toString"; did you mean "meeting.id"?'],
    ['{{ meeting.constructor }}', 'unknown variable "meeting.constructor"; did you mean "meeting.status"?'],
    ['{{ hasOwnProperty }}', 'unknown variable "hasOwnProperty"; did you mean "meeting.guests"?'],
    ['{% if constructor.name %}x{% endif %}', 'unknown variable "constructor.name"; did you mean "company.name"?'],
    ['{{ process.env.DATABASE_URL }}', 'unknown variable "process.env.DATABASE_URL"; did you mean "meeting.date"?'],
    ['{{ it }}', 'unknown variable "it"; did you mean "meeting.id"?'],
  ])('%s', (source, detail) => {
    expect(refusal(source)).toBe(`body line 1, column 1: ${detail}`);
  });

  it.each([
    ['{{ process.exit(1) }}', 'unexpected "(" in {{ process.exit(1) }}'],
    ['{{ it.t(0) }}', 'unexpected "(" in {{ it.t(0) }}'],
    ['{{ meeting.id; process.exit(1) }}', 'unexpected ";" in {{ meeting.id; process.exit(1) }}'],
    ['{{ meeting["constructor"] }}', 'unexpected "[" in {{ meeting["constructor"] }}'],
    ['{{ `${x}` }}', 'unexpected "`" in {{ `${x}` }}'],
    ['{{ this }}', 'unknown variable "this"; did you mean "meeting.id"?'],
    ['{{ a => a }}', '"=" is not an operator; did you mean "=="?'],
    ['{{ meeting.id || process }}', 'expected a filter name after "|" (nl2br, upper or lower)'],
    ['{{ meeting.id|constructor }}', 'unknown filter "constructor"; did you mean "upper"?'],
    ['{% if process.exit(1) %}{% endif %}', 'unexpected "(" in {% if process.exit(1) %}'],
    ['{% if meeting.id == process %}{% endif %}', `expected a string, number, true or false after "==", found "process"; did you mean 'process'?`],
  ])('%s', (source, detail) => {
    expect(refusal(source)).toBe(`body line 1, column 1: ${detail}`);
  });

  it('reads only own properties of the variables, even with a polluted prototype', () => {
    const t = compiled('[{{ recipient.name }}|{{ links.meeting }}]{% if meeting.description %}leak{% endif %}');
    const proto = Object.prototype as Record<string, unknown>;
    proto['links.meeting'] = 'https://evil.example/';
    proto['meeting.description'] = 'yes';
    try {
      expect(t.render(Object.create({ 'recipient.name': 'inherited' }) as Record<string, string>, 'html')).toBe('[|]');
      expect(t.render({ 'recipient.name': 'Ann' }, 'html')).toBe('[Ann|]');
    } finally {
      delete proto['links.meeting'];
      delete proto['meeting.description'];
    }
  });

  it('renders only strings, numbers and booleans: an object value with its own toString is empty', () => {
    let called = false;
    const sneaky = { toString: () => ((called = true), 'pwned') };
    const t = compiled('[{{ recipient.name }}]');
    expect(t.render({ 'recipient.name': sneaky as unknown as string }, 'html')).toBe('[]');
    expect(called).toBe(false);
  });
});

describe('hostile values and header injection', () => {
  const nasty = '<script>alert("x")</script> & \' <%= process.exit(1) %> {{ meeting.id }}';

  it('escapes markup in values and never evaluates template syntax inside them', () => {
    const t = compiled('<p title="{{ recipient.name }}">{{ recipient.name|nl2br }}</p>');
    expect(t.render({ 'recipient.name': `${nasty}\n" onmouseover="x` }, 'html')).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39; &lt;%= process.exit(1) %&gt; {{ meeting.id }}\n&quot; onmouseover=&quot;x">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39; &lt;%= process.exit(1) %&gt; {{ meeting.id }}<br>&quot; onmouseover=&quot;x</p>',
    );
  });

  it('keeps a subject on one line whatever breaks the template or the values hold', () => {
    const t = compiled('Your meeting\r\nBcc: evil@example.com\n\nwith {{ recipient.name }}\u2028{{ meeting.description }}', subject);
    const rendered = t.render(
      { 'recipient.name': 'Ann\r\nBcc: evil@example.com\r\n\r\n<b>body</b>', 'meeting.description': 'x\u0085y\u2029z\vw\f\u0000q\tend' },
      'subject',
    );
    expect(rendered).toBe('Your meeting Bcc: evil@example.com with Ann Bcc: evil@example.com <b>body</b> x y z w q end');
    // Control characters are exactly what must not survive.
    // eslint-disable-next-line no-control-regex
    expect(rendered).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });
});

describe('hostile shapes: depth, size, imbalance', () => {
  const nest = (depth: number): string => '{% if meeting.id %}('.repeat(depth) + 'x' + '){% endif %}'.repeat(depth);

  it('renders ifs nested 100 deep', () => {
    expect(compiled(nest(100)).render({ 'meeting.id': 'm' }, 'html')).toBe(`${'('.repeat(100)}x${')'.repeat(100)}`);
    expect(compiled(nest(100)).render({}, 'html')).toBe('');
  });

  it('refuses ifs nested deeper, at the first if too deep, even 5 000 deep', () => {
    const column = 1 + 100 * '{% if meeting.id %}('.length;
    expect(refusal(nest(101))).toBe(`body line 1, column ${column}: {% if %} nested more than 100 deep; simplify the template`);
    expect(refusal(nest(5_000))).toBe(`body line 1, column ${column}: {% if %} nested more than 100 deep; simplify the template`);
  });

  // How long these shapes take is measured by the bench (`pnpm bench --only 2`, hostile
  // templates against honest ones of the same size), not here: a timed unit test fails under load.
  it('compiles and renders a 200 KB template exactly', () => {
    const chunk = '<p>Dear {{ recipient.name|upper }}, {% if meeting.type.duration == 30 %}half an hour{% else %}other{% endif %}</p>\n';
    const source = chunk.repeat(Math.ceil(200_000 / chunk.length));
    expect(source.length).toBeGreaterThanOrEqual(200_000);
    const t = compiled(source);
    const html = t.render({ 'recipient.name': 'ann', 'meeting.type.duration': 30 }, 'html');
    expect(html).toBe('<p>Dear ANN, half an hour</p>\n'.repeat(Math.ceil(200_000 / chunk.length)));
  });

  it('finds the one error at the end of a 200 KB template, with its line and column', () => {
    const line = 'Hello {{ recipient.name }} and welcome.\n';
    const lines = Math.ceil(200_000 / line.length);
    expect(refusal(`${line.repeat(lines)}  {{ meeting.usr.name }}`)).toBe(
      `body line ${lines + 1}, column 3: unknown variable "meeting.usr.name"; did you mean "meeting.user.name"?`,
    );
  });

  it('answers 100 KB of unclosed openers and misspelt names with the first problem', () => {
    expect(refusal('{{'.repeat(50_000))).toBe('body line 1, column 1: unclosed "{{" (expected "}}")');
    expect(templateErrors('{{ x }}'.repeat(10_000), body)).toHaveLength(10_000);
    expect(refusal('{% if '.repeat(16_000))).toBe('body line 1, column 1: unclosed "{%" (expected "%}")');
    expect(refusal(`{{ ${'a.'.repeat(50_000)}b }}`)).toMatch(/^body line 1, column 1: unknown variable "a\.a\.a.*…"; did you mean "[a-zA-Z.]+"\?$/);
    expect(refusal('{{ x }}'.repeat(30_000))).toBe('body line 1, column 1: unknown variable "x"; did you mean "meeting.id"?');
  });

  it('refuses a template over the size limit without parsing it', () => {
    expect(refusal('x'.repeat(512 * 1024 + 1))).toBe('body line 1, column 1: the template is 524289 characters long; at most 524288 are allowed');
  });

  it.each([
    ['{{{{ meeting.id }}}}', 'body line 1, column 1: unclosed "{{" (expected "}}")'],
    ['}}{{', 'body line 1, column 3: unclosed "{{" (expected "}}")'],
    ['{{ meeting.id }', 'body line 1, column 1: unclosed "{{" (expected "}}")'],
    ['{{ meeting.id %}', 'body line 1, column 1: unclosed "{{" (expected "}}")'],
    ['{% if meeting.id }}x{% endif %}', 'body line 1, column 1: unclosed "{%" (expected "%}")'],
    ['{% if meeting.id %}{% if meeting.id %}x{% endif %}', 'body line 1, column 1: {% if %} opened at line 1, column 1 is never closed'],
    ['{% if meeting.id %}x{% endif %}{% endif %}', 'body line 1, column 32: {% endif %} without {% if %}'],
    ['{% else %}{% endif %}', 'body line 1, column 1: {% else %} without {% if %}'],
    ['{{{ meeting.id }}}', 'body line 1, column 1: unexpected "{" in {{ { meeting.id }}'],
  ])('%s', (source, message) => {
    expect(refusal(source)).toBe(message);
  });
});
