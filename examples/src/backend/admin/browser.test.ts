import { chromiumMissing, chromiumPath } from './browser';

describe('finding Chromium for the browser tests', () => {
  it('fails with one sentence saying what to install when there is none', () => {
    expect(() => chromiumPath(['/nonexistent/chromium'], undefined)).toThrow(chromiumMissing);
    expect(chromiumMissing).toBe(
      'The Email Editor browser tests need Chromium: install it with `apt-get install -y chromium` (Debian/Ubuntu; .ci/run does), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  });

  it('takes CHROMIUM_PATH first, then the first binary installed', () => {
    expect(chromiumPath(['/nonexistent/chromium', process.execPath], undefined)).toBe(process.execPath);
    expect(chromiumPath(['/nonexistent/chromium'], process.execPath)).toBe(process.execPath);
  });
});
