import * as E from 'fp-ts/Either';
import type { AccountEvent } from '@rendezvous/domain';
import { fold } from '@rendezvous/domain';
import { evolveAccount, initialAccountState, pairSettings } from '@rendezvous/domain';
import type { Customization } from '@rendezvous/domain';
import type { EmailToSend } from '../planning/email-to-send';
import { createRenderer } from './render';
import { sampleEmail } from './sample';

const renderer = createRenderer({ linkSecret: 'customized-test-secret' });
const at = '2026-03-01T09:00:00Z';
const customized = (locale: string | undefined, subject: string, body: string): AccountEvent => ({
  type: 'NotificationCustomized',
  occurredAt: at,
  data: { accountId: 'acc-1', audience: 'guest', notification: 'meeting-scheduled', ...(locale === undefined ? {} : { locale }), subject, body },
});

function emailTo(locale: string, customizations: readonly Customization[] | undefined): EmailToSend {
  const email = sampleEmail('guest', 'meeting-scheduled', locale);
  return { ...email, account: { accountId: 'acc-1', companyName: 'Acme', hostname: 'meet.acme.example', ...(customizations === undefined ? {} : { customizations }) } };
}

const customizationsAfter = (events: readonly AccountEvent[]) => pairSettings(fold(evolveAccount, initialAccountState, events), 'guest', 'meeting-scheduled').customizations;

describe('customizations per language, inside the branded layout (CONTRACT §2.10)', () => {
  const history = [
    customized(undefined, 'Booked: {{ meeting.type.name }}', '<p>Any language</p>'),
    customized('nl', 'Geboekt: {{ meeting.type.name }}', '<p>Nederlands</p>'),
    customized('en', 'Booked (en): {{ meeting.type.name }}', '<p>English</p>'),
  ];

  it('chooses the one for the recipient locale, then its language, then the one without a locale', () => {
    const list = customizationsAfter(history);
    expect(renderer.render(emailTo('nl', list)).subject).toBe('Geboekt: Intro call');
    expect(renderer.render(emailTo('nl-BE', list)).subject).toBe('Geboekt: Intro call');
    expect(renderer.render(emailTo('en', list)).subject).toBe('Booked (en): Intro call');
    expect(renderer.render(emailTo('de', list)).subject).toBe('Booked: Intro call');
  });

  it('prefers the exact locale over its language', () => {
    const list = customizationsAfter([...history, customized('nl-BE', 'Vlaams: {{ meeting.type.name }}', '<p>Vlaams</p>')]);
    expect(renderer.render(emailTo('nl-BE', list)).subject).toBe('Vlaams: Intro call');
    expect(renderer.render(emailTo('nl', list)).subject).toBe('Geboekt: Intro call');
  });

  it('falls back to the built-in email in the recipient language when no customization applies', () => {
    const list = customizationsAfter([history[1]!]);
    expect(renderer.render(emailTo('en', list)).subject).toBe('Confirmed: Intro call with Hanna de Vries on Monday, March 2, 2026 at 09:00');
    expect(renderer.render(emailTo('nl', list)).subject).toBe('Geboekt: Intro call');
  });

  it('replaces the earlier customization of the same pair and locale, and only that one', () => {
    const list = customizationsAfter([...history, customized('NL', 'Nieuw: {{ meeting.type.name }}', '<p>Nieuw</p>')]);
    expect(list?.map((c) => [c.locale, c.subject])).toEqual([
      [undefined, 'Booked: {{ meeting.type.name }}'],
      ['NL', 'Nieuw: {{ meeting.type.name }}'],
      ['en', 'Booked (en): {{ meeting.type.name }}'],
    ]);
  });

  it('places the body in the same frame as the built-in emails: company name, card, footer, head', () => {
    const list = customizationsAfter(history);
    const custom = renderer.render(emailTo('nl', list)).html;
    const builtIn = renderer.render(emailTo('nl', undefined)).html;
    const frameOf = (html: string) => html.replace(/<title>[^<]*<\/title>/, '').replace(/class="rv-pad rv-content"([^>]*)>[\s\S]*?\n<\/td><\/tr>/, '$1');
    expect(frameOf(custom)).toBe(frameOf(builtIn));
    expect(custom).toContain('<p>Nederlands</p>');
    expect(custom).toMatch(/^<!DOCTYPE html>\n<html lang="nl">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">/);
    expect(custom).toContain('<title>Geboekt: Intro call</title>');
    expect(custom).toContain('Verstuurd door Acme');
  });

  it('gives every email a title, lang, charset and viewport, the title escaped', () => {
    const list: Customization[] = [{ subject: '<b>{{ meeting.type.name }}</b> & more', body: 'x', bcc: [], attachments: [] }];
    const html = renderer.render(emailTo('de', list)).html;
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<title>&lt;b&gt;Intro call&lt;/b&gt; &amp; more</title>');
    expect(html).toContain('Sent by Acme');
  });

  it('sends text attachments with charset=utf-8 and leaves other types as saved', () => {
    const attachments = [
      { filename: 'notes.txt', contentType: 'text/plain', contentBase64: 'aMOpCg==' },
      { filename: 'terms.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0xLjQK' },
    ];
    const out = renderer.render(emailTo('en', [{ subject: 'x', body: 'x', bcc: [], attachments }]));
    expect(out.attachments.map((a) => a.contentType)).toEqual(['text/plain; charset=utf-8', 'application/pdf']);
  });

  it('previews in the frame, and refuses what saving refuses', () => {
    const ok = renderer.preview({ subject: 'Hi', body: '<p>Hoi</p>' }, { audience: 'guest', notification: 'review', locale: 'nl' });
    expect(E.isRight(ok) && ok.right.html).toContain('<html lang="nl">');
    const script = renderer.preview({ subject: 'Hi', body: '<p>ok</p>\n<script>alert(1)</script>' }, { audience: 'guest', notification: 'review' });
    expect(E.isLeft(script) && [script.left.line, script.left.column, script.left.construct]).toEqual([2, 1, '<script>']);
  });
});

describe('meeting.guests and the built-in host emails (CONTRACT §3)', () => {
  const withGuests = (locale: string): EmailToSend => {
    const email = sampleEmail('user', 'meeting-cancelled', locale);
    const guests = ['Ann', 'Bob', 'Cy'].map((name, i) => ({ guestId: `g-${i}`, name, email: `${name.toLowerCase()}@example.org` }));
    return { ...email, meeting: { ...email.meeting, guests } };
  };

  it('joins every guest name in join order, in the recipient language', () => {
    const body = '<p>{{ meeting.guests }}</p>';
    const custom = (email: EmailToSend) => ({ ...email, account: { ...email.account, customizations: [{ subject: '{{ meeting.guests }}', body, bcc: [], attachments: [] }] } });
    expect(renderer.render(custom(withGuests('en'))).subject).toBe('Ann, Bob and Cy');
    expect(renderer.render(custom(withGuests('nl'))).subject).toBe('Ann, Bob en Cy');
    const one = sampleEmail('user', 'meeting-cancelled');
    expect(renderer.render(custom(one)).subject).toBe('Sam Jansen');
  });

  it('names every guest in the host cancellation, confirmation and reschedule', () => {
    for (const notification of ['meeting-scheduled', 'meeting-rescheduled', 'meeting-cancelled', 'meeting-starts-soon'] as const) {
      const email = withGuests('en');
      const out = renderer.render({ ...email, notification });
      expect(out.subject).toContain('Ann, Bob and Cy');
      expect(out.html).toContain('Ann, Bob and Cy');
    }
    expect(renderer.render(withGuests('nl')).html).toContain('Je afspraak met Ann, Bob en Cy');
  });
});
