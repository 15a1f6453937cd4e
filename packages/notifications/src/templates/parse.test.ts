import { parseTemplate } from './parse';

const pos = (line: number, column: number, offset: number) => ({ line, column, offset });

describe('parseTemplate', () => {
  it('gives every node its 1-based line and column', () => {
    const parsed = parseTemplate('Hi {{ recipient.name }},\r\n{% if meeting.description %}\n  {{meeting.description|nl2br}}\n{% endif %}');
    expect(parsed.problems).toEqual([]);
    expect(parsed.nodes).toEqual([
      { kind: 'text', text: 'Hi ', at: pos(1, 1, 0) },
      { kind: 'output', path: { name: 'recipient.name', at: pos(1, 7, 6) }, filters: [], at: pos(1, 4, 3) },
      { kind: 'text', text: ',\r\n', at: pos(1, 24, 23) },
      {
        kind: 'if',
        condition: { path: { name: 'meeting.description', at: pos(2, 7, 32) } },
        then: [
          { kind: 'text', text: '\n  ', at: pos(2, 29, 54) },
          {
            kind: 'output',
            path: { name: 'meeting.description', at: pos(3, 5, 59) },
            filters: [{ name: 'nl2br', at: pos(3, 25, 79) }],
            at: pos(3, 3, 57),
          },
          { kind: 'text', text: '\n', at: pos(3, 32, 86) },
        ],
        otherwise: [],
        at: pos(2, 1, 26),
      },
    ]);
  });

  it('counts a character outside the BMP as one column, and CR alone as a line break', () => {
    const parsed = parseTemplate('😀{{ a }}\r{{ b }}');
    expect(parsed.nodes.map((n) => n.at)).toEqual([pos(1, 1, 0), pos(1, 2, 2), pos(1, 9, 9), pos(2, 1, 10)]);
  });

  it('takes whitespace, newlines included, freely inside tags', () => {
    const parsed = parseTemplate('{{\n  meeting.id  |  upper |lower\n}}{%if meeting.id!="x"%}y{%   else   %}z{%endif%}');
    expect(parsed.problems).toEqual([]);
    const [output, branch] = parsed.nodes;
    expect(output).toMatchObject({ kind: 'output', path: { name: 'meeting.id' }, filters: [{ name: 'upper' }, { name: 'lower' }] });
    expect(branch).toMatchObject({
      kind: 'if',
      condition: { path: { name: 'meeting.id' }, compare: { op: '!=', literal: { kind: 'string', value: 'x' } } },
      then: [{ kind: 'text', text: 'y' }],
      otherwise: [{ kind: 'text', text: 'z' }],
    });
  });

  it.each([
    ["'it\\'s'", { kind: 'string', value: "it's" }],
    ['"say \\"hi\\""', { kind: 'string', value: 'say "hi"' }],
    ["''", { kind: 'string', value: '' }],
    ['30', { kind: 'number', value: 30 }],
    ['-2.5', { kind: 'number', value: -2.5 }],
    ['true', { kind: 'boolean', value: true }],
    ['false', { kind: 'boolean', value: false }],
  ])('reads the literal %s', (written, literal) => {
    const parsed = parseTemplate(`{% if meeting.type.duration == ${written} %}x{% endif %}`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.nodes[0]).toMatchObject({ condition: { compare: { op: '==', literal } } });
  });

  it('nests ifs inside both branches', () => {
    const parsed = parseTemplate('{% if a %}{% if b %}1{% else %}2{% endif %}{% else %}{% if c %}3{% endif %}{% endif %}');
    expect(parsed.problems).toEqual([]);
    expect(parsed.nodes).toMatchObject([
      {
        condition: { path: { name: 'a' } },
        then: [{ condition: { path: { name: 'b' } }, then: [{ text: '1' }], otherwise: [{ text: '2' }] }],
        otherwise: [{ condition: { path: { name: 'c' } }, then: [{ text: '3' }], otherwise: [] }],
      },
    ]);
  });

  it('leaves single braces, stray closers and eta tags as text', () => {
    const source = 'a { b } }} %} <% x %> <%= y %>';
    expect(parseTemplate(source)).toEqual({ nodes: [{ kind: 'text', text: source, at: pos(1, 1, 0) }], problems: [] });
  });

  it('returns an empty tree for an empty template', () => {
    expect(parseTemplate('')).toEqual({ nodes: [], problems: [] });
  });

  it('collects every problem in source order, each at its tag', () => {
    const parsed = parseTemplate('{% if a %}\n{% endif %}{% endif %}\n{{ a|b| }} {% if x %}');
    expect(parsed.problems.map((p) => [p.at.line, p.at.column, p.message])).toEqual([
      [2, 12, '{% endif %} without {% if %}'],
      [3, 1, 'expected a filter name after "|" (nl2br, upper or lower)'],
      [3, 12, '{% if %} opened at line 3, column 12 is never closed'],
    ]);
  });
});
