import * as E from 'fp-ts/Either';
import { erasedEmail, erasedText } from '@rendezvous/domain';
import { verifyEntryLink } from '../links/verify';
import type { EmailToSend } from '../planning/email-to-send';
import { createRenderer } from './render';
import { sampleEmail } from './sample';

const renderer = createRenderer({ linkSecret: 'render-test-secret' });
// The content cell of the branded frame: what the template's body rendered to.
const contentOf = (html: string): string => html.split('class="rv-pad rv-content"')[1]!.replace(/^[^>]*>\n/, '').split('\n</td></tr>\n')[0]!;
// As planning gives it: an account branded before the meeting was scheduled.
const branded = (email: EmailToSend, extra: Partial<EmailToSend['account']> = {}): EmailToSend => ({
  ...email,
  meeting: { ...email.meeting, calendarHostname: 'meet.acme.example' },
  account: { ...email.account, companyName: 'Acme', hostname: 'meet.acme.example', ...extra },
});

describe('render', () => {
  it('renders the built-in email in the recipient language with subject, html, text, sender and ICS', () => {
    const out = renderer.render(branded(sampleEmail('guest', 'meeting-scheduled', 'nl')));
    expect(out.subject).toBe('Bevestigd: Intro call met Hanna de Vries op maandag 2 maart 2026 om 09:00');
    expect(out.from).toEqual({ name: 'Acme', email: 'no-reply@meet.acme.example' });
    expect(out.to).toEqual([{ name: 'Sam Jansen', email: 'sam@example.org' }]);
    expect(out.bcc).toEqual([]);
    expect(out.attachments).toEqual([]);
    expect(out.html).toContain('Je afspraak is bevestigd');
    expect(out.text).toContain('Je afspraak is bevestigd');
    expect(out.text).not.toContain('<');
    expect(out.calendar?.method).toBe('REQUEST');
    expect(out.calendar?.ics).toContain('UID:sample-meeting@meet.acme.example\r\n');
    expect(out).toMatchObject({ idempotencyKey: 'sample-meeting:meeting-scheduled:guest:sample-guest:preview', notification: 'meeting-scheduled', audience: 'guest', meetingId: 'sample-meeting', accountId: 'sample-account', sentAt: '2026-02-20T10:00:00Z' });
  });

  it('puts the same verifiable entry link in the html, the text and the invitation', () => {
    const out = renderer.render(branded(sampleEmail('guest', 'meeting-scheduled')));
    const link = /https:\/\/meet\.acme\.example\/m\/sample-meeting\?a=guest&r=sample-guest&t=[\w-]+/.exec(out.text)?.[0];
    expect(link).toBeDefined();
    expect(verifyEntryLink(link!, 'render-test-secret')).toEqual(E.right({ meetingId: 'sample-meeting', audience: 'guest', recipient: 'sample-guest' }));
    expect(out.html).toContain(link!.replace(/&/g, '&amp;'));
    expect(out.calendar?.ics.replace(/\r\n /g, '')).toContain(`LOCATION:${link!}`);
  });

  it("gives guest emails the current host as Reply-To, host emails none, and none when the host was erased (CONTRACT §2.15)", () => {
    const guestEmail = sampleEmail('guest', 'wrap-up');
    expect(renderer.render(branded(guestEmail)).replyTo).toEqual({ name: 'Hanna de Vries', email: 'hanna@example.com' });
    expect(renderer.render(branded(sampleEmail('user', 'meeting-scheduled'))).replyTo).toBeUndefined();
    const erasedHost = { ...guestEmail.meeting.host, name: erasedText, email: erasedEmail('0123456789abcdef') };
    expect('replyTo' in renderer.render(branded({ ...guestEmail, meeting: { ...guestEmail.meeting, host: erasedHost } }))).toBe(false);
  });

  it('drops an erased person\'s address and phone from the built-in contact rows, and keeps the rows of the others', () => {
    const guestEmail = sampleEmail('guest', 'wrap-up');
    const host = guestEmail.meeting.host;
    const shown = renderer.render(branded({ ...guestEmail, meeting: { ...guestEmail.meeting, host: { ...host, phone: '+31 20 123 4567' } } }));
    expect(shown.text).toContain('hanna@example.com');
    expect(shown.text).toContain('+31 20 123 4567');
    const erasedHost = { ...host, name: erasedText, email: erasedEmail('0123456789abcdef'), phone: erasedText, jobTitle: erasedText };
    const hidden = renderer.render(branded({ ...guestEmail, meeting: { ...guestEmail.meeting, host: erasedHost } }));
    expect(hidden.html).not.toContain('erased.invalid');
    expect(hidden.text).not.toContain('erased.invalid');
    // The name stays as the marker; nothing else in the email is left as one.
    expect(hidden.text.split(erasedText).length - 1).toBe(shown.text.split('Hanna de Vries').length - 1);
    expect(hidden.text).not.toMatch(/Email:|Phone:/);

    const hostEmail = sampleEmail('user', 'meeting-scheduled');
    const [first, ...others] = hostEmail.meeting.guests;
    const erasedGuest = { ...first!, name: erasedText, email: erasedEmail('fedcba9876543210'), phone: erasedText };
    const forHost = renderer.render(branded({ ...hostEmail, meeting: { ...hostEmail.meeting, guests: [erasedGuest, ...others] } }));
    expect(forHost.html).not.toContain('erased.invalid');
    expect(forHost.text).not.toContain('erased.invalid');
    expect(forHost.text).toContain(erasedText);
  });

  it('uses the fallback branding when the account has none, and a port never reaches the address', () => {
    const plain = renderer.render(sampleEmail('user', 'meeting-starts-soon'));
    expect(plain.from).toEqual({ name: 'Rendezvous', email: 'no-reply@meet.rendezvous.example' });
    expect(plain.calendar).toBeUndefined();
    const custom = createRenderer({ linkSecret: 'x', fallbackBranding: { companyName: 'Dev', hostname: 'localhost:3000' } });
    expect(custom.render(sampleEmail('user', 'meeting-starts-soon')).from).toEqual({ name: 'Dev', email: 'no-reply@localhost' });
    const from = createRenderer({ linkSecret: 'x', fromAddress: 'meetings@acme.example' });
    expect(from.render(sampleEmail('user', 'meeting-starts-soon')).from.email).toBe('meetings@acme.example');
  });

  it('refuses an empty link secret when it is created', () => {
    expect(() => createRenderer({ linkSecret: '' })).toThrow('linkSecret must not be empty');
  });

  it('renders the account customization with its bcc and attachments', () => {
    const email = branded(sampleEmail('guest', 'meeting-cancelled'), {
      customizations: [
        {
          subject: '{{ company.name|upper }}: {{ meeting.type.name }} is off',
          body: '<p>Dear {{ recipient.name }}, {{ cancellationReason }} <a href="{{ links.profile }}">Book again</a></p>',
          bcc: ['archive@acme.example'],
          attachments: [{ filename: 'terms.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0xLjQK' }],
        },
      ],
    });
    const out = renderer.render(email, '2026-02-21T08:00:00Z');
    expect(out.subject).toBe('ACME: Intro call is off');
    expect(contentOf(out.html)).toBe('<p>Dear Sam Jansen, We found the answer by email. <a href="https://www.example.com/team/hanna-de-vries">Book again</a></p>');
    expect(out.text).toContain('Dear Sam Jansen, We found the answer by email.');
    expect(out.bcc).toEqual(['archive@acme.example']);
    expect(out.attachments).toEqual([{ filename: 'terms.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4\n') }]);
    expect(out.calendar?.method).toBe('CANCEL');
    expect(out.sentAt).toBe('2026-02-21T08:00:00Z');
  });

  it('escapes values in the html and keeps the subject on one line', () => {
    const email = sampleEmail('guest', 'meeting-cancelled');
    const hostile = { ...email, cancellation: { reason: '<script>x</script>\r\nBcc: evil@example.com', by: 'user' as const } };
    const out = renderer.render({ ...hostile, account: { ...hostile.account, customizations: [{ subject: 'Off: {{ cancellationReason }}', body: '{{ cancellationReason }}', bcc: [], attachments: [] }] } });
    expect(out.subject).toBe('Off: <script>x</script> Bcc: evil@example.com');
    expect(contentOf(out.html)).toBe('&lt;script&gt;x&lt;/script&gt;\r\nBcc: evil@example.com');
  });

  it('carries values in the plain text as they are, not HTML-escaped (CONTRACT §3, 1.1)', () => {
    const raw = `Tom & Jerry <tom@example.com> "quoted" O'Neil &amp; 5 > 3`;
    const email = sampleEmail('guest', 'meeting-cancelled');
    const odd = { ...email, recipient: { ...email.recipient, name: raw }, cancellation: { reason: raw, by: 'user' as const } };
    const builtIn = renderer.render(branded(odd));
    expect(builtIn.text).toContain(`Hi ${raw},`);
    expect(builtIn.text.split(raw)).toHaveLength(3);
    expect(builtIn.html).toContain('Tom &amp; Jerry &lt;tom@example.com&gt; &quot;quoted&quot; O&#39;Neil &amp;amp; 5 &gt; 3');
    const custom = renderer.render(branded(odd, { customizations: [{ subject: 'Off', body: '<p>{{ recipient.name }}</p><p>{{ cancellationReason|upper }}</p>', bcc: [], attachments: [] }] }));
    expect(custom.text).toContain(`${raw}\n\n${raw.toUpperCase()}`);
    for (const escaped of ['Tom &amp; Jerry', '&lt;tom@', '&quot;quoted', 'O&#39;Neil', '&amp;amp;', '5 &gt; 3']) expect(custom.text.toLowerCase()).not.toContain(escaped.toLowerCase());
  });

  it('falls back to the built-in email when a stored customization no longer compiles', () => {
    const email = sampleEmail('guest', 'review');
    const out = renderer.render({ ...email, account: { ...email.account, customizations: [{ subject: '{{ nope }}', body: 'x', bcc: [], attachments: [] }] } });
    expect(out.subject).toBe('How was your Intro call with Hanna de Vries?');
  });
});

describe('preview', () => {
  it('renders a template against the sample meeting without sending', () => {
    const result = renderer.preview(
      { subject: 'See you {{ meeting.date }}', body: '<p>{{ meeting.user.name }} at {{ meeting.time }}</p>' },
      { audience: 'guest', notification: 'meeting-starts-soon', branding: { companyName: 'Acme', hostname: 'meet.acme.example' } },
    );
    expect(E.isRight(result) && [result.right.subject, contentOf(result.right.html), result.right.from.name]).toEqual([
      'See you Monday, March 2, 2026',
      '<p>Hanna de Vries at 09:00</p>',
      'Acme',
    ]);
    expect(E.isRight(result) && result.right.text).toBe('Acme\n\nHanna de Vries at 09:00\n\nSent by Acme · meet.acme.example (https://meet.acme.example/)');
  });

  it('is the same on every call (the sample data is fixed)', () => {
    const template = { subject: '{{ meeting.type.name }}', body: '{{ links.meeting }}' };
    const target = { audience: 'user', notification: 'meeting-scheduled', locale: 'nl' } as const;
    expect(renderer.preview(template, target)).toEqual(renderer.preview(template, target));
  });

  it('returns the TemplateError for a template that does not compile, naming where', () => {
    const result = renderer.preview({ subject: 'Hi', body: '<p>{{ meeting.usr.name }}</p>' }, { audience: 'guest', notification: 'meeting-scheduled' });
    expect(E.isLeft(result) && result.left).toMatchObject({ type: 'TemplateError', part: 'body', line: 1, column: 4, suggestion: 'meeting.user.name' });
  });

  it('refuses a variable that its notification does not offer', () => {
    const result = renderer.preview({ subject: '{{ cancellationReason }}', body: 'x' }, { audience: 'guest', notification: 'meeting-scheduled' });
    expect(E.isLeft(result) && result.left).toMatchObject({ type: 'TemplateError', part: 'subject', line: 1 });
  });
});

describe('compiled template reuse', () => {
  it('renders a draft edited in place between two previews with its new text', () => {
    const draft = { subject: 'One', body: '<p>one</p>' };
    const target = { audience: 'guest', notification: 'review' } as const;
    const first = renderer.preview(draft, target);
    (draft as { subject: string }).subject = 'Two';
    const second = renderer.preview(draft, target);
    expect([E.isRight(first) && first.right.subject, E.isRight(second) && second.right.subject]).toEqual(['One', 'Two']);
  });
});
