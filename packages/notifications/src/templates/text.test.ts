import { htmlToText } from '@rendezvous/notifications';

describe('htmlToText', () => {
  it('turns blocks into paragraphs and <br> into line breaks', () => {
    expect(htmlToText('<h1>Hello  Ann</h1><p>Your meeting\n   is <b>confirmed</b>.</p><p>Line one<br>Line two<br/>Line three</p>')).toBe(
      'Hello Ann\n\nYour meeting is confirmed.\n\nLine one\nLine two\nLine three',
    );
    expect(htmlToText('<div>a</div><div>b</div>')).toBe('a\nb');
  });

  it('writes links as text (url), and a bare url once', () => {
    expect(htmlToText('Join <a href="https://meet.acme.com/j?t=1&amp;x=2">here</a> now')).toBe('Join here (https://meet.acme.com/j?t=1&x=2) now');
    expect(htmlToText('<a href="https://a.example/x">https://a.example/x</a>')).toBe('https://a.example/x');
    expect(htmlToText("<a href='mailto:ann@example.com'>ann@example.com</a>")).toBe('ann@example.com');
    expect(htmlToText('<a href="https://a.example/"></a>')).toBe('https://a.example/');
    expect(htmlToText('<a href="javascript:alert(1)">click</a>')).toBe('click');
  });

  it('decodes entities exactly once', () => {
    expect(htmlToText('Tom &amp; Jerry &lt;3 &quot;x&quot; &#39;y&#39; &#x1F600; &amp;lt; caf&eacute;&nbsp;ok &bogus;')).toBe(
      'Tom & Jerry <3 "x" \'y\' 😀 &lt; café ok &bogus;',
    );
  });

  it('drops tags, comments, scripts, styles and the head', () => {
    expect(htmlToText('<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style></head><body><!-- hi --><script>alert("x")</script><p class="a">Body</p></body></html>')).toBe('Body');
  });

  it('lists items, numbered in ordered lists', () => {
    expect(htmlToText('<p>Agenda</p><ul><li>one</li><li>two</li></ul><ol><li>a</li><li>b</li></ol>end')).toBe('Agenda\n\n- one\n- two\n\n1. a\n2. b\n\nend');
  });

  it('keeps at most two consecutive blank lines', () => {
    expect(htmlToText('a<br><br><br><br><br><br>b')).toBe('a\n\n\nb');
  });

  it('keeps the line breaks of <pre>', () => {
    expect(htmlToText('<pre>x  y\nz</pre>')).toBe('x  y\nz');
  });

  it('separates table cells and rows', () => {
    expect(htmlToText('<table><tr><td>Date</td><td>Monday</td></tr><tr><td>Time</td><td>09:00</td></tr></table>')).toBe('Date Monday\nTime 09:00');
  });

  it('keeps a "<" that opens no tag', () => {
    expect(htmlToText('1 < 2 and a <b')).toBe('1 < 2 and a <b');
  });

  it('stays linear on hostile input', () => {
    const started = process.hrtime.bigint();
    // 100 KB each: unclosed tags, unclosed comments, unclosed scripts, entities.
    expect(htmlToText('<a '.repeat(33_000))).toBe('<a'.repeat(33_000).replace(/<a(?=<)/g, '<a '));
    expect(htmlToText('<!--'.repeat(25_000))).toBe('');
    expect(htmlToText('<script>'.repeat(12_500))).toBe('');
    expect(htmlToText(`<p>${'&amp;'.repeat(20_000)}</p>`)).toBe('&'.repeat(20_000));
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1500);
  });
});
