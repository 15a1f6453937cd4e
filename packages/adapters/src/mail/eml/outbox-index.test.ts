import { escapeHtml, renderOutboxIndex } from './outbox-index';

describe('outbox index', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('renders an empty outbox', () => {
    const html = renderOutboxIndex([]);
    expect(html).toContain('<title>Rendezvous outbox (0)</title>');
    expect(html).toContain('<tbody>\n</tbody>');
  });
});
