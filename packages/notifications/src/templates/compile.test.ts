import * as E from 'fp-ts/Either';
import { compileTemplate, templateErrors, type TemplateError, type TemplateScope } from '@rendezvous/notifications';

const body: TemplateScope = { notification: 'meeting-scheduled', audience: 'guest', part: 'body' };
const subject: TemplateScope = { ...body, part: 'subject' };

function compiled(source: string, scope: TemplateScope = body) {
  const result = compileTemplate(source, scope);
  if (E.isLeft(result)) throw new Error(`expected to compile: ${result.left.message}`);
  return result.right;
}

function error(source: string, scope: TemplateScope = body): TemplateError {
  const result = compileTemplate(source, scope);
  if (E.isRight(result)) throw new Error('expected an error');
  return result.left;
}

describe('compileTemplate: errors', () => {
  it('names an unknown variable, its tag position and the closest valid name', () => {
    expect(error('Hello,\n\nSee you {{ meeting.usr.name }}')).toEqual({
      type: 'TemplateError',
      part: 'body',
      line: 3,
      column: 9,
      construct: 'meeting.usr.name',
      suggestion: 'meeting.user.name',
      message: 'body line 3, column 9: unknown variable "meeting.usr.name"; did you mean "meeting.user.name"?',
    });
  });

  it('says which notification a variable belongs to', () => {
    expect(error('{{ cancellationReason }}', subject)).toEqual({
      type: 'TemplateError',
      part: 'subject',
      line: 1,
      column: 1,
      construct: 'cancellationReason',
      message: 'subject line 1, column 1: "cancellationReason" is only available in meeting-cancelled',
    });
    expect(error('{% if links.review %}x{% endif %}', { ...body, notification: 'wrap-up' }).message).toBe(
      'body line 1, column 1: "links.review" is only available in review',
    );
    expect(E.isRight(compileTemplate('{{ cancellationReason }}', { ...subject, notification: 'meeting-cancelled' }))).toBe(true);
  });

  it('finds the closest name among those available to the notification', () => {
    expect(error('{{ reschedulingReasn }}', { ...body, notification: 'meeting-rescheduled' }).suggestion).toBe('reschedulingReason');
    expect(error('{{ wrapUp }}', { ...body, notification: 'wrap-up' }).suggestion).toBe('wrapup');
    expect(error('{{ user.name }}').suggestion).toBe('meeting.user.name');
    expect(error('{{ Meeting.User.Name }}').suggestion).toBe('meeting.user.name');
  });

  it.each([
    ['a\n b {{ x', 2, 4, '{{', 'unclosed "{{" (expected "}}")'],
    ['{{ x {{ meeting.id }}', 1, 1, '{{', 'unclosed "{{" (expected "}}")'],
    ['\n\n  {% if meeting.id', 3, 3, '{%', 'unclosed "{%" (expected "%}")'],
    ['{{ meeting.id|shout }}', 1, 1, 'shout', 'unknown filter "shout"; did you mean "upper"?'],
    ['{{ meeting.id|lowr }}', 1, 1, 'lowr', 'unknown filter "lowr"; did you mean "lower"?'],
    ['{{ meeting.id|nl2b }}', 1, 1, 'nl2b', 'unknown filter "nl2b"; did you mean "nl2br"?'],
    ['x\n{% endif %}', 2, 1, '{% endif %}', '{% endif %} without {% if %}'],
    ['{% else %}', 1, 1, '{% else %}', '{% else %} without {% if %}'],
    ['{% if meeting.id %}x', 1, 1, '{% if %}', '{% if %} opened at line 1, column 1 is never closed'],
    ['{% if meeting.id %}{% else %}{% else %}{% endif %}', 1, 30, '{% else %}', 'second {% else %} in the {% if %} opened at line 1, column 1'],
    ['{% endfi %}', 1, 1, 'endfi', 'unknown tag "{% endfi %}"; expected if, else or endif; did you mean "endif"?'],
    ['{% for x in y %}', 1, 1, 'for', 'unknown tag "{% for %}"; expected if, else or endif'],
    ['{% %}', 1, 1, '{% %}', 'expected if, else or endif after "{%"'],
    ['{{ }}', 1, 1, '{{ }}', 'empty "{{ }}"; write a variable name inside, e.g. {{ meeting.user.name }}'],
    ['{{ "x" }}', 1, 1, '"x"', 'expected a variable name in {{ }}, found "\\"x\\""'],
    ['{{ meeting.id meeting.status }}', 1, 1, 'meeting.status', 'unexpected "meeting.status" after "meeting.id"; expected "|" and a filter, or "}}"'],
    ['{{ meeting.id | }}', 1, 1, '|', 'expected a filter name after "|" (nl2br, upper or lower)'],
    ['{{ meeting. }}', 1, 1, 'meeting.', 'expected a name after "." in "meeting."'],
    ['{{ meeting[0] }}', 1, 1, '[', 'unexpected "[" in {{ meeting[0] }}'],
    ['{% if %}{% endif %}', 1, 1, 'if', 'expected a variable name after "if"'],
    ['{% if meeting.id = 1 %}{% endif %}', 1, 1, '=', '"=" is not an operator; did you mean "=="?'],
    ['{% if meeting.id === 1 %}{% endif %}', 1, 1, '===', '"===" is not an operator; did you mean "=="?'],
    ['{% if meeting.id !== 1 %}{% endif %}', 1, 1, '!==', '"!==" is not an operator; did you mean "!="?'],
    ['{% if meeting.id == %}{% endif %}', 1, 1, '==', 'expected a string, number, true or false after "=="'],
    ["{% if meeting.status == live %}{% endif %}", 1, 1, 'live', `expected a string, number, true or false after "==", found "live"; did you mean 'live'?`],
    ["{% if meeting.status == 'live %}{% endif %}", 1, 1, "'", `unclosed string literal (expected a closing ' before "%}")`],
    ['{% if meeting.id meeting.status %}{% endif %}', 1, 1, 'meeting.status', 'unexpected "meeting.status" after "meeting.id"; expected "==", "!=" or "%}"'],
    ['{% if meeting.id == 1 2 %}{% endif %}', 1, 1, '2', 'unexpected "2"; {% if %} takes one variable and at most one comparison'],
    ['{% endif x %}', 1, 1, 'x', 'unexpected "x" in {% endif %}; it takes nothing else'],
  ])('%j: line %i, column %i, %s', (source, line, column, construct, detail) => {
    const e = error(source);
    expect({ line: e.line, column: e.column, construct: e.construct, message: e.message }).toEqual({
      line,
      column,
      construct,
      message: `body line ${line}, column ${column}: ${detail}`,
    });
  });

  it('reports the first error in source order, and templateErrors lists them all', () => {
    const source = '{{ meeting.id|loud }}\n{% if nope %}{{ wrapup }}{% endif %}\n{% endif %}';
    expect(error(source).message).toBe('body line 1, column 1: unknown filter "loud"; did you mean "upper"?');
    expect(templateErrors(source, body).map((e) => e.message)).toEqual([
      'body line 1, column 1: unknown filter "loud"; did you mean "upper"?',
      'body line 2, column 1: unknown variable "nope"; did you mean "company.name"?',
      'body line 2, column 14: "wrapup" is only available in wrap-up',
      'body line 3, column 1: {% endif %} without {% if %}',
    ]);
    expect(templateErrors('{{ meeting.id }}', body)).toEqual([]);
  });

  it('reports an unclosed if before the errors inside it', () => {
    expect(error('{% if meeting.id %}\n{{ nope }}').message).toBe('body line 1, column 1: {% if %} opened at line 1, column 1 is never closed');
  });
});

describe('compileTemplate: rendering', () => {
  const vars = {
    'recipient.name': 'Ann & "Bo" <b>O\'Neil</b>',
    'meeting.description': 'line one\r\nline <two>\nthree',
    'meeting.type.duration': 30,
    'meeting.isCreatedByGuest': true,
    'meeting.status': 'scheduled',
    'meeting.user.phone': '',
  };

  it('escapes values in html mode and passes the admin\'s own HTML through', () => {
    const t = compiled('<p class="x">Hi {{ recipient.name }}</p>');
    expect(t.render(vars, 'html')).toBe('<p class="x">Hi Ann &amp; &quot;Bo&quot; &lt;b&gt;O&#39;Neil&lt;/b&gt;</p>');
  });

  it('turns line breaks into <br> after escaping with nl2br, and leaves them alone without it', () => {
    expect(compiled('{{ meeting.description|nl2br }}').render(vars, 'html')).toBe('line one<br>line &lt;two&gt;<br>three');
    expect(compiled('{{ meeting.description }}').render(vars, 'html')).toBe('line one\r\nline &lt;two&gt;\nthree');
  });

  it('applies upper and lower, chained in order, and ignores nl2br in a subject', () => {
    expect(compiled('{{ recipient.name|upper }}').render({ 'recipient.name': 'straße é' }, 'html')).toBe('STRASSE É');
    expect(compiled('{{ recipient.name|lower }}').render({ 'recipient.name': 'ÀB' }, 'html')).toBe('àb');
    expect(compiled('{{ meeting.description|upper|nl2br }}').render(vars, 'html')).toBe('LINE ONE<br>LINE &lt;TWO&gt;<br>THREE');
    expect(compiled('{{ meeting.description|nl2br|upper }}').render(vars, 'html')).toBe('LINE ONE<br>LINE &lt;TWO&gt;<br>THREE');
    expect(compiled('{{ meeting.description|nl2br }}').render(vars, 'subject')).toBe('line one line <two> three');
  });

  it('renders a subject as one plain line: no escaping, breaks to spaces, runs collapsed, trimmed', () => {
    const t = compiled('  Meeting with\r\n {{ recipient.name }}\t\t{{ meeting.description }}\u2028end  ', subject);
    expect(t.render(vars, 'subject')).toBe('Meeting with Ann & "Bo" <b>O\'Neil</b> line one line <two> three end');
  });

  it('cuts a subject at 998 characters without splitting a surrogate pair', () => {
    const t = compiled('{{ recipient.name }}', subject);
    expect(t.render({ 'recipient.name': 'x'.repeat(1200) }, 'subject')).toBe('x'.repeat(998));
    expect(t.render({ 'recipient.name': `${'x'.repeat(997)}😀` }, 'subject')).toBe('x'.repeat(997));
  });

  it('renders numbers, booleans and absent values', () => {
    const t = compiled('[{{ meeting.type.duration }}|{{ meeting.isCreatedByGuest }}|{{ meeting.user.jobTitle }}]');
    expect(t.render(vars, 'html')).toBe('[30|true|]');
    expect(t.render({}, 'html')).toBe('[||]');
  });

  it.each([
    ['{% if meeting.description %}y{% else %}n{% endif %}', 'y'],
    ['{% if meeting.user.phone %}y{% else %}n{% endif %}', 'n'],
    ['{% if meeting.user.jobTitle %}y{% else %}n{% endif %}', 'n'],
    ['{% if meeting.type.duration %}y{% else %}n{% endif %}', 'y'],
    ['{% if meeting.isCreatedByGuest %}y{% else %}n{% endif %}', 'y'],
    ["{% if meeting.status == 'scheduled' %}y{% else %}n{% endif %}", 'y'],
    ['{% if meeting.status == "cancelled" %}y{% else %}n{% endif %}', 'n'],
    ["{% if meeting.status != 'cancelled' %}y{% else %}n{% endif %}", 'y'],
    ['{% if meeting.type.duration == 30 %}y{% else %}n{% endif %}', 'y'],
    ['{% if meeting.type.duration == 30.0 %}y{% else %}n{% endif %}', 'y'],
    ['{% if meeting.type.duration == "30" %}y{% else %}n{% endif %}', 'y'],
    ['{% if meeting.type.duration != 45 %}y{% else %}n{% endif %}', 'y'],
    ['{% if meeting.isCreatedByGuest == true %}y{% else %}n{% endif %}', 'y'],
    ['{% if meeting.isCreatedByGuest == false %}y{% else %}n{% endif %}', 'n'],
    ['{% if meeting.isCreatedByGuest != false %}y{% else %}n{% endif %}', 'y'],
    ["{% if meeting.user.jobTitle == '' %}y{% else %}n{% endif %}", 'y'],
    ['{% if meeting.description %}{% if meeting.type.duration == 30 %}a{% else %}b{% endif %}{% else %}c{% endif %}', 'a'],
  ])('%s -> %s', (source, expected) => {
    expect(compiled(source).render(vars, 'html')).toBe(expected);
  });

  it('treats zero, false and the empty string as false', () => {
    const t = compiled('{% if meeting.type.duration %}y{% else %}n{% endif %}{% if meeting.isCreatedByGuest %}y{% else %}n{% endif %}');
    expect(t.render({ 'meeting.type.duration': 0, 'meeting.isCreatedByGuest': false }, 'html')).toBe('nn');
  });

  it('lists the variables it reads, once each, in order of first use', () => {
    const t = compiled('{{ recipient.name }}{% if meeting.status == "x" %}{{ recipient.name }}{{ links.meeting }}{% endif %}');
    expect(t.variables).toEqual(['recipient.name', 'meeting.status', 'links.meeting']);
  });

  it('compiles once and renders many times, the same each time', () => {
    const first = compiled('Hi {{ recipient.name }}');
    expect(compiled('Hi {{ recipient.name }}')).toBe(first);
    expect(first.render({ 'recipient.name': 'A' }, 'html')).toBe('Hi A');
    expect(first.render({ 'recipient.name': 'B' }, 'html')).toBe('Hi B');
  });
});
