import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { variableCatalogue } from '@rendezvous/notifications';

// The Email Editor is one HTML document with its style and script inline, so `GET /admin` is the
// only route it needs (behind ADMIN_TOKEN like the account routes), and everything else it does
// goes through the public API.
const folder = __dirname;
const read = (name: string): string => readFileSync(join(folder, name), 'utf8');

let template: string | undefined;
function pageTemplate(): string {
  if (template === undefined) {
    // JSON inside <script> must not be able to close it.
    const catalogue = JSON.stringify({ variables: variableCatalogue }).replace(/</g, '\\u003c');
    template = read('page.html')
      .replace('__STYLE__', () => read('editor.css'))
      .replace('__CATALOGUE__', () => catalogue)
      .replace('__SCRIPT__', () => read('editor.js'));
  }
  return template;
}

/** The Email Editor page and the headers it is served with (a fresh script nonce per answer). */
export function adminPage(): { readonly html: string; readonly headers: Readonly<Record<string, string>> } {
  const nonce = randomBytes(16).toString('base64');
  // Only our two inline scripts run; previews are sandboxed srcdoc frames that inherit this
  // policy too, so an email's images load (https:) and nothing in one can run or submit.
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    'img-src https: data:',
    "connect-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    html: pageTemplate().replace(/__NONCE__/g, nonce),
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
  };
}
