import type { Audience, NotificationId } from '@rendezvous/domain';
import type { EmailToSend } from '../planning/email-to-send';

// Fixed, made-up data for the editor's preview pane: the same on every call, so a preview is
// reproducible, and rich enough that every catalogue variable shows something.
const host = {
  userId: 'sample-user',
  name: 'Hanna de Vries',
  email: 'hanna@example.com',
  timezone: 'Europe/Amsterdam',
  locale: 'en',
  phone: '+31 20 123 4567',
  jobTitle: 'Account Manager',
  location: { name: 'Head office', city: 'Amsterdam', state: 'Noord-Holland', postcode: '1012 AB', country: 'Netherlands' },
  // On another domain than the account's, as a profile page may be (CONTRACT §3 links.profile).
  profileUrl: 'https://www.example.com/team/hanna-de-vries',
} as const;

const guest = { guestId: 'sample-guest', name: 'Sam Jansen', email: 'sam@example.org', phone: '+44 20 7946 0000' } as const;

/** A sample email of `notification` for `audience`, as planning would hand it to rendering. */
export function sampleEmail(audience: Audience, notification: NotificationId, locale = 'en'): EmailToSend {
  const recipient =
    audience === 'user'
      ? { kind: audience, id: host.userId, name: host.name, email: host.email, timezone: host.timezone, locale }
      : { kind: audience, id: guest.guestId, name: guest.name, email: guest.email, timezone: 'Europe/London', locale };
  const ended = notification === 'wrap-up' || notification === 'review';
  const cancelled = notification === 'meeting-cancelled';
  return {
    idempotencyKey: `sample-meeting:${notification}:${audience}:${recipient.id}:preview`,
    key: { meetingId: 'sample-meeting', notification, audience, recipientId: recipient.id, triggerVersion: 0 },
    notification,
    audience,
    dueAt: '2026-02-20T10:00:00Z',
    recipient,
    meeting: {
      meetingId: 'sample-meeting',
      accountId: 'sample-account',
      status: ended ? 'completed' : cancelled ? 'cancelled' : 'scheduled',
      meetingType: { name: 'Intro call', durationMinutes: 30 },
      description: 'A first conversation about your plans.\nBring your questions.',
      start: '2026-03-02T09:00:00Z',
      end: '2026-03-02T09:30:00Z',
      host,
      guests: [{ ...guest, timezone: 'Europe/London' }],
      createdBy: 'guest',
    },
    account: { accountId: 'sample-account' },
    sequence: notification === 'meeting-scheduled' ? 0 : 1,
    ...(notification === 'meeting-rescheduled'
      ? { rescheduling: { reason: 'Something came up on my side.', previousStart: '2026-02-27T14:00:00Z', by: 'user' as const } }
      : {}),
    ...(cancelled ? { cancellation: { reason: 'We found the answer by email.', by: 'guest' as const } } : {}),
    ...(notification === 'wrap-up' ? { wrapUpNote: 'Thanks for your time!\nHere are the next steps we agreed on.' } : {}),
  };
}
