import { Parser } from 'htmlparser2';
import { templateError, type TemplateError } from '../errors';
import { Locator } from '../locate';
import { closest, isNear } from '../suggest';
import {
  allowedAttributeNames,
  allowedElements,
  isAllowedAttribute,
  isAllowedHref,
  isAllowedImageSource,
  optionalEndTag,
  unsafeStyle,
  whyRefused,
} from './allowlist';

interface Problem {
  readonly offset: number;
  readonly construct: string;
  readonly detail: string;
  readonly suggestion?: string;
}

const elementNames = [...allowedElements];

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

// htmlparser2 drops a closing tag that closes nothing without telling its handler; such a tag
// would close the layout's own table around the body, so the checker hears of it here (the
// parser's internal tokenizer callback; htmlparser2 is pinned to an exact version for this).
class BodyParser extends Parser {
  constructor(
    private readonly source: string,
    private readonly isOpen: (name: string) => boolean,
    private readonly stray: (name: string, offset: number) => void,
    handler: ConstructorParameters<typeof Parser>[0],
  ) {
    super(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  }

  override onclosetag(start: number, endIndex: number): void {
    const name = this.source.slice(start, endIndex).toLowerCase();
    if (!voidElements.has(name) && !this.isOpen(name)) this.stray(name, Math.max(0, start - 2));
    super.onclosetag(start, endIndex);
  }
}

function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}

/**
 * Checks the HTML of a customization's body against the allowlist of CONTRACT §3 and returns the
 * first thing refused, at its line and column (`body line 2, column 4: <script> is not allowed …`),
 * or undefined. Template tags are plain text to HTML, so `href="{{ links.meeting }}"` is a value.
 */
export function checkBodyHtml(source: string): TemplateError | undefined {
  const problems: Problem[] = [];
  const stack: string[] = [];
  let ending = false;
  const stray = (name: string, offset: number): void => {
    problems.push({ offset, construct: `</${name}>`, detail: `</${name}> closes nothing the body opened; it would break the layout around the body` });
  };
  const parser: BodyParser = new BodyParser(source, (name) => stack.includes(name), stray, {
    onopentagname(name) {
      const at = parser.startIndex;
      if (!allowedElements.has(name)) {
        const near = closest(name, elementNames);
        const suggestion = near !== undefined && near.distance > 0 && isNear(near.distance, near.name) ? near.name : undefined;
        const hint = suggestion === undefined || ['script', 'style', 'iframe'].includes(name) ? '' : `; did you mean <${suggestion}>?`;
        problems.push({ offset: at, construct: `<${name}>`, detail: `<${name}> is not allowed: ${whyRefused(name)}${hint}`, ...(hint === '' ? {} : { suggestion: `<${suggestion}>` }) });
      }
      stack.push(name);
    },
    onattribute(name, value) {
      const element = stack[stack.length - 1] ?? '';
      const at = parser.startIndex;
      if (!allowedElements.has(element)) return;
      if (name.startsWith('{')) {
        problems.push({ offset: at, construct: name, detail: `a template tag cannot stand among the attributes of <${element}>; put {% if %} around the whole element, or inside an attribute's value` });
      } else if (name.startsWith('on')) {
        problems.push({ offset: at, construct: name, detail: `the ${name} attribute is not allowed: event handlers run script, and email clients remove them` });
      } else if (!isAllowedAttribute(element, name)) {
        const near = closest(name, allowedAttributeNames);
        const suggestion = near !== undefined && isNear(near.distance, near.name) && isAllowedAttribute(element, near.name) ? near.name : undefined;
        problems.push({
          offset: at,
          construct: name,
          detail: `the ${name} attribute is not allowed on <${element}>${suggestion === undefined ? '' : `; did you mean ${suggestion}?`}`,
          ...(suggestion === undefined ? {} : { suggestion }),
        });
      } else if (name === 'href' && !isAllowedHref(value)) {
        problems.push({ offset: at, construct: 'href', detail: `the link ${shown(value)} is not allowed: links must start with https: or mailto: (or be one of the links.… variables)` });
      } else if (name === 'src' && !isAllowedImageSource(value)) {
        problems.push({ offset: at, construct: 'src', detail: `the image source ${shown(value)} is not allowed: images must be on an https: address` });
      } else if (name === 'style') {
        const unsafe = unsafeStyle(value);
        if (unsafe !== undefined) problems.push({ offset: at, construct: 'style', detail: `the style ${shown(unsafe)} is not allowed: inline styles may not load or run anything (url() takes https: only)` });
      }
    },
    onclosetag(name, implied) {
      stack.pop();
      if (!allowedElements.has(name)) return;
      // Left open at the end, an element would wrap the layout's footer (a table swallows it,
      // a link makes it one).
      if (ending && implied && !optionalEndTag.has(name)) {
        problems.push({ offset: source.length, construct: `<${name}>`, detail: `<${name}> is never closed; add </${name}> so it ends inside the body` });
      }
    },
    onprocessinginstruction(name) {
      problems.push({ offset: parser.startIndex, construct: `<${name}>`, detail: `<${name}> is not allowed: the body is the content of the email; the document around it is added for you` });
    },
    oncdatastart() {
      problems.push({ offset: parser.startIndex, construct: '<![CDATA[', detail: 'CDATA sections are not allowed in an email body' });
    },
  });
  parser.write(source);
  ending = true;
  parser.end();
  const first = problems.sort((a, b) => a.offset - b.offset)[0];
  if (first === undefined) return undefined;
  return templateError('body', new Locator(source).at(first.offset), first.construct, first.detail, first.suggestion);
}
