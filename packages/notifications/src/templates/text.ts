import { decodeEntities } from './entities';
import { Finder } from './find';
import { TextOut } from './text-out';

// Newlines a tag stands for: 2 for paragraph-like blocks (a blank line), 1 for line-like ones.
const blocks: Readonly<Record<string, 1 | 2>> = {
  p: 2, h1: 2, h2: 2, h3: 2, h4: 2, h5: 2, h6: 2, ul: 2, ol: 2, table: 2, blockquote: 2, pre: 2, hr: 2,
  dl: 2, address: 2, figure: 2, form: 2, fieldset: 2,
  div: 1, li: 1, tr: 1, dt: 1, dd: 1, section: 1, article: 1, header: 1, footer: 1, nav: 1, main: 1,
  aside: 1, center: 1, figcaption: 1, caption: 1, body: 1, html: 1,
};
// Elements whose content is never text a reader sees.
const hidden = new Set(['script', 'style', 'head', 'title', 'template']);
const tagStart = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/y;
const shownSchemes = /^(?:https?:\/\/|mailto:|tel:)/i;

/**
 * The plain-text alternative of a rendered HTML body: blocks and `<br>` become line breaks,
 * links `text (url)`, list items `- item` (or `1. item`), entities decoded, tags and scripts
 * gone, at most two consecutive blank lines. One forward pass, so hostile HTML stays linear.
 */
export function htmlToText(html: string): string {
  const out = new TextOut();
  const find = new Finder(html);
  const links: { href: string | undefined; start: number }[] = [];
  const lists: { ordered: boolean; next: number }[] = [];
  let pre = 0;
  let i = 0;
  const text = (chunk: string): void => {
    const decoded = decodeEntities(chunk);
    if (pre === 0) return out.text(decoded.replace(/\s+/g, ' '));
    decoded.split(/\r\n|\r|\n/).forEach((line, k) => {
      if (k > 0) out.lineBreak();
      out.raw(line);
    });
  };
  while (i < html.length) {
    const lt = find.next('<', i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    if (lt > i) text(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = find.next('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    tagStart.lastIndex = lt;
    const tag = tagStart.exec(html);
    const gt = find.next('>', lt + 1);
    if ((tag === null && html[lt + 1] !== '!' && html[lt + 1] !== '?') || gt === -1) {
      // A "<" that opens no tag is text, as in a browser.
      text('<');
      i = lt + 1;
      continue;
    }
    i = gt + 1;
    if (tag === null) continue;
    const closing = tag[1] === '/';
    const name = (tag[2] ?? '').toLowerCase();
    const inside = html.slice(lt, gt);
    if (!closing && hidden.has(name)) {
      const close = new RegExp(`</${name}\\s*>`, 'gi');
      close.lastIndex = i;
      const found = close.exec(html);
      i = found === null ? html.length : close.lastIndex;
      continue;
    }
    if (name === 'br') {
      out.lineBreak();
    } else if (name === 'a') {
      if (!closing) links.push({ href: attribute(inside, 'href'), start: out.length });
      else closeLink(out, links.pop());
    } else if (name === 'img' && !closing) {
      const alt = attribute(inside, 'alt');
      if (alt !== undefined) text(` ${alt} `);
    } else if (name === 'td' || name === 'th') {
      if (closing) out.spaceHere();
    } else if (name === 'ul' || name === 'ol') {
      if (closing) lists.pop();
      else lists.push({ ordered: name === 'ol', next: 1 });
      out.block(lists.length > (closing ? 0 : 1) ? 1 : 2);
    } else if (name === 'li' && !closing) {
      out.block(1);
      const list = lists[lists.length - 1];
      out.raw(`${'  '.repeat(Math.max(0, lists.length - 1))}${list?.ordered === true ? `${list.next++}.` : '-'} `);
    } else {
      if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
      const breaks = blocks[name];
      if (breaks !== undefined) out.block(breaks);
    }
  }
  return out.result();
}

function closeLink(out: TextOut, link: { href: string | undefined; start: number } | undefined): void {
  const href = link?.href;
  if (link === undefined || href === undefined || !shownSchemes.test(href)) return;
  const label = out.since(link.start).trim();
  const bare = href.replace(/^(?:mailto|tel):/i, '');
  if (label === '') out.text(` ${href} `);
  else if (label !== href && label !== bare) out.text(` (${href}) `);
}

function attribute(inside: string, name: 'href' | 'alt'): string | undefined {
  const found = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(inside);
  if (found === null) return undefined;
  return decodeEntities(found[1] ?? found[2] ?? found[3] ?? '').trim();
}
