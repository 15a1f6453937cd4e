import { type Customization } from '@rendezvous/domain';
import type { Browser, Page } from 'playwright-core';
import type { Audience, NotificationId } from '@rendezvous/domain';
import { createRenderer, defaultPairs, sampleEmail, type EmailToSend } from '@rendezvous/notifications';
import { launchChromium } from './browser';

// Every built-in email, and one customized email per notification, in en and nl, as a phone
// (320, 375 px) and a desktop (1200 px) show them: the document is never wider than the screen.
// The data is chosen to be wide: long names and unbreakable addresses, three guests.

const renderer = createRenderer({ linkSecret: 'browser-test-secret' });
const widths = [320, 375, 1200] as const;
const locales = ['en', 'nl'] as const;
const pairs = defaultPairs.map((pair) => pair.split('/') as [Audience, NotificationId]);

const guests = [
  { guestId: 'sample-guest', name: 'Maximiliaan van Oldenbarnevelt-Hoogstraten', email: 'maximiliaan.vanoldenbarnevelt-hoogstraten@consultancy-international.example', phone: '+31 6 1234 5678' },
  { guestId: 'g-2', name: 'Bob Bakker', email: 'bob@example.org' },
  { guestId: 'g-3', name: 'Cy Chen', email: 'cy.chen.with.a.long.address@subsidiary.example.co.uk' },
];

function wideEmail(audience: Audience, notification: NotificationId, locale: string, customizations?: readonly Customization[]): EmailToSend {
  const email = sampleEmail(audience, notification, locale);
  return {
    ...email,
    meeting: {
      ...email.meeting,
      meetingType: { name: 'Quarterly portfolio review and financial planning session', durationMinutes: 45 },
      host: { ...email.meeting.host, name: 'Hanna de Vries-Vandersteen', email: 'hanna.devries-vandersteen@northwind-advisory-group.example', jobTitle: 'Senior Relationship Manager, Private Banking' },
      guests: guests.map((g) => ({ ...g, timezone: 'Europe/London' })),
    },
    recipient: audience === 'guest' ? { ...email.recipient, name: guests[0]!.name, email: guests[0]!.email } : email.recipient,
    account: { accountId: 'acc-wide', companyName: 'Northwind Advisory Group International', hostname: 'meetings.northwind-advisory-group.example', ...(customizations === undefined ? {} : { customizations }) },
  };
}

// What an admin might write: a heading, paragraphs, a details table, a bare long link and a
// banner image wider than a phone (the frame keeps images inside the card).
function customizationFor(notification: NotificationId, locale: string): Customization {
  const extra: Partial<Record<NotificationId, string>> = {
    'meeting-rescheduled': '<p>Reason: {{ reschedulingReason|nl2br }} (was {{ meeting.previousDate }} {{ meeting.previousTime }})</p>',
    'meeting-cancelled': '<blockquote style="border-left:3px solid #999;margin:0;padding:8px 12px">{{ cancellationReason|nl2br }}</blockquote>',
    'wrap-up': '<blockquote>{{ wrapup|nl2br }}</blockquote>',
    review: '<p><a href="{{ links.review }}" style="display:inline-block;padding:10px 20px;background:#0f766e;color:#fff;text-decoration:none">Rate us</a></p>',
  };
  const word = locale === 'nl' ? { hello: 'Hallo', host: 'Gastheer', guests: 'Gasten', when: 'Wanneer' } : { hello: 'Hello', host: 'Host', guests: 'Guests', when: 'When' };
  return {
    locale,
    subject: `{{ company.name }}: {{ meeting.type.name }} (${notification})`,
    body: [
      '<img src="https://cdn.northwind.example/banner.png" width="560" height="120" alt="Northwind" style="display:block;border:0">',
      `<h2 style="font-family:Georgia,serif;color:#0f766e">{{ meeting.type.name }}</h2>`,
      `<p>${word.hello} {{ recipient.name }},</p>`,
      extra[notification] ?? '',
      '<table role="presentation" width="100%" cellpadding="4" style="border-collapse:collapse">',
      `<tr><td style="color:#666">${word.when}</td><td><strong>{{ meeting.date }}, {{ meeting.time }}–{{ meeting.endTime }}</strong> ({{ meeting.timezone }})</td></tr>`,
      `<tr><td style="color:#666">${word.host}</td><td>{{ meeting.user.name }}, {{ meeting.user.email }}</td></tr>`,
      `<tr><td style="color:#666">${word.guests}</td><td>{{ meeting.guests }} · {{ meeting.guest.email }}</td></tr>`,
      '</table>',
      '<p>{{ links.meeting }}</p>',
      '<ul><li><a href="{{ links.calendar }}">Calendar</a></li><li><a href="mailto:{{ meeting.user.email }}">{{ meeting.user.email }}</a></li></ul>',
    ].join('\n'),
    bcc: [],
    attachments: [],
  };
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function widthAt(html: string, width: number): Promise<{ document: number; body: number }> {
  await page.setViewportSize({ width, height: 800 });
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  // A string, evaluated in the page: this package is compiled without the DOM's types.
  return page.evaluate<{ document: number; body: number }>('({ document: document.documentElement.scrollWidth, body: document.body.scrollWidth })');
}

const cases = pairs.flatMap(([audience, notification]) => locales.map((locale) => [audience, notification, locale] as const));

describe.each(cases)('%s %s (%s)', (audience, notification, locale) => {
  it.each(widths)('the built-in email fits a %i px screen', async (width) => {
    const html = renderer.render(wideEmail(audience, notification, locale)).html;
    expect(await widthAt(html, width)).toEqual({ document: width, body: width });
  });

  it.each(widths)('a customized email fits a %i px screen', async (width) => {
    const out = renderer.render(wideEmail(audience, notification, locale, [customizationFor(notification, locale)]));
    expect(out.html).toContain(`<html lang="${locale}">`);
    expect(await widthAt(out.html, width)).toEqual({ document: width, body: width });
  });
});
