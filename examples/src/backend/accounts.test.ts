import { defaultTemplate } from '@rendezvous/notifications';
import { call, outboxWith, scheduleBody, startTestBackend, type BackendUnderTest } from './testing/fixture';

// The Email Editor's routes: branding, customizing a pair (refused with line and column when the
// template does not compile), toggles, the overview and the preview.

const type = (slug: string) => `https://rendezvous.example/problems/${slug}`;
let t: BackendUnderTest;

beforeAll(async () => {
  t = await startTestBackend('memory');
});
afterAll(async () => {
  await t.stop();
});

it('lists every pair with the built-in template until an admin customizes it, and counts toggles per audience', async () => {
  const fresh = await call(t.url, 'GET', '/accounts/globex/notifications');
  expect(fresh.status).toBe(200);
  expect(fresh.body).toMatchObject({ accountId: 'globex', version: -1, locale: 'en' });
  expect([fresh.body.user.total, fresh.body.user.active, fresh.body.user.disabled]).toEqual([4, 4, 0]);
  expect([fresh.body.guest.total, fresh.body.guest.active, fresh.body.guest.disabled]).toEqual([6, 6, 0]);
  const builtIn = defaultTemplate('guest', 'review', 'en');
  expect(fresh.body.guest.pairs.find((p: { notification: string }) => p.notification === 'review')).toEqual({
    notification: 'review',
    enabled: true,
    customized: false,
    customizedLocales: [],
    template: { subject: builtIn?.subject, body: builtIn?.body, bcc: [], attachments: [] },
    builtIn: { subject: builtIn?.subject, body: builtIn?.body },
  });
  const dutch = await call(t.url, 'GET', '/accounts/globex/notifications?locale=nl');
  expect(dutch.body.guest.pairs[0].template.subject).toBe(defaultTemplate('guest', 'meeting-scheduled', 'nl')?.subject);
  const badLocale = await call(t.url, 'GET', '/accounts/globex/notifications?locale=%20');
  expect([badLocale.status, badLocale.body.field]).toEqual([400, 'locale']);

  const customized = await call(t.url, 'PUT', '/accounts/globex/notifications/guest/meeting-scheduled', {
    json: {
      subject: 'See you {{ meeting.date }}, {{ recipient.name }}',
      body: '<p>Hello {{ meeting.guest.name }}, join at {{ links.meeting }}</p>',
      bcc: ['crm@globex.example'],
      attachments: [{ filename: 'agenda.txt', contentType: 'text/plain', contentBase64: Buffer.from('1. Intro').toString('base64') }],
    },
  });
  expect([customized.status, customized.body]).toEqual([200, { version: 0, changed: true }]);
  expect((await call(t.url, 'POST', '/accounts/globex/notifications/user/meeting-starts-soon/disable')).body).toEqual({ version: 1, changed: true });
  expect((await call(t.url, 'POST', '/accounts/globex/notifications/user/meeting-starts-soon/disable')).body).toEqual({ version: 1, changed: false });
  expect((await call(t.url, 'POST', '/accounts/globex/notifications/guest/review/disable', { json: {} })).body).toEqual({ version: 2, changed: true });
  expect((await call(t.url, 'POST', '/accounts/globex/notifications/guest/review/enable')).body).toEqual({ version: 3, changed: true });

  const after = await call(t.url, 'GET', '/accounts/globex/notifications');
  expect([after.body.user.active, after.body.user.disabled, after.body.guest.active]).toEqual([3, 1, 6]);
  expect(after.body.guest.pairs[0]).toEqual({
    notification: 'meeting-scheduled',
    enabled: true,
    customized: true,
    customizedLocales: [null],
    template: {
      subject: 'See you {{ meeting.date }}, {{ recipient.name }}',
      body: '<p>Hello {{ meeting.guest.name }}, join at {{ links.meeting }}</p>',
      bcc: ['crm@globex.example'],
      attachments: [{ filename: 'agenda.txt', contentType: 'text/plain', bytes: 8 }],
    },
    builtIn: { subject: defaultTemplate('guest', 'meeting-scheduled', 'en')?.subject, body: defaultTemplate('guest', 'meeting-scheduled', 'en')?.body },
  });
  const whole = await call(t.url, 'GET', '/accounts/globex/notifications?attachments=content');
  expect(whole.body.guest.pairs[0].template.attachments).toEqual([{ filename: 'agenda.txt', contentType: 'text/plain', bytes: 8, contentBase64: Buffer.from('1. Intro').toString('base64') }]);

  // The customization is what guests of the account now receive.
  const meeting = await call(t.url, 'POST', '/meetings', { json: scheduleBody({ accountId: 'globex', meetingId: 'm-globex' }) });
  expect(meeting.status).toBe(201);
  const [toGuest] = await outboxWith(t.outbox, 'the customized confirmation', (e) => e.meetingId === 'm-globex' && e.audience === 'guest');
  expect(toGuest?.subject).toMatch(/^See you \w+day, .+, Gus Guest$/);
});

it('refuses a template that does not compile with its line, column and the closest valid name, and records nothing', async () => {
  const refused = await call(t.url, 'PUT', '/accounts/initech/notifications/guest/meeting-cancelled', {
    json: { subject: 'Cancelled: {{ meeting.type.name }}', body: '<p>Hi {{ recipient.name }},</p>\n<p>{{ meeting.usr.name }} cancelled.</p>' },
  });
  expect(refused.status).toBe(422);
  expect(refused.contentType).toBe('application/problem+json; charset=utf-8');
  expect(refused.body).toEqual({
    type: type('template-error'),
    title: 'The template does not compile',
    status: 422,
    detail: 'body line 2, column 4: unknown variable "meeting.usr.name"; did you mean "meeting.user.name"?',
    field: 'body',
    line: 2,
    column: 4,
    construct: 'meeting.usr.name',
    suggestion: 'meeting.user.name',
    instance: '/accounts/initech/notifications/guest/meeting-cancelled',
  });
  const wrongPair = await call(t.url, 'PUT', '/accounts/initech/notifications/guest/meeting-scheduled', { json: { subject: 'Why: {{ cancellationReason }}', body: '<p>x</p>' } });
  expect(wrongPair.status).toBe(422);
  expect(wrongPair.body).toMatchObject({ field: 'subject', line: 1, column: 6, construct: 'cancellationReason' });
  expect((await call(t.url, 'GET', '/accounts/initech/notifications')).body.version).toBe(-1);
});

it('keeps a customization per language and shows the one in force for the language asked', async () => {
  const dutch = await call(t.url, 'PUT', '/accounts/umbrella/notifications/guest/review', { json: { locale: 'nl', subject: 'Hoe was het?', body: '<p>Beoordeel ons</p>' } });
  expect(dutch.status).toBe(200);
  const nl = await call(t.url, 'GET', '/accounts/umbrella/notifications?locale=nl-BE');
  const review = (body: { guest: { pairs: { notification: string }[] } }) => body.guest.pairs.find((p) => p.notification === 'review');
  expect(review(nl.body)).toMatchObject({ customized: true, customizedLocales: ['nl'], template: { locale: 'nl', subject: 'Hoe was het?' } });
  const en = await call(t.url, 'GET', '/accounts/umbrella/notifications?locale=en');
  expect(review(en.body)).toMatchObject({ customized: false, customizedLocales: ['nl'], template: { subject: defaultTemplate('guest', 'review', 'en')?.subject } });
});

it('refuses a script or an event handler in the body with 422 at its line and column', async () => {
  const refused = await call(t.url, 'PUT', '/accounts/initech/notifications/guest/review', { json: { subject: 'x', body: '<p>Hi</p>\n<p onclick="steal()">x</p>' } });
  expect(refused.status).toBe(422);
  expect(refused.body).toMatchObject({ field: 'body', line: 2, column: 4, construct: 'onclick' });
  const preview = await call(t.url, 'POST', '/accounts/initech/notifications/guest/review/preview', { json: { body: '<script>alert(1)</script>' } });
  expect(preview.status).toBe(422);
  expect(preview.body).toMatchObject({ line: 1, column: 1, construct: '<script>' });
});

it('422 for fields over a limit or of the wrong type; 404 for a pair the catalogue does not have', async () => {
  const bcc = Array.from({ length: 11 }, (_, i) => `copy${i}@initech.example`);
  const tooMany = await call(t.url, 'PUT', '/accounts/initech/notifications/guest/wrap-up', { json: { subject: 'x', body: 'y', bcc } });
  expect([tooMany.status, tooMany.body.field, tooMany.body.detail]).toEqual([422, 'bcc', 'bcc: at most 10 addresses; this one lists 11']);
  const badAddress = await call(t.url, 'PUT', '/accounts/initech/notifications/guest/wrap-up', { json: { subject: 'x', body: 'y', bcc: ['nope'] } });
  expect([badAddress.status, badAddress.body.field]).toEqual([422, 'bcc.0']);
  const branding = await call(t.url, 'PUT', '/accounts/initech/branding', { json: { companyName: 'Initech', hostname: 'not a host' } });
  expect([branding.status, branding.body.field]).toEqual([422, 'hostname']);
  const hostOnly = await call(t.url, 'PUT', '/accounts/initech/notifications/user/wrap-up', { json: { subject: 'x', body: 'y' } });
  expect(hostOnly.status).toBe(404);
  expect(hostOnly.body).toMatchObject({ type: type('unknown-notification'), detail: 'wrap-up is only sent to guests; the user audience (the host) never receives it' });
  const unknown = await call(t.url, 'POST', '/accounts/initech/notifications/guest/birthday/enable');
  expect(unknown.body.detail).toBe('there is no notification "birthday"; notifications are meeting-scheduled, meeting-rescheduled, meeting-cancelled, meeting-starts-soon, wrap-up, review');
});

it('previews a draft against the sample meeting, under the account branding, without saving it', async () => {
  await call(t.url, 'PUT', '/accounts/hooli/branding', { json: { companyName: 'Hooli', hostname: 'meet.hooli.example', defaultLocale: 'nl' } });
  const draft = await call(t.url, 'POST', '/accounts/hooli/notifications/guest/meeting-rescheduled/preview', {
    json: { subject: 'Moved: {{ meeting.previousDate }} -> {{ meeting.date }}', body: '<p>{{ reschedulingReason|upper }} <a href="{{ links.meeting }}">Join</a></p>' },
  });
  expect(draft.status).toBe(200);
  expect(draft.body).toMatchObject({
    notification: 'meeting-rescheduled',
    audience: 'guest',
    from: { name: 'Hooli', email: 'no-reply@meet.hooli.example' },
    to: [{ name: 'Sam Jansen', email: 'sam@example.org' }],
    replyTo: { name: 'Hanna de Vries', email: 'hanna@example.com' },
    subject: 'Moved: vrijdag 27 februari 2026 -> maandag 2 maart 2026',
  });
  expect(draft.body.html).toContain('SOMETHING CAME UP ON MY SIDE.');
  expect(draft.body.html).toContain('href="https://meet.hooli.example/m/sample-meeting?a=guest');
  expect(draft.body.calendar.method).toBe('REQUEST');

  const builtIn = await call(t.url, 'POST', '/accounts/hooli/notifications/user/meeting-cancelled/preview');
  expect(builtIn.status).toBe(200);
  expect(builtIn.body.to).toEqual([{ name: 'Hanna de Vries', email: 'hanna@example.com' }]);
  expect(builtIn.body).not.toHaveProperty('replyTo');
  expect(builtIn.body.calendar.method).toBe('CANCEL');

  const broken = await call(t.url, 'POST', '/accounts/hooli/notifications/guest/review/preview', { json: { body: '{% if links.review %}Rate us' } });
  expect(broken.status).toBe(422);
  expect(broken.body).toMatchObject({ type: type('template-error'), field: 'body', line: 1 });
  expect((await call(t.url, 'GET', '/accounts/hooli/notifications')).body.guest.pairs.every((p: { customized: boolean }) => !p.customized)).toBe(true);
});

it('refuses an empty account id with a 422 naming the path (found by the fuzzer)', async () => {
  for (const [method, path] of [['GET', '/accounts/%20/notifications'], ['POST', '/accounts/%20/notifications/guest/review/preview'], ['PUT', '/accounts/%20/branding']] as const) {
    const answer = await call(t.url, method, path, method === 'GET' ? {} : { json: { companyName: 'Acme', hostname: 'acme.example' } });
    expect([answer.status, answer.body.field, answer.body.detail]).toEqual([422, 'id', 'id: the account id in the path is empty; the path is /accounts/<accountId>/..., e.g. /accounts/acme/notifications']);
  }
});
