import { meetingDecider, type MeetingCommand } from '@rendezvous/domain';
import {
  aGuest,
  aHost,
  cancelMeeting,
  endMeeting,
  forDecider,
  historyOf,
  inviteGuest,
  reassignMeeting,
  rescheduleMeeting,
  scheduleMeeting,
  startMeeting,
} from '@rendezvous/domain/testing';

const spec = forDecider(meetingDecider);
const history = (...commands: MeetingCommand[]) => historyOf(meetingDecider, [scheduleMeeting(), ...commands]);
const planned = history();
const live = history(startMeeting());
const ended = history(startMeeting(), endMeeting());
const cancelled = history(cancelMeeting());

describe('RescheduleMeeting: needs a reason and a future start; not when LIVE, ended or cancelled', () => {
  it('records the new start with the reason', () => {
    spec.given(planned).when(rescheduleMeeting()).then([
      {
        type: 'MeetingRescheduled',
        occurredAt: '2026-03-01T12:00:00Z',
        data: { meetingId: 'm-1', start: '2026-03-03T09:00:00Z', reason: 'Train delayed', by: 'guest' },
      },
    ]);
  });

  it('refuses a blank reason', () => {
    expect(spec.given(planned).when(rescheduleMeeting({ reason: '  ' })).thenFails('InvalidCommand').message).toBe(
      'RescheduleMeeting for meeting m-1 is not valid: reason: must be a non-empty string',
    );
  });

  it('refuses a start that is not in the future', () => {
    spec.given(planned).when(rescheduleMeeting({ start: '2026-03-01T11:59:59Z' })).thenFails('StartNotInFuture');
  });

  it('refuses a LIVE, ended or cancelled meeting, saying which', () => {
    expect(spec.given(live).when(rescheduleMeeting()).thenFails('MeetingNotPlanned').message).toBe(
      'meeting m-1 is LIVE; a LIVE meeting cannot be rescheduled',
    );
    expect(spec.given(ended).when(rescheduleMeeting()).thenFails('MeetingNotPlanned').message).toBe(
      'meeting m-1 has ended; an ended meeting cannot be rescheduled',
    );
    expect(spec.given(cancelled).when(rescheduleMeeting()).thenFails('MeetingNotPlanned')).toMatchObject({
      phase: 'cancelled',
      command: 'RescheduleMeeting',
      message: 'meeting m-1 is cancelled; a cancelled meeting cannot be rescheduled',
    });
  });
});

describe('ReassignMeeting: to a different user; not when LIVE, ended or cancelled', () => {
  it('records the new host and an unavailable host as a warning, never a refusal', () => {
    const host = aHost({ userId: 'u-2', name: 'Rita Replacement', email: 'rita@example.com' });
    spec.given(planned).when(reassignMeeting({ hostAvailable: false })).then([
      { type: 'MeetingReassigned', occurredAt: '2026-03-01T12:00:00Z', data: { meetingId: 'm-1', host, hostAvailable: false } },
    ]);
  });

  it('refuses the current host', () => {
    expect(spec.given(planned).when(reassignMeeting({ host: aHost({ name: 'Hanna H.' }) })).thenFails('SameHost').message).toBe(
      'meeting m-1 is already hosted by user u-1; reassign it to a different user',
    );
  });

  it('refuses a LIVE, ended or cancelled meeting', () => {
    spec.given(live).when(reassignMeeting()).thenFails('MeetingNotPlanned');
    spec.given(ended).when(reassignMeeting()).thenFails('MeetingNotPlanned');
    spec.given(cancelled).when(reassignMeeting()).thenFails('MeetingNotPlanned');
  });
});

describe('InviteGuest: only while planned; an address is invited once', () => {
  it('records the new guest', () => {
    spec.given(planned).when(inviteGuest()).then([
      {
        type: 'GuestInvited',
        occurredAt: '2026-03-01T12:00:00Z',
        data: { meetingId: 'm-1', guest: { guestId: 'g-2', name: 'Greta Guest', email: 'greta@example.com' } },
      },
    ]);
  });

  it('refuses an address that is already a guest, whatever its case', () => {
    const error = spec.given(planned).when(inviteGuest({ guest: aGuest({ guestId: 'g-2', email: 'Gus@EXAMPLE.com' }) })).thenFails('GuestAlreadyInvited');
    expect(error).toMatchObject({ email: 'Gus@EXAMPLE.com', guestId: 'g-1' });
  });

  it('refuses a guestId that another guest has', () => {
    expect(spec.given(planned).when(inviteGuest({ guest: aGuest({ email: 'new@example.com' }) })).thenFails('DuplicateGuestId').message).toBe(
      'meeting m-1 already has a guest with id g-1; give the new guest an id of its own',
    );
  });

  it('refuses a LIVE, ended or cancelled meeting', () => {
    expect(spec.given(live).when(inviteGuest()).thenFails('MeetingNotPlanned').message).toBe('meeting m-1 is LIVE; a LIVE meeting cannot get new guests');
    spec.given(ended).when(inviteGuest()).thenFails('MeetingNotPlanned');
    spec.given(cancelled).when(inviteGuest()).thenFails('MeetingNotPlanned');
  });
});

describe('CancelMeeting: needs a reason; not when LIVE, ended or already cancelled', () => {
  it('records the cancellation with its reason', () => {
    spec.given(planned).when(cancelMeeting()).then([
      { type: 'MeetingCancelled', occurredAt: '2026-03-01T12:00:00Z', data: { meetingId: 'm-1', reason: 'Host is ill', by: 'user' } },
    ]);
  });

  it('refuses a missing reason', () => {
    const { reason: _, ...noReason } = cancelMeeting();
    expect(spec.given(planned).when(noReason as MeetingCommand).thenFails('InvalidCommand').problems).toEqual([{ path: 'reason', message: 'is required' }]);
  });

  it('refuses a LIVE, ended or already cancelled meeting', () => {
    spec.given(live).when(cancelMeeting()).thenFails('MeetingNotPlanned');
    expect(spec.given(ended).when(cancelMeeting()).thenFails('MeetingNotPlanned').message).toBe('meeting m-1 has ended; an ended meeting cannot be cancelled');
    expect(spec.given(cancelled).when(cancelMeeting()).thenFails('MeetingNotPlanned').message).toBe('meeting m-1 is already cancelled');
  });
});
