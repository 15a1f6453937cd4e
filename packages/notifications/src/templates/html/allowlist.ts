// What an admin's body may contain (CONTRACT §3): HTML that email clients render safely and that
// can never run script, in the Email Editor's preview or anywhere else.

/** Elements allowed in a customization's body: text formatting, paragraphs, lists, tables, links, images. */
export const allowedElements: ReadonlySet<string> = new Set([
  // text formatting and blocks
  'a', 'abbr', 'address', 'b', 'big', 'blockquote', 'br', 'center', 'cite', 'code', 'del', 'div', 'em', 'font',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'mark', 'p', 'pre', 'q', 's', 'small', 'span',
  'strike', 'strong', 'sub', 'sup', 'tt', 'u', 'wbr',
  // lists
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  // tables
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
]);

/** Attributes every allowed element may carry (`aria-*` too). */
const globalAttributes = new Set(['style', 'class', 'id', 'title', 'dir', 'lang', 'align', 'valign', 'width', 'height', 'bgcolor', 'border', 'role']);

/** Attributes of one element beyond the global ones. */
const elementAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'target', 'rel', 'name'],
  img: ['src', 'alt'],
  table: ['cellpadding', 'cellspacing', 'summary'],
  td: ['colspan', 'rowspan', 'nowrap', 'headers', 'scope'],
  th: ['colspan', 'rowspan', 'nowrap', 'headers', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  font: ['color', 'face', 'size'],
  ol: ['start', 'type', 'reversed'],
  ul: ['type'],
  li: ['value', 'type'],
};

/** Whether `attribute` may appear on `element`. */
export function isAllowedAttribute(element: string, attribute: string): boolean {
  return globalAttributes.has(attribute) || attribute.startsWith('aria-') || (elementAttributes[element]?.includes(attribute) ?? false);
}

/** Every attribute name that exists somewhere in the allowlist, for "did you mean". */
export const allowedAttributeNames: readonly string[] = [...new Set([...globalAttributes, ...Object.values(elementAttributes).flat()])];

// Elements that browsers close by themselves: leaving them open cannot spill into the layout.
export const optionalEndTag: ReadonlySet<string> = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption']);

/** Why a well-known element is refused, in words an admin can act on. */
export function whyRefused(element: string): string {
  if (element === 'script' || element === 'noscript') return 'scripts never run in an email, and the body may not contain them';
  if (element === 'style' || element === 'link') return 'many email clients drop style sheets; use a style="…" attribute on the element instead';
  if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'video', 'audio', 'source', 'track', 'canvas', 'svg', 'math'].includes(element)) {
    return 'embedded pages, media and plug-ins are not shown by email clients; link to them instead';
  }
  if (['form', 'input', 'button', 'select', 'option', 'textarea', 'label', 'fieldset', 'legend', 'datalist', 'output'].includes(element)) {
    return 'forms do not work in email; link to a page with the form instead';
  }
  if (['html', 'head', 'body', 'title', 'meta', 'base'].includes(element)) {
    return 'the body is the content of the email; the layout around it (html, head, body) is added for you';
  }
  return 'it is not one of the elements email bodies may use (text formatting, paragraphs, lists, tables, links, images)';
}

// Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
// eslint-disable-next-line no-control-regex
const ignoredInScheme = /[\u0000-\u0020\u007f]/g;

/** The URL as a browser reads its scheme: whitespace and controls removed, lower case. */
export function normalizedUrl(url: string): string {
  return url.replace(ignoredInScheme, '').toLowerCase();
}

// A `{{ links.… }}` output at the start of a URL: the library builds those, always https.
const linkVariable = /^\{\{\s*links\.[a-z]+\s*(\|[^}]*)?\}\}/;

/** Whether a link target is allowed: `https:` or `mailto:`, or one of the catalogue's links. */
export function isAllowedHref(href: string): boolean {
  const url = normalizedUrl(href);
  return url.startsWith('https:') || url.startsWith('mailto:') || linkVariable.test(url);
}

/** Whether an image source is allowed: `https:` only. */
export function isAllowedImageSource(src: string): boolean {
  return normalizedUrl(src).startsWith('https:');
}

// CSS that can fetch or run something: old IE expressions and behaviours, imports, and url()
// with anything other than https.
const unsafeCss = /expression\s*\(|javascript:|vbscript:|behavior\s*:|-moz-binding|@import|url\s*\(\s*(?!['"]?\s*https:)/i;

/** The unsafe part of an inline style, or undefined when it is safe. */
export function unsafeStyle(style: string): string | undefined {
  return unsafeCss.exec(style.replace(/\\/g, ''))?.[0];
}
