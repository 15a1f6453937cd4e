import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

// The browser tests drive the machine's own Chromium (Playwright's download cannot be assumed);
// without one they fail with a sentence that says what to install, never skip.
const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** The sentence a run without Chromium fails with. */
export const chromiumMissing =
  'The Email Editor browser tests need Chromium: install it with `apt-get install -y chromium` (Debian/Ubuntu; .ci/run does), or set CHROMIUM_PATH to a Chromium or Chrome binary.';

/** The Chromium binary to drive: CHROMIUM_PATH, else the first of `installed` that exists; throws {@link chromiumMissing}. */
export function chromiumPath(installed: readonly string[] = candidates, asked = process.env['CHROMIUM_PATH']): string {
  const found = [...(asked === undefined || asked === '' ? [] : [asked]), ...installed].find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (found === undefined) throw new Error(chromiumMissing);
  return found;
}

/** Starts headless Chromium with nothing that reaches the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
