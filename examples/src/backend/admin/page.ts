import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { variableCatalogue } from '@rendezvous/notifications';

// The Email Editor is one HTML document with its style and script inline, so `GET /admin` is the
// only route it needs besides its sign-in page (behind ADMIN_TOKEN like the account routes), and everything else it does
// goes through the public API. The scripts are the same bytes on every answer, so the policy
// names them by hash; the sign-in page's policy allows the editor's script too, because the
// sign-in page writes the editor into itself (see sign-in.js).
const folder = __dirname;
const read = (name: string): string => readFileSync(join(folder, name), 'utf8');
const hashOf = (script: string): string => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

interface Page {
  readonly html: string;
  readonly headers: Readonly<Record<string, string>>;
}

function policy(scriptHashes: readonly string[]): string {
  // Previews are sandboxed srcdoc frames that inherit this policy too, so an email's images
  // load (https:) and nothing in one can run or submit.
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src https: data:',
    "connect-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const pageOf = (html: string, scriptHashes: readonly string[]): Page => ({
  html,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': policy(scriptHashes),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  },
});

let pages: { editor: Page; signIn: Page } | undefined;
function built(): { editor: Page; signIn: Page } {
  if (pages === undefined) {
    // JSON inside <script> must not be able to close it.
    const catalogue = JSON.stringify({ variables: variableCatalogue }).replace(/</g, '\\u003c');
    const editorScript = read('editor.js');
    const signInScript = read('sign-in.js');
    const editor = read('page.html')
      .replace('__STYLE__', () => read('editor.css'))
      .replace('__CATALOGUE__', () => catalogue)
      .replace('__SCRIPT__', () => editorScript);
    const signIn = read('sign-in.html').replace('__SCRIPT__', () => signInScript);
    pages = { editor: pageOf(editor, [hashOf(editorScript)]), signIn: pageOf(signIn, [hashOf(signInScript), hashOf(editorScript)]) };
  }
  return pages;
}

/** The Email Editor page and the headers it is served with. */
export const adminPage = (): Page => built().editor;

/** GET /admin/sign-in: a form that asks for the admin token and then loads the editor with it. */
export const signInPage = (): Page => built().signIn;
