import type { DomainEvent } from '@rendezvous/domain';
import { createEncryptingSerializer } from './encrypting-serializer';
import { parseEnvelope } from './field-cipher';
import { createInMemoryKeyStore } from './memory-keys';
import { sampleScheduled } from './samples';
import { partiesIntroduced, personalFields, resolveParty, subjectId } from './subjects';

const owners = (event: DomainEvent) =>
  Object.fromEntries(personalFields(event.type, event.data).map((f) => [f.path, f.owners().map((o) => (o.kind === 'subject' ? o.subject : o.kind === 'party' ? o.party : 'all guests')).join(' ')]));

describe('who owns each personal field', () => {
  it('names subjects by lower-cased email address or by userId', () => {
    expect(subjectId({ email: ' Gus@Example.COM ' })).toBe('email:gus@example.com');
    expect(subjectId({ userId: 'u-1' })).toBe('user:u-1');
  });

  it('gives host fields to the host, guest fields to each guest, and the description to the booker', () => {
    const guestBooked = sampleScheduled();
    expect(owners(guestBooked)).toEqual({
      'data.host.name': 'user:u-1', 'data.host.phone': 'user:u-1', 'data.host.jobTitle': 'user:u-1',
      'data.host.location.name': 'user:u-1', 'data.host.location.city': 'user:u-1', 'data.host.location.country': 'user:u-1',
      'data.host.email': 'user:u-1', 'data.host.profileUrl': 'user:u-1',
      'data.guests.0.name': 'email:gus@example.com', 'data.guests.0.email': 'email:gus@example.com', 'data.guests.0.phone': 'email:gus@example.com',
      'data.guests.1.name': 'email:greta@example.org', 'data.guests.1.email': 'email:greta@example.org',
      'data.description': 'email:gus@example.com',
    });
    const hostBooked = { ...guestBooked, data: { ...guestBooked.data, createdBy: 'user' as const } };
    expect(owners(hostBooked)['data.description']).toBe('user:u-1');
  });

  it('gives free text that names nobody to the meeting party who wrote it', () => {
    const at = '2026-03-01T09:00:00Z';
    expect(owners({ type: 'MeetingRescheduled', occurredAt: at, data: { meetingId: 'm-1', start: at, reason: 'r', by: 'user' } })).toEqual({ 'data.reason': 'host' });
    expect(owners({ type: 'MeetingCancelled', occurredAt: at, data: { meetingId: 'm-1', reason: 'r', by: 'guest' } })).toEqual({ 'data.reason': 'all guests' });
    expect(owners({ type: 'WrapUpNoteLeft', occurredAt: at, data: { meetingId: 'm-1', note: 'n' } })).toEqual({ 'data.note': 'host' });
    expect(owners({ type: 'MeetingReviewed', occurredAt: at, data: { meetingId: 'm-1', guestId: 'g-2', rating: 4, comment: 'c' } })).toEqual({ 'data.comment': 'guest:g-2' });
    expect(owners({ type: 'MeetingReviewed', occurredAt: at, data: { meetingId: 'm-1', guestId: 'g-2', rating: 4 } })).toEqual({});
    expect(owners({ type: 'MeetingStarted', occurredAt: at, data: { meetingId: 'm-1' } })).toEqual({});
  });

  it('treats profile updates as the user’s and bcc addresses as their own subjects; branding is not personal', () => {
    const at = '2026-03-01T09:00:00Z';
    expect(owners({ type: 'UserProfileUpdated', occurredAt: at, data: { userId: 'u-7', name: 'N', profileUrl: 'https://x.example/n', timezone: 'UTC' } })).toEqual({
      'data.name': 'user:u-7', 'data.profileUrl': 'user:u-7',
    });
    expect(owners({
      type: 'NotificationCustomized', occurredAt: at,
      data: { accountId: 'a-1', audience: 'guest', notification: 'review', subject: 's', body: 'b', bcc: ['Sales@Example.com'] },
    })).toEqual({ 'data.bcc.0': 'email:sales@example.com' });
    expect(owners({ type: 'BrandingConfigured', occurredAt: at, data: { accountId: 'a-1', companyName: 'Acme', hostname: 'meet.acme.test' } })).toEqual({});
  });

  it('learns the parties of a meeting from the events that introduce them', () => {
    const parties = new Map(partiesIntroduced('MeetingScheduled', sampleScheduled().data).map((p) => [p.party, p.subject]));
    expect(parties).toEqual(new Map([['host', 'user:u-1'], ['guest:g-1', 'email:gus@example.com'], ['guest:g-2', 'email:greta@example.org']]));
    expect(resolveParty({ kind: 'allGuests' }, parties)).toEqual(['email:gus@example.com', 'email:greta@example.org']);
    expect(resolveParty({ kind: 'party', party: 'guest:g-9' }, parties)).toEqual([]);
  });

  it('encrypts text whose writer is unknown (no recorded parties) under a key of the stream, never in clear', async () => {
    const keyStore = createInMemoryKeyStore();
    const serializer = createEncryptingSerializer({ keyStore });
    const event: DomainEvent = { type: 'MeetingCancelled', occurredAt: '2026-03-01T09:00:00Z', data: { meetingId: 'm-5', reason: 'Nobody knows', by: 'guest' } };
    const stored = await serializer.serialize('meeting-m-5', event);
    const envelope = parseEnvelope((stored.data as { reason: string }).reason);
    expect(envelope?.handles).toEqual([(await keyStore.subjectKey('stream:meeting-m-5')).handle]);
    expect(await serializer.deserialize('meeting-m-5', 0, stored)).toEqual(event);
  });
});
