// Takes the screenshots of the Email Editor and of a few emails that the README shows:
//   pnpm exec tsx examples/src/backend/admin/screenshots.ts [out-dir]   (default docs/)
// Starts an in-memory backend on a free port, drives the page in Chromium, and writes PNGs.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTestBackend } from '../testing/fixture';
import { launchChromium } from './browser';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'docs');
  mkdirSync(out, { recursive: true });
  // Without ADMIN_TOKEN, so the page opens at once (the sign-in is covered by the browser tests).
  const backend = await startTestBackend('memory', { openAdmin: true });
  const put = (path: string, json: unknown) => fetch(backend.url + path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  await put('/accounts/northwind/branding', { companyName: 'Northwind Advisory', hostname: 'meet.northwind.example', defaultLocale: 'en' });
  await fetch(backend.url + '/accounts/northwind/notifications/guest/review/disable', { method: 'POST' });
  await put('/accounts/northwind/notifications/guest/meeting-scheduled', {
    locale: 'en',
    subject: '{{ company.name }}: your {{ meeting.type.name|lower }} on {{ meeting.date }}',
    body: [
      '<p>Hello {{ recipient.name }},</p>',
      '<p>Your {{ meeting.type.name|lower }} with <strong>{{ meeting.user.name }}</strong> is booked for',
      '{{ meeting.date }} at {{ meeting.time }} ({{ meeting.timezone }}).</p>',
      '<p><a href="{{ links.meeting }}">Join the meeting</a> &middot; <a href="{{ links.reschedule }}">Reschedule</a></p>',
      '<p>See you soon,<br>{{ meeting.user.name }}</p>',
    ].join('\n'),
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${backend.url}/admin?account=northwind&audience=guest&language=en`);
    await page.waitForSelector('body[data-previewed]');
    await page.locator('#pairs li[data-notification="meeting-scheduled"] .open').click();
    await page.waitForFunction('document.getElementById("body").value.includes("Hello")');
    await page.locator('#body').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n<p>Your host: {{ meeting.usr.name }}, {{ meeting.user.jobTitle }}</p>');
    await page.waitForSelector('#error:not([hidden])');
    await page.locator('#error-fix').click();
    await page.waitForSelector('#error', { state: 'hidden' });
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, 'email-editor.png') });
    const phone = await browser.newPage({ viewport: { width: 375, height: 900 } });
    for (const [audience, notification, locale] of [['user', 'meeting-cancelled', 'en'], ['guest', 'meeting-rescheduled', 'nl']] as const) {
      const res = await fetch(`${backend.url}/accounts/northwind/notifications/${audience}/${notification}/preview`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale }) });
      const email = (await res.json()) as { html: string };
      await phone.setContent(email.html);
      await phone.screenshot({ path: join(out, `email-${audience}-${notification}-${locale}-375.png`), fullPage: true });
    }
  } finally {
    await browser.close();
    await backend.stop();
  }
  process.stdout.write(`screenshots in ${out}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
