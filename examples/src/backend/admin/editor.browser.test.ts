import type { Browser, Page } from 'playwright-core';
import { call, outboxWith, scheduleBody, startTestBackend, testAdminToken, type BackendUnderTest } from '../testing/fixture';
import { launchChromium } from './browser';

// The Email Editor (GET /admin) in a real browser, against a backend on a random port, checked
// the way an account admin uses it and through the public API it calls. The backend runs with
// ADMIN_TOKEN set, as in production: every test signs in the way an admin does.

let t: BackendUnderTest;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startTestBackend('memory');
});

afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
});

afterEach(async () => {
  await page.close();
});

const previewed = async (): Promise<number> => Number(await page.locator('body').getAttribute('data-previewed'));

// The page's policy forbids eval, so waits poll from here through locators (never page-side strings).
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const text = (selector: string) => page.locator(selector).innerText();

// Waits until a preview newer than `after` is shown, and returns the desktop pane's text.
async function nextPreview(after: number): Promise<string> {
  await until(`a preview after #${after}`, async () => (await previewed()) > after);
  return (await page.frameLocator('#preview-desktop').locator('body').innerText()).replace(/\s+/g, ' ');
}

// Without a token in the tab, /admin/sign-in shows its form; typing the token opens the editor
// (with the same query). A tab that signed in before goes straight to the editor.
async function signIn(query: string, token = testAdminToken): Promise<void> {
  await page.goto(`${t.url}/admin/sign-in${query}`);
  await page.waitForSelector('form#sign-in:not([hidden]), #pairs');
  if ((await page.locator('form#sign-in:not([hidden])').count()) === 0) return;
  await page.fill('#token', token);
  await page.locator('#sign-in button[type=submit]').click();
}

async function openEditor(account: string, audience: 'user' | 'guest', language: string): Promise<void> {
  await signIn(`?account=${account}&audience=${audience}&language=${language}`);
  await page.waitForSelector('body[data-previewed]');
}

const counts = async () => [await page.locator('#total').innerText(), await page.locator('#active').innerText(), await page.locator('#disabled').innerText()];

it('loads, shows the overview, and a switch changes the counts', async () => {
  const refused = await page.goto(`${t.url}/admin`);
  expect(refused?.status()).toBe(401);
  expect(refused?.headers()['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(JSON.parse(await page.locator('body').innerText()).detail).toMatch(/open \/admin\/sign-in/);
  const answer = await page.goto(`${t.url}/admin/sign-in`);
  expect(answer?.status()).toBe(200);
  expect(answer?.headers()['content-type']).toBe('text/html; charset=utf-8');
  expect(answer?.headers()['content-security-policy']).toMatch(/script-src 'sha256-[^']+' 'sha256-[^']+';/);
  expect(await page.locator('#pairs').count()).toBe(0);
  await openEditor('switches', 'guest', 'en');
  expect(await counts()).toEqual(['6', '6', '0']);
  await page.locator('#pairs li[data-notification="review"] .switch').click();
  await until('one disabled', async () => (await text('#disabled')) === '1');
  expect(await counts()).toEqual(['6', '5', '1']);
  const overview = await call(t.url, 'GET', '/accounts/switches/notifications');
  expect([overview.body.guest.active, overview.body.guest.disabled]).toEqual([5, 1]);
  await page.selectOption('#audience', 'user');
  await until('the hosts tab', async () => (await text('#total')) === '4');
  expect(await counts()).toEqual(['4', '4', '0']);
});

it('keeps a wrong token out, and a signed-in tab stays signed in when reloaded', async () => {
  await signIn('', 'not-the-token');
  await until('the refusal', async () => (await text('#error')) !== '');
  expect(await text('#error')).toBe('That is not the admin token of this service.');
  expect(await page.locator('#pairs').count()).toBe(0);
  await page.fill('#token', testAdminToken);
  await page.locator('#sign-in button[type=submit]').click();
  await page.waitForSelector('#pairs');
  await page.reload();
  await page.waitForSelector('#pairs');
  expect(await page.locator('#token').getAttribute('placeholder')).toBe('only when ADMIN_TOKEN is set');
});

it('opens at once on a backend without ADMIN_TOKEN (a laptop)', async () => {
  const open = await startTestBackend('memory', { openAdmin: true });
  try {
    const answer = await page.goto(`${open.url}/admin?account=laptop&audience=guest&language=en`);
    expect(answer?.status()).toBe(200);
    expect(answer?.headers()['content-security-policy']).toMatch(/script-src 'sha256-[^']+';/);
    await page.waitForSelector('body[data-previewed]');
    expect(await counts()).toEqual(['6', '6', '0']);
  } finally {
    await open.stop();
  }
});

it('shows a typo at its line and column with the suggestion, and fixing it updates the preview', async () => {
  await openEditor('typos', 'guest', 'en');
  await page.locator('#pairs li[data-notification="meeting-starts-soon"] .open').click();
  await until('the starts-soon subject', async () => (await page.inputValue('#subject')).startsWith('Starting soon'));
  let seen = await previewed();
  await page.fill('#body', '<p>Hello {{ recipient.name }},</p>\n<p>Your host is {{ meeting.usr.name }}.</p>');
  await page.waitForSelector('#error:not([hidden])');
  expect(await page.locator('#error-text').innerText()).toBe('body line 2, column 17: unknown variable "meeting.usr.name"; did you mean "meeting.user.name"?');
  expect(await page.locator('#error-line').innerText()).toContain('line 2: <p>Your host is {{ meeting.usr.name }}.</p>');
  seen = await previewed();
  await page.locator('#error-fix').click();
  expect(await page.inputValue('#body')).toBe('<p>Hello {{ recipient.name }},</p>\n<p>Your host is {{ meeting.user.name }}.</p>');
  expect(await nextPreview(seen)).toContain('Your host is Hanna de Vries.');
  await expect(page.locator('#error').isHidden()).resolves.toBe(true);
});

it('follows what is typed, with the variables one click away, and saving is visible in the API', async () => {
  await openEditor('saves', 'guest', 'en');
  await page.locator('#pairs li[data-notification="wrap-up"] .open').click();
  await until('the wrap-up subject', async () => (await page.inputValue('#subject')).startsWith('A note from'));
  await page.fill('#subject', 'Notes from ');
  await page.locator('#subject').press('End');
  await page.locator('#variables button', { hasText: /^meeting\.user\.name$/ }).click();
  expect(await page.inputValue('#subject')).toBe('Notes from {{ meeting.user.name }}');
  expect(await page.locator('#variables button', { hasText: /^wrapup$/ }).count()).toBe(1);
  expect(await page.locator('#variables button', { hasText: /^cancellationReason$/ }).count()).toBe(0);
  const seen = await previewed();
  await page.fill('#body', '<p>Dear {{ recipient.name }},</p>\n<blockquote>{{ wrapup|nl2br }}</blockquote>');
  expect(await nextPreview(seen)).toContain('Dear Sam Jansen, Thanks for your time!');
  expect(await page.locator('#preview-subject').innerText()).toBe('Notes from Hanna de Vries');
  await page.fill('#bcc', 'archive@saves.example');
  await page.locator('#save').click();
  await until('the save', async () => (await text('#saved')).startsWith('Saved'));
  const overview = await call(t.url, 'GET', '/accounts/saves/notifications?locale=en');
  const wrapUp = overview.body.guest.pairs.find((p: { notification: string }) => p.notification === 'wrap-up');
  expect(wrapUp).toMatchObject({
    customized: true,
    customizedLocales: ['en'],
    template: { locale: 'en', subject: 'Notes from {{ meeting.user.name }}', body: '<p>Dear {{ recipient.name }},</p>\n<blockquote>{{ wrapup|nl2br }}</blockquote>', bcc: ['archive@saves.example'] },
  });
  expect(await page.locator('#pairs li[data-notification="wrap-up"] .badge').innerText()).toBe('customized (en)');
});

it('uses the Dutch customization for a Dutch guest and the English one for an English guest', async () => {
  for (const [language, subject] of [['en', 'Booked: {{ meeting.type.name }}'], ['nl', 'Geboekt: {{ meeting.type.name }}']] as const) {
    await openEditor('bilingual', 'guest', language);
    await page.locator('#pairs li[data-notification="meeting-scheduled"] .open').click();
    await page.fill('#subject', subject);
    await page.fill('#body', language === 'nl' ? '<p>Hallo {{ recipient.name }}</p>' : '<p>Hello {{ recipient.name }}</p>');
    await page.locator('#save').click();
    await until('the save', async () => (await text('#saved')).startsWith('Saved'));
  }
  const guests = [
    { guestId: 'g-en', name: 'Emma English', email: 'emma@example.org', locale: 'en' },
    { guestId: 'g-nl', name: 'Daan Dutch', email: 'daan@example.org', locale: 'nl' },
  ];
  expect((await call(t.url, 'POST', '/meetings', { json: scheduleBody({ accountId: 'bilingual', meetingId: 'm-bilingual', guests }) })).status).toBe(201);
  const sent = await outboxWith(t.outbox, 'both guest confirmations', (e) => e.meetingId === 'm-bilingual' && e.audience === 'guest', 2);
  const subjectFor = (email: string) => sent.find((e) => e.to[0]?.email === email)?.subject;
  expect([subjectFor('emma@example.org'), subjectFor('daan@example.org')]).toEqual(['Booked: Intro call', 'Geboekt: Intro call']);
  const dutchHtml = sent.find((e) => e.to[0]?.email === 'daan@example.org')!.html;
  expect(dutchHtml).toContain('<html lang="nl">');
  expect(dutchHtml).toContain('<p>Hallo Daan Dutch</p>');
  expect(dutchHtml).toContain('Verstuurd door');
});

it('refuses a script or an onclick in the body, and saves nothing', async () => {
  await openEditor('scripts', 'guest', 'en');
  await page.locator('#pairs li[data-notification="review"] .open').click();
  await page.fill('#body', '<p>Rate us</p>\n<script>parent.document.title = "ran"</script>');
  await page.waitForSelector('#error:not([hidden])');
  expect(await page.locator('#error-text').innerText()).toMatch(/^body line 2, column 1: <script> is not allowed/);
  await page.fill('#body', '<p onclick="parent.document.title = \'ran\'">Rate us</p>');
  await until('the onclick error', async () => (await text('#error-text')).includes('onclick'));
  expect(await page.locator('#error-text').innerText()).toMatch(/^body line 1, column 4: the onclick attribute is not allowed/);
  await page.locator('#save').click();
  await until('the refused save', async () => (await text('#error-text')).includes('onclick') && (await page.locator('#save').isEnabled()));
  expect((await call(t.url, 'GET', '/accounts/scripts/notifications')).body.version).toBe(-1);
});

it('never runs script in the preview, whatever HTML the preview holds', async () => {
  await openEditor('sandbox', 'guest', 'en');
  for (const id of ['#preview-desktop', '#preview-phone']) expect(await page.locator(id).getAttribute('sandbox')).toBe('');
  // Past the allowlist (as if the backend let it through): a preview answer that tries every way to run.
  await page.route('**/preview', async (route) => {
    const hostile = '<html><head><title>t</title></head><body><p id="p">inert</p><script>document.getElementById("p").textContent = "ran"; parent.postMessage("ran", "*")</script><img src="x" onerror="document.title = \'ran\'"><svg onload="document.title = \'ran\'"></svg></body></html>';
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ subject: 's', to: [{ name: 'n', email: 'n@example.org' }], bcc: [], attachments: [], html: hostile, text: '' }) });
  });
  const seen = await previewed();
  await page.fill('#body', '<p>anything</p>');
  expect(await nextPreview(seen)).toContain('inert');
  await page.waitForTimeout(300);
  const frame = page.frameLocator('#preview-desktop');
  expect(await frame.locator('#p').innerText()).toBe('inert');
  expect(await frame.locator('title').textContent()).toBe('t');
  expect(await page.title()).toBe('Email Editor · Rendezvous');
});

it('previews at desktop width and at 375 px, and resets to the built-in text', async () => {
  await openEditor('widths', 'user', 'nl');
  const phone = await page.locator('#preview-phone').boundingBox();
  expect(Math.round(phone!.width)).toBe(375 + 16); // the phone's 8 px frame on each side
  const phoneWidth = await page.frameLocator('#preview-phone').locator('html').evaluate((html: { clientWidth: number; scrollWidth: number }) => [html.clientWidth, html.scrollWidth]);
  expect(phoneWidth).toEqual([375, 375]);
  await page.locator('#pairs li[data-notification="meeting-cancelled"] .open').click();
  await page.fill('#subject', 'Weg: {{ meeting.type.name }}');
  await page.locator('#save').click();
  await until('the save', async () => (await text('#saved')).startsWith('Saved'));
  const seen = await previewed();
  await page.locator('#reset').click();
  expect(await page.inputValue('#subject')).toBe('Geannuleerd: {{ meeting.type.name }} met {{ meeting.guests }} op {{ meeting.date }}');
  expect(await nextPreview(seen)).toContain('Een afspraak is geannuleerd');
});
