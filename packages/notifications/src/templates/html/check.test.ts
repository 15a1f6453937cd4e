import { defaultPairs } from '../../defaults/copy';
import { defaultTemplate } from '../../defaults/templates';
import type { Audience, NotificationId } from '@rendezvous/domain';
import { checkBodyHtml } from './check';

const refusal = (body: string) => {
  const error = checkBodyHtml(body);
  return error === undefined ? 'accepted' : [error.message, error.construct, error.suggestion];
};

describe('the HTML allowlist of a customization body (CONTRACT §3)', () => {
  it('accepts text formatting, paragraphs, lists, tables, https and mailto links, https images and inline styles', () => {
    const body = [
      '<h2 style="color:#333">Hello {{ recipient.name }}</h2>',
      '<p>We meet on <strong>{{ meeting.date }}</strong>, <em>{{ meeting.time }}</em>.<br>See <a href="https://acme.example/faq" target="_blank">the FAQ</a>',
      'or <a href="mailto:help@acme.example">write to us</a>, or <a href="{{ links.reschedule }}">move it</a>.</p>',
      '<ul><li>one<li>two</ul><ol start="3"><li>three</li></ol>',
      '<table role="presentation" cellpadding="4" width="100%"><tr><th>Who</th><td colspan="2">{{ meeting.guests }}</td></tr></table>',
      '<img src="https://acme.example/logo.png" alt="Acme" width="120" style="display:block;background:url(https://acme.example/bg.png)">',
      '<!-- a comment -->{% if meeting.description %}<blockquote>{{ meeting.description|nl2br }}</blockquote>{% endif %}',
    ].join('\n');
    expect(refusal(body)).toBe('accepted');
  });

  it.each(defaultPairs.flatMap((pair) => [[pair, 'en'], [pair, 'nl']]))('accepts the built-in content of %s (%s)', (pair, locale) => {
    const [audience, notification] = pair.split('/') as [Audience, NotificationId];
    expect(refusal(defaultTemplate(audience, notification, locale)!.body)).toBe('accepted');
  });

  it('refuses a script element at its line and column', () => {
    expect(refusal('<p>Hi</p>\n  <script>alert(1)</script>')).toEqual([
      'body line 2, column 3: <script> is not allowed: scripts never run in an email, and the body may not contain them',
      '<script>',
      undefined,
    ]);
  });

  it('refuses an event handler attribute at the attribute', () => {
    expect(refusal('<p>ok</p><p onclick="x()">Hi</p>')).toEqual([
      'body line 1, column 13: the onclick attribute is not allowed: event handlers run script, and email clients remove them',
      'onclick',
      undefined,
    ]);
  });

  it.each([
    ['<style>p{color:red}</style>', 'body line 1, column 1: <style> is not allowed'],
    ['<iframe src="https://x.example"></iframe>', 'body line 1, column 1: <iframe> is not allowed'],
    ['<form action="https://x.example"><input name="q"></form>', 'body line 1, column 1: <form> is not allowed: forms do not work in email'],
    ['<a href="javascript:alert(1)">x</a>', 'body line 1, column 4: the link "javascript:alert(1)" is not allowed'],
    ['<a href=" JaVa&#115;cript:alert(1)">x</a>', 'body line 1, column 4: the link " JaVascript:alert(1)" is not allowed'],
    ['<a href="java\tscript:alert(1)">x</a>', 'body line 1, column 4: the link'],
    ['<a href="data:text/html,hi">x</a>', 'body line 1, column 4: the link "data:text/html,hi" is not allowed'],
    ['<a href="http://plain.example">x</a>', 'body line 1, column 4: the link "http://plain.example" is not allowed: links must start with https: or mailto:'],
    ['<img src="data:image/png;base64,AAAA">', 'body line 1, column 6: the image source'],
    ['<img src="http://x.example/a.png">', 'body line 1, column 6: the image source'],
    ['<p style="background:url(javascript:x)">a</p>', 'body line 1, column 4: the style "url(" is not allowed'],
    ['<p style="width:expression(alert(1))">a</p>', 'body line 1, column 4: the style "expression(" is not allowed'],
    ['<svg><script>x</script></svg>', 'body line 1, column 1: <svg> is not allowed'],
    ['<p>a</p></td></tr></table>', 'body line 1, column 9: </td> closes nothing the body opened'],
    ['<table><tr><td>a</td></tr>', 'body line 1, column 27: <table> is never closed'],
    ['<html><body>x</body></html>', 'body line 1, column 1: <html> is not allowed: the body is the content of the email'],
    ['<p {% if meeting.description %}class="x"{% endif %}>a</p>', 'body line 1, column 4: a template tag cannot stand among the attributes of <p>'],
  ])('refuses %s', (body, start) => {
    const result = refusal(body);
    expect(Array.isArray(result) && result[0]).toEqual(expect.stringContaining(start));
    expect(Array.isArray(result) && (result[0] as string).startsWith(start)).toBe(true);
  });

  it('suggests the element or attribute meant', () => {
    expect(refusal('<stong>hi</stong>')).toEqual([
      'body line 1, column 1: <stong> is not allowed: it is not one of the elements email bodies may use (text formatting, paragraphs, lists, tables, links, images); did you mean <strong>?',
      '<stong>',
      '<strong>',
    ]);
    expect(refusal('<a hreff="https://x.example">x</a>')).toEqual(['body line 1, column 4: the hreff attribute is not allowed on <a>; did you mean href?', 'hreff', 'href']);
  });

  it('counts lines and columns in characters, after CRLF line ends', () => {
    expect(refusal('<p>é😀</p>\r\n<p>x</p><b onmouseover="y">z</b>')).toEqual([
      'body line 2, column 12: the onmouseover attribute is not allowed: event handlers run script, and email clients remove them',
      'onmouseover',
      undefined,
    ]);
  });
});
