import { meetingDecider, meetingStatus, type ExistingMeeting, type MeetingCommand } from '@rendezvous/domain';
import { aGuest, aHost, cancelMeeting, forDecider, historyOf, inviteGuest, reassignMeeting, rescheduleMeeting, sampleTimes, scheduleMeeting, startMeeting } from '@rendezvous/domain/testing';

// The lifecycle rules contract 1.1 adds (CONTRACT §1): a reschedule to the same start is
// refused, and a missed meeting can be rescheduled or cancelled but not started.
const spec = forDecider(meetingDecider);
const history = (...commands: MeetingCommand[]) => historyOf(meetingDecider, [scheduleMeeting(), ...commands]);
const planned = history();
// Start 09:00Z, 30 minutes: missed from 11:30Z (start + duration + 2 hours).
const missedAt = '2026-03-02T11:30:00Z';

describe('RescheduleMeeting to the start the meeting already has', () => {
  it('is refused with a sentence saying nothing would change', () => {
    const refusal = spec.given(planned).when(rescheduleMeeting({ start: sampleTimes.start })).thenFails('StartUnchanged');
    expect(refusal).toEqual({
      type: 'StartUnchanged',
      meetingId: 'm-1',
      start: sampleTimes.start,
      message: 'meeting m-1 already starts at 2026-03-02T09:00:00Z; a reschedule needs a different start (nothing would change)',
    });
  });

  it('is refused when the same instant is written with another offset', () => {
    spec.given(planned).when(rescheduleMeeting({ start: '2026-03-02T10:00:00+01:00' })).thenFails('StartUnchanged');
  });

  it('is refused after a reschedule too (the current start counts, not the first)', () => {
    spec.given(history(rescheduleMeeting())).when(rescheduleMeeting({ now: '2026-03-01T13:00:00Z', start: sampleTimes.rescheduledStart })).thenFails('StartUnchanged');
    spec.given(history(rescheduleMeeting())).when(rescheduleMeeting({ now: '2026-03-01T13:00:00Z', start: sampleTimes.start })).then([
      { type: 'MeetingRescheduled', occurredAt: '2026-03-01T13:00:00Z', data: { meetingId: 'm-1', start: sampleTimes.start, reason: 'Train delayed', by: 'guest' } },
    ]);
  });
});

describe('a missed meeting', () => {
  it('is missed from start + duration + 2 hours', () => {
    const meeting = planned.reduce(meetingDecider.evolve, meetingDecider.initial) as ExistingMeeting;
    expect([meetingStatus(meeting, '2026-03-02T11:29:59Z'), meetingStatus(meeting, missedAt)]).toEqual(['scheduled', 'missed']);
  });

  it('cannot be started, with a sentence saying what can be done instead', () => {
    expect(spec.given(planned).when(startMeeting({ now: missedAt })).thenFails('MeetingMissed')).toEqual({
      type: 'MeetingMissed',
      meetingId: 'm-1',
      missedAt,
      command: 'StartMeeting',
      message: `meeting m-1 was missed (nobody started it by ${missedAt}); a missed meeting cannot be started: reschedule it or cancel it`,
    });
  });

  it('can still be started late, up to the moment it becomes missed', () => {
    spec.given(planned).when(startMeeting({ now: '2026-03-02T11:29:59Z' })).then([{ type: 'MeetingStarted', occurredAt: '2026-03-02T11:29:59Z', data: { meetingId: 'm-1' } }]);
  });

  it('can be rescheduled, and is then scheduled again and can be started at its new time', () => {
    const later = '2026-03-05T09:00:00Z';
    const rescheduled = history(rescheduleMeeting({ now: '2026-03-02T12:00:00Z', start: later }));
    const meeting = rescheduled.reduce(meetingDecider.evolve, meetingDecider.initial) as ExistingMeeting;
    expect(meetingStatus(meeting, '2026-03-02T12:00:00Z')).toBe('scheduled');
    spec.given(rescheduled).when(startMeeting({ now: '2026-03-05T09:00:00Z' })).then([{ type: 'MeetingStarted', occurredAt: '2026-03-05T09:00:00Z', data: { meetingId: 'm-1' } }]);
  });

  it('can be cancelled', () => {
    spec.given(planned).when(cancelMeeting({ now: '2026-03-02T12:00:00Z' })).then([
      { type: 'MeetingCancelled', occurredAt: '2026-03-02T12:00:00Z', data: { meetingId: 'm-1', reason: cancelMeeting().reason, by: cancelMeeting().by } },
    ]);
  });
});

describe('addresses are compared without regard to case', () => {
  it('refuses inviting an address that is already a guest, in any case', () => {
    spec.given(planned).when(inviteGuest({ guest: aGuest({ guestId: 'g-2', email: 'GUS@Example.COM' }) })).thenFails('GuestAlreadyInvited');
  });

  it('refuses scheduling with two guests whose addresses differ only in case', () => {
    const guests = [aGuest(), aGuest({ guestId: 'g-2', email: 'Gus@EXAMPLE.com' })];
    spec.given([]).when(scheduleMeeting({ guests })).thenFails('GuestAlreadyInvited');
  });
});

describe('text that can reach a mail header', () => {
  it.each([
    ['a host name', scheduleMeeting({ host: aHost({ name: 'Hanna\r\nBcc: all@example.com' }) }), 'host.name'],
    ['a guest name', scheduleMeeting({ guests: [aGuest({ name: 'Gus\nGuest' })] }), 'guests.0.name'],
    ['a meeting type name', scheduleMeeting({ meetingType: { name: 'Intro\rcall', durationMinutes: 30 } }), 'meetingType.name'],
  ])('refuses %s with a line break, naming the field', (_what, command, field) => {
    expect(spec.given([]).when(command).thenFails('InvalidCommand').message).toContain(`${field}: must not contain line breaks`);
  });

  it('refuses an invited guest or a new host with a line break in the name', () => {
    expect(spec.given(planned).when(inviteGuest({ guest: aGuest({ guestId: 'g-2', email: 'x@example.com', name: 'X\u2028Y' }) })).thenFails('InvalidCommand').message).toContain(
      'guest.name: must not contain line breaks',
    );
    const newHost = aHost({ userId: 'u-2', email: 'rita@example.com', name: 'Rita\nReplacement' });
    expect(spec.given(planned).when(reassignMeeting({ host: newHost })).thenFails('InvalidCommand').message).toContain('host.name: must not contain line breaks');
  });
});
