import { meetingDecider } from '@rendezvous/domain';
import { aGuest, forDecider, recorded, sampleTimes, scheduleMeeting } from '@rendezvous/domain/testing';

const spec = forDecider(meetingDecider);

describe('ScheduleMeeting: a meeting is scheduled once, with a start after now', () => {
  it('records MeetingScheduled at the command moment, in UTC', () => {
    spec.when(scheduleMeeting({ now: '2026-03-01T10:00:00+01:00', start: '2026-03-02T10:00:00+01:00' })).then([
      {
        type: 'MeetingScheduled',
        occurredAt: '2026-03-01T09:00:00Z',
        data: {
          meetingId: 'm-1',
          accountId: 'acc-1',
          meetingType: { name: 'Intro call', durationMinutes: 30 },
          start: '2026-03-02T09:00:00Z',
          host: { userId: 'u-1', name: 'Hanna Host', email: 'hanna@example.com', timezone: 'Europe/Amsterdam' },
          guests: [{ guestId: 'g-1', name: 'Gus Guest', email: 'gus@example.com' }],
          createdBy: 'guest',
        },
      },
    ]);
  });

  it('refuses a second schedule of the same meeting', () => {
    const error = spec.given([recorded(scheduleMeeting())]).when(scheduleMeeting()).thenFails('MeetingAlreadyScheduled');
    expect(error.message).toBe('meeting m-1 is already scheduled; a meeting is scheduled once (reschedule it to move its start)');
  });

  it('refuses a start that is not after now (in the past or exactly now)', () => {
    const past = spec.when(scheduleMeeting({ start: '2026-02-28T09:00:00Z' })).thenFails('StartNotInFuture');
    expect(past.message).toBe('meeting m-1 cannot start at 2026-02-28T09:00:00Z: the start must be after now (2026-03-01T09:00:00Z)');
    spec.when(scheduleMeeting({ start: sampleTimes.scheduledAt })).thenFails('StartNotInFuture');
  });

  it('accepts a start one second after now', () => {
    const state = spec.when(scheduleMeeting({ start: '2026-03-01T09:00:01Z' })).thenState();
    expect(state.kind === 'existing' && state.start).toBe('2026-03-01T09:00:01Z');
  });

  it('refuses guests that repeat an address (case-insensitive) or an id', () => {
    const twice = [aGuest(), aGuest({ guestId: 'g-2', email: 'GUS@Example.com' })];
    expect(spec.when(scheduleMeeting({ guests: twice })).thenFails('GuestAlreadyInvited').message).toBe(
      'GUS@Example.com is already a guest of meeting m-1 (guest g-1); each address is invited once',
    );
    spec.when(scheduleMeeting({ guests: [aGuest(), aGuest({ email: 'other@example.com' })] })).thenFails('DuplicateGuestId');
  });

  it('refuses a command whose fields do not validate, naming each field path', () => {
    const error = spec.when(scheduleMeeting({ guests: [], start: 'tomorrow' })).thenFails('InvalidCommand');
    expect(error.message).toBe(
      'ScheduleMeeting for meeting m-1 is not valid: start: not an ISO 8601 instant with an offset (e.g. "2026-03-02T09:00:00Z"); guests: must list at least one guest',
    );
  });
});
