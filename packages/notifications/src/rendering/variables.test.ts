import { notificationIds } from '@rendezvous/domain';
import { createLinks } from '../links/links';
import { verifyEntryLink } from '../links/verify';
import { variablesFor } from '../templates/catalogue';
import { sampleEmail } from './sample';
import { variablesForEmail } from './variables';

const links = createLinks({ secret: 's3cret-s3cret', hostname: 'meet.acme.example' });
const branding = { companyName: 'Acme', hostname: 'meet.acme.example' };

describe('variablesForEmail', () => {
  it.each(notificationIds.flatMap((n) => [['user', n], ['guest', n]] as const))(
    'fills exactly the catalogue names of %s %s',
    (audience, notification) => {
      const vars = variablesForEmail(sampleEmail(audience, notification), branding, links);
      expect(Object.keys(vars).sort()).toEqual([...variablesFor(notification)].sort());
    },
  );

  it('formats date and time in the recipient zone and locale', () => {
    // 09:00Z on March 2 is 10:00 in Amsterdam (the host) and 09:00 in London (the guest).
    const host = variablesForEmail(sampleEmail('user', 'meeting-scheduled'), branding, links);
    expect([host['meeting.date'], host['meeting.time'], host['meeting.endTime'], host['meeting.timezone']]).toEqual([
      'Monday, March 2, 2026', '10:00', '10:30', 'Europe/Amsterdam',
    ]);
    const guest = variablesForEmail(sampleEmail('guest', 'meeting-scheduled', 'nl'), branding, links);
    expect([guest['meeting.date'], guest['meeting.time'], guest['meeting.endTime'], guest['meeting.timezone']]).toEqual([
      'maandag 2 maart 2026', '09:00', '09:30', 'Europe/London',
    ]);
  });

  it('crosses the date line in the recipient zone', () => {
    const email = sampleEmail('guest', 'meeting-scheduled');
    const late = { ...email, recipient: { ...email.recipient, timezone: 'Pacific/Auckland' }, meeting: { ...email.meeting, start: '2026-03-02T13:30:00Z', end: '2026-03-02T14:00:00Z' } };
    const vars = variablesForEmail(late, branding, links);
    expect([vars['meeting.date'], vars['meeting.time'], vars['meeting.endTime']]).toEqual(['Tuesday, March 3, 2026', '02:30', '03:00']);
  });

  it('falls back to English formats for a locale the runtime has no data for', () => {
    const vars = variablesForEmail(sampleEmail('guest', 'meeting-scheduled', 'qaa'), branding, links);
    expect(vars['meeting.date']).toBe('Monday, March 2, 2026');
  });

  it('fills the host, the guest, the meeting and the branding', () => {
    const vars = variablesForEmail(sampleEmail('user', 'meeting-scheduled'), branding, links);
    expect(vars).toMatchObject({
      'company.name': 'Acme',
      'general.hostname': 'meet.acme.example',
      'meeting.id': 'sample-meeting',
      'meeting.status': 'scheduled',
      'meeting.type.name': 'Intro call',
      'meeting.type.duration': 30,
      'meeting.isCreatedByGuest': true,
      'meeting.user.name': 'Hanna de Vries',
      'meeting.user.jobTitle': 'Account Manager',
      'meeting.user.locationName': 'Head office',
      'meeting.user.city': 'Amsterdam',
      'meeting.user.postcode': '1012 AB',
      'meeting.guest.name': 'Sam Jansen',
      'meeting.guest.email': 'sam@example.org',
      'recipient.name': 'Hanna de Vries',
      'recipient.email': 'hanna@example.com',
      'links.profile': 'https://www.example.com/team/hanna-de-vries',
    });
  });

  it('shows the recipient guest, not the first one, in a guest email', () => {
    const email = sampleEmail('guest', 'meeting-scheduled');
    const second = { guestId: 'g-2', name: 'Kim Bakker', email: 'kim@example.org' };
    const withTwo = { ...email, recipient: { ...email.recipient, id: 'g-2', name: 'Kim Bakker', email: 'kim@example.org' }, meeting: { ...email.meeting, guests: [...email.meeting.guests, second] } };
    const vars = variablesForEmail(withTwo, branding, links);
    expect([vars['meeting.guest.name'], vars['meeting.guest.email'], vars['meeting.guest.phone']]).toEqual(['Kim Bakker', 'kim@example.org', '']);
  });

  it('gives each recipient their own verifiable entry link', () => {
    const vars = variablesForEmail(sampleEmail('guest', 'meeting-scheduled'), branding, links);
    const url = vars['links.meeting'] as string;
    expect(verifyEntryLink(url, 's3cret-s3cret')).toEqual({ _tag: 'Right', right: { meetingId: 'sample-meeting', audience: 'guest', recipient: 'sample-guest' } });
    for (const name of ['links.meeting', 'links.reschedule', 'links.cancel', 'links.calendar']) {
      expect(vars[name]).toMatch(/^https:\/\/meet\.acme\.example\//);
    }
    // The host's profile page is theirs, wherever it is (CONTRACT §3, 1.1).
    expect(vars['links.profile']).toBe('https://www.example.com/team/hanna-de-vries');
  });

  it('fills the notification-only values', () => {
    const r = variablesForEmail(sampleEmail('guest', 'meeting-rescheduled'), branding, links);
    expect([r['reschedulingReason'], r['meeting.previousDate'], r['meeting.previousTime']]).toEqual([
      'Something came up on my side.', 'Friday, February 27, 2026', '14:00',
    ]);
    expect(variablesForEmail(sampleEmail('guest', 'meeting-cancelled'), branding, links)['cancellationReason']).toBe('We found the answer by email.');
    expect(variablesForEmail(sampleEmail('guest', 'wrap-up'), branding, links)['wrapup']).toBe('Thanks for your time!\nHere are the next steps we agreed on.');
    expect(variablesForEmail(sampleEmail('guest', 'review'), branding, links)['links.review']).toMatch(/^https:\/\/meet\.acme\.example\/m\/sample-meeting\/review\?a=guest&r=sample-guest&t=/);
  });
});
