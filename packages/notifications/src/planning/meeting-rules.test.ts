import { type DomainEvent, erasedEmail } from '@rendezvous/domain';
import {
  aGuest,
  aHost,
  cancelMeeting,
  endMeeting,
  inviteGuest,
  leaveWrapUpNote,
  reassignMeeting,
  recorded,
  rescheduleMeeting,
  reviewMeeting,
  scheduleMeeting,
  startMeeting,
} from '@rendezvous/domain/testing';
import { run } from './testing/virtual-clock';

// The sample meeting m-1: booked 2026-03-01 09:00Z by guest g-1 (gus) with host u-1 (hanna),
// for 2026-03-02 09:00Z, 30 minutes.
const scheduled = recorded(scheduleMeeting());
const later = '2026-03-10T00:00:00Z';

describe('who receives what (docs/CONTRACT.md §2)', () => {
  it('1. MeetingScheduled: meeting-scheduled to the host and every guest at once, SEQUENCE 0', () => {
    const two = recorded(scheduleMeeting({ guests: [aGuest(), aGuest({ guestId: 'g-2', email: 'greta@example.com' })] }));
    const { sent } = run([two], '2026-03-01T23:00:00Z');
    expect(sent.map((s) => [s.sentAt, s.email.idempotencyKey, s.email.recipient.email, s.email.sequence])).toEqual([
      ['2026-03-01T09:00:00Z', 'm-1:meeting-scheduled:guest:g-1:0', 'gus@example.com', 0],
      ['2026-03-01T09:00:00Z', 'm-1:meeting-scheduled:guest:g-2:0', 'greta@example.com', 0],
      ['2026-03-01T09:00:00Z', 'm-1:meeting-scheduled:user:u-1:0', 'hanna@example.com', 0],
    ]);
  });

  it('2. GuestInvited: meeting-scheduled to that guest only, and the reminder to them too', () => {
    const { lines } = run([scheduled, recorded(inviteGuest())], later);
    expect(lines).toEqual([
      '2026-03-01T09:00:00Z m-1:meeting-scheduled:guest:g-1:0',
      '2026-03-01T09:00:00Z m-1:meeting-scheduled:user:u-1:0',
      '2026-03-01T12:00:00Z m-1:meeting-scheduled:guest:g-2:1',
      '2026-03-02T08:00:00Z m-1:meeting-starts-soon:guest:g-1:0',
      '2026-03-02T08:00:00Z m-1:meeting-starts-soon:guest:g-2:0',
      '2026-03-02T08:00:00Z m-1:meeting-starts-soon:user:u-1:0',
    ]);
  });

  it('3. MeetingReassigned: meeting-scheduled to the new host, meeting-cancelled to the previous one', () => {
    const { sent, lines } = run([scheduled, recorded(reassignMeeting())], later);
    expect(lines).toEqual([
      '2026-03-01T09:00:00Z m-1:meeting-scheduled:guest:g-1:0',
      '2026-03-01T09:00:00Z m-1:meeting-scheduled:user:u-1:0',
      '2026-03-01T12:00:00Z m-1:meeting-cancelled:user:u-1:1',
      '2026-03-01T12:00:00Z m-1:meeting-scheduled:user:u-2:1',
      '2026-03-02T08:00:00Z m-1:meeting-starts-soon:guest:g-1:0',
      '2026-03-02T08:00:00Z m-1:meeting-starts-soon:user:u-2:0',
    ]);
    const [cancel, welcome] = [sent[2]!.email, sent[3]!.email];
    expect([cancel.recipient.email, cancel.sequence, cancel.cancellation]).toEqual([
      'hanna@example.com',
      1,
      { reason: 'The meeting was handed to Rita Replacement.', by: 'reassignment' },
    ]);
    // 1.1: the reassign raises the meeting's SEQUENCE, and both of its invitations carry it.
    expect([welcome.recipient.email, welcome.sequence, welcome.meeting.host.email]).toEqual(['rita@example.com', 1, 'rita@example.com']);
  });

  it("3. (1.1) the previous host's cancellationReason is a sentence in their own locale, else the account's", () => {
    const reason = (history: readonly DomainEvent[]) =>
      run(history, later).sent.find((s) => s.email.idempotencyKey === 'm-1:meeting-cancelled:user:u-1:1')?.email.cancellation?.reason;
    const dutchHost = recorded(scheduleMeeting({ host: aHost({ locale: 'nl-BE' }) }));
    expect(reason([dutchHost, recorded(reassignMeeting())])).toBe('De afspraak is overgedragen aan Rita Replacement.');
    const branding: DomainEvent = {
      type: 'BrandingConfigured',
      occurredAt: '2026-03-01T08:00:00Z',
      data: { accountId: 'acc-1', companyName: 'Acme', hostname: 'meet.acme.com', defaultLocale: 'nl' },
    };
    expect(reason([branding, scheduled, recorded(reassignMeeting())])).toBe('De afspraak is overgedragen aan Rita Replacement.');
    const german = recorded(scheduleMeeting({ host: aHost({ locale: 'de' }) }));
    expect(reason([german, recorded(reassignMeeting())])).toBe('The meeting was handed to Rita Replacement.');
  });

  it('3. a host reassigned away and back gets the reminder again, once, under its first key', () => {
    const back = recorded(reassignMeeting({ now: '2026-03-01T13:00:00Z', host: aHost() }));
    const { lines, session } = run([scheduled, recorded(reassignMeeting()), back], later);
    expect(lines.filter((l) => l.includes('starts-soon'))).toEqual([
      '2026-03-02T08:00:00Z m-1:meeting-starts-soon:guest:g-1:0',
      '2026-03-02T08:00:00Z m-1:meeting-starts-soon:user:u-1:0',
    ]);
    expect(session.explain('m-1').filter((r) => r.notification === 'meeting-starts-soon' && r.audience === 'user').map((r) => [r.recipientId, r.state])).toEqual([
      ['u-1', 'withdrawn'],
      ['u-2', 'withdrawn'],
      ['u-1', 'sent'],
    ]);
  });

  it('4. MeetingRescheduled: meeting-rescheduled to everyone with reason and previous start; the reminder moves', () => {
    const { sent, lines } = run([scheduled, recorded(rescheduleMeeting())], later);
    expect(lines).toEqual([
      '2026-03-01T09:00:00Z m-1:meeting-scheduled:guest:g-1:0',
      '2026-03-01T09:00:00Z m-1:meeting-scheduled:user:u-1:0',
      '2026-03-01T12:00:00Z m-1:meeting-rescheduled:guest:g-1:1',
      '2026-03-01T12:00:00Z m-1:meeting-rescheduled:user:u-1:1',
      '2026-03-03T08:00:00Z m-1:meeting-starts-soon:guest:g-1:1',
      '2026-03-03T08:00:00Z m-1:meeting-starts-soon:user:u-1:1',
    ]);
    const email = sent[2]!.email;
    expect([email.sequence, email.rescheduling, email.meeting.start, email.meeting.end]).toEqual([
      1,
      { reason: 'Train delayed', previousStart: '2026-03-02T09:00:00Z', by: 'guest' },
      '2026-03-03T09:00:00Z',
      '2026-03-03T09:30:00Z',
    ]);
  });

  it('5. MeetingCancelled: meeting-cancelled to everyone with the reason, one SEQUENCE higher; no reminder', () => {
    const { sent, lines } = run([scheduled, recorded(rescheduleMeeting()), recorded(cancelMeeting({ now: '2026-03-01T13:00:00Z' }))], later);
    expect(lines.slice(4)).toEqual(['2026-03-01T13:00:00Z m-1:meeting-cancelled:guest:g-1:2', '2026-03-01T13:00:00Z m-1:meeting-cancelled:user:u-1:2']);
    expect([sent[4]!.email.sequence, sent[4]!.email.cancellation, sent[4]!.email.meeting.status]).toEqual([
      2,
      { reason: 'Host is ill', by: 'user' },
      'cancelled',
    ]);
  });

  describe('6. meeting-starts-soon', () => {
    const reminders = (lines: readonly string[]) => lines.filter((line) => line.includes('starts-soon'));

    it('is not sent when the start was set less than 3 hours before it', () => {
      const late = recorded(scheduleMeeting({ now: '2026-03-02T06:00:01Z' }));
      expect(reminders(run([late], later).lines)).toEqual([]);
    });

    it('is sent when the start was set exactly 3 hours before it', () => {
      const onTime = recorded(scheduleMeeting({ now: '2026-03-02T06:00:00Z' }));
      expect(reminders(run([onTime], later).lines)).toEqual([
        '2026-03-02T08:00:00Z m-1:meeting-starts-soon:guest:g-1:0',
        '2026-03-02T08:00:00Z m-1:meeting-starts-soon:user:u-1:0',
      ]);
    });

    it('counts the notice from the last reschedule', () => {
      const moved = recorded(rescheduleMeeting({ now: '2026-03-03T07:00:00Z' }));
      expect(reminders(run([scheduled, moved], later).lines)).toEqual([
        '2026-03-02T08:00:00Z m-1:meeting-starts-soon:guest:g-1:0',
        '2026-03-02T08:00:00Z m-1:meeting-starts-soon:user:u-1:0',
      ]);
    });

    it('is not sent when the meeting is LIVE, or cancelled, at the due time (an event at that instant counts)', () => {
      const early = recorded(startMeeting({ now: '2026-03-02T07:30:00Z' }));
      expect(reminders(run([scheduled, early], later).lines)).toEqual([]);
      const cancelledThen = recorded(cancelMeeting({ now: '2026-03-02T08:00:00Z' }));
      expect(reminders(run([scheduled, cancelledThen], later).lines)).toEqual([]);
    });

    it('goes out when due even if the meeting is cancelled a second later', () => {
      const cancelledAfter = recorded(cancelMeeting({ now: '2026-03-02T08:00:01Z' }));
      expect(reminders(run([scheduled, cancelledAfter], later).lines)).toHaveLength(2);
    });
  });

  it('7. WrapUpNoteLeft: wrap-up with the note to every guest, never the host', () => {
    const history = [scheduled, recorded(inviteGuest()), recorded(startMeeting()), recorded(endMeeting()), recorded(leaveWrapUpNote())];
    const { sent } = run(history, '2026-03-02T10:00:00Z');
    const wrapUps = sent.filter((s) => s.email.notification === 'wrap-up');
    expect(wrapUps.map((s) => [s.sentAt, s.email.idempotencyKey, s.email.wrapUpNote])).toEqual([
      ['2026-03-02T10:00:00Z', 'm-1:wrap-up:guest:g-1:4', 'Thanks! The slides are attached.'],
      ['2026-03-02T10:00:00Z', 'm-1:wrap-up:guest:g-2:4', 'Thanks! The slides are attached.'],
    ]);
  });

  it('8. review: 60 minutes after the end, to each guest who has not reviewed by then', () => {
    const history = [scheduled, recorded(inviteGuest()), recorded(startMeeting()), recorded(endMeeting()), recorded(reviewMeeting())];
    const { sent } = run(history, later);
    const reviews = sent.filter((s) => s.email.notification === 'review');
    expect(reviews.map((s) => [s.sentAt, s.email.idempotencyKey, s.email.meeting.status])).toEqual([
      ['2026-03-02T10:31:00Z', 'm-1:review:guest:g-2:3', 'completed'],
    ]);
  });

  it('8. review: none without MeetingEnded (a missed meeting asks for no review)', () => {
    const { sent } = run([scheduled, recorded(startMeeting())], later);
    expect(sent.filter((s) => s.email.notification === 'review')).toEqual([]);
  });

  it('never plans or sends to an erased address', () => {
    const erasedGuest = aGuest({ guestId: 'g-2', email: erasedEmail('x1') });
    const { lines, session } = run([recorded(scheduleMeeting({ guests: [aGuest(), erasedGuest] }))], later);
    expect(lines.filter((line) => line.includes('g-2'))).toEqual([]);
    expect(session.explain('m-1').filter((r) => r.recipientId === 'g-2').map((r) => [r.notification, r.state, r.reason])).toEqual([
      ['meeting-scheduled', 'suppressed', "not sent: the recipient's address was erased"],
      ['meeting-starts-soon', 'suppressed', "not sent: the recipient's address was erased"],
    ]);
  });

  it('gives every email the same idempotency key on every replay', () => {
    const history = [scheduled, recorded(inviteGuest()), recorded(rescheduleMeeting()), recorded(startMeeting({ now: '2026-03-03T09:00:00Z' }))];
    const first = run(history, later).lines;
    expect(run(history, later).lines).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });
});
