import * as E from 'fp-ts/Either';
import type { Audience, NotificationId } from '@rendezvous/domain';
import { createRenderer } from '../rendering/render';
import { sampleEmail } from '../rendering/sample';
import { compileTemplate } from '../templates/compile';
import { defaultPairs } from './copy';
import { defaultTemplate, hasDefaultTemplate } from './templates';

const branding = { companyName: 'Acme', hostname: 'meet.acme.example' };
const pairs = defaultPairs.map((p) => p.split('/') as [Audience, NotificationId]);

const renderer = createRenderer({ linkSecret: 'defaults-test-secret' });

// The whole email as sent: the built-in content in the branded frame.
function render(audience: Audience, notification: NotificationId, locale: string): { subject: string; html: string } {
  const email = sampleEmail(audience, notification, locale);
  const out = renderer.render({ ...email, account: { ...email.account, ...branding } });
  return { subject: out.subject, html: out.html };
}

describe('built-in default templates', () => {
  it.each(pairs.flatMap(([a, n]) => [[a, n, 'en'], [a, n, 'nl']] as const))(
    '%s %s (%s) compiles in the template language admins use',
    (audience, notification, locale) => {
      const source = defaultTemplate(audience, notification, locale)!;
      expect(E.isRight(compileTemplate(source.subject, { notification, audience, part: 'subject' }))).toBe(true);
      expect(E.isRight(compileTemplate(source.body, { notification, audience, part: 'body' }))).toBe(true);
    },
  );

  it('exist for every pair of docs/CONTRACT.md §2 and for no other', () => {
    expect(defaultPairs).toHaveLength(10);
    expect(hasDefaultTemplate('user', 'wrap-up')).toBe(false);
    expect(hasDefaultTemplate('user', 'review')).toBe(false);
    expect(defaultTemplate('user', 'review', 'en')).toBeUndefined();
  });

  it('fall back by language: nl-BE uses Dutch, de uses English', () => {
    expect(defaultTemplate('guest', 'review', 'nl-BE')).toBe(defaultTemplate('guest', 'review', 'nl'));
    expect(defaultTemplate('guest', 'review', 'de')).toBe(defaultTemplate('guest', 'review', 'en'));
    expect(defaultTemplate('guest', 'review', 'nl')!.subject).toBe('Hoe was je {{ meeting.type.name }} met {{ meeting.user.name }}?');
  });

  it('render a guest confirmation with the date and time in the guest zone and the entry button', () => {
    const { subject, html } = render('guest', 'meeting-scheduled', 'en');
    expect(subject).toBe('Confirmed: Intro call with Hanna de Vries on Monday, March 2, 2026 at 09:00');
    expect(html).toContain('Monday, March 2, 2026, 09:00 – 09:30 (Europe/London)');
    expect(html).toContain('Thank you for booking a meeting with Hanna de Vries.');
    expect(html).toMatch(/<a href="https:\/\/meet\.acme\.example\/m\/sample-meeting\?a=guest&amp;r=sample-guest&amp;t=[\w-]+" target="_blank"[^>]*>Join the meeting<\/a>/);
    expect(html).toContain('>Add to calendar</a>');
    expect(html).toContain('A first conversation about your plans.<br>Bring your questions.');
    expect(html).toContain('<html lang="en">');
  });

  it('render the host version in the host zone, with the guest contact', () => {
    const { subject, html } = render('user', 'meeting-scheduled', 'en');
    expect(subject).toBe('New meeting: Intro call with Sam Jansen on Monday, March 2, 2026 at 10:00');
    expect(html).toContain('Sam Jansen booked a meeting with you.');
    expect(html).toContain('sam@example.org');
    expect(html).toContain('>Start the meeting</a>');
  });

  it('carry the reason and both times when rescheduled', () => {
    const { subject, html } = render('guest', 'meeting-rescheduled', 'nl');
    expect(subject).toBe('Verzet: Intro call met Hanna de Vries, nu op maandag 2 maart 2026 om 09:00');
    expect(html).toContain('Something came up on my side.');
    expect(html).toContain('vrijdag 27 februari 2026, 14:00');
    expect(html).toContain('<html lang="nl">');
  });

  it('carry the reason when cancelled, and offer a new booking to the guest', () => {
    const { subject, html } = render('guest', 'meeting-cancelled', 'en');
    expect(subject).toBe('Cancelled: Intro call with Hanna de Vries on Monday, March 2, 2026');
    expect(html).toContain('We found the answer by email.');
    expect(html).toContain('<a href="https://www.example.com/team/hanna-de-vries" target="_blank"');
    expect(html).not.toContain('Join the meeting');
  });

  it('offer no button to a host without a profile page, nor a sentence pointing at one', () => {
    for (const [notification, locale, words] of [['meeting-cancelled', 'en', 'button below'], ['meeting-cancelled', 'nl', 'knop hieronder'], ['wrap-up', 'en', 'Book a follow-up']] as const) {
      const email = sampleEmail('guest', notification, locale);
      const { profileUrl: _, ...host } = email.meeting.host;
      const out = renderer.render({ ...email, meeting: { ...email.meeting, host }, account: { ...email.account, ...branding } });
      expect(out.html).not.toContain('bgcolor="#2563eb"');
      expect(out.text).not.toContain(words);
      expect(render('guest', notification, locale).html).toContain('href="https://www.example.com/team/hanna-de-vries"');
    }
  });

  it('carry the host note in a wrap-up and the review link in a review', () => {
    expect(render('guest', 'wrap-up', 'en').html).toContain('Thanks for your time!<br>Here are the next steps we agreed on.');
    expect(render('guest', 'review', 'en').html).toMatch(/href="https:\/\/meet\.acme\.example\/m\/sample-meeting\/review\?a=guest&amp;r=sample-guest&amp;t=[\w-]+"/);
  });

  it("put every link under the account hostname, but the host's own profile page", () => {
    for (const [audience, notification] of pairs) {
      const { html } = render(audience, notification, 'en');
      const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^https:\/\/(meet\.acme\.example\/|www\.example\.com\/team\/hanna-de-vries$)/);
    }
  });
});
