import { fold, evolveMeeting, initialMeetingState, meetingDecider, meetingStatus, missedAt, type ExistingMeeting, type MeetingCommand } from '@rendezvous/domain';
import { cancelMeeting, endMeeting, historyOf, scheduleMeeting, startMeeting } from '@rendezvous/domain/testing';

function meeting(...commands: MeetingCommand[]): ExistingMeeting {
  const state = fold(evolveMeeting, initialMeetingState, historyOf(meetingDecider, [scheduleMeeting(), ...commands]));
  if (state.kind !== 'existing') throw new Error('expected a meeting');
  return state;
}

describe('meetingStatus', () => {
  // Sample meeting: start 2026-03-02 09:00Z, 30 minutes, so missed from 11:30Z.
  const planned = meeting();

  it('is scheduled until start + duration + 2 hours, then missed', () => {
    expect(missedAt(planned)).toBe('2026-03-02T11:30:00Z');
    expect(meetingStatus(planned, '2026-03-02T09:10:00Z')).toBe('scheduled');
    expect(meetingStatus(planned, '2026-03-02T11:29:59Z')).toBe('scheduled');
    expect(meetingStatus(planned, '2026-03-02T11:30:00Z')).toBe('missed');
    expect(meetingStatus(planned, '2026-03-02T12:30:00+01:00')).toBe('missed');
  });

  it('is live, completed or cancelled whatever the time', () => {
    expect(meetingStatus(meeting(startMeeting()), '2026-03-05T00:00:00Z')).toBe('live');
    expect(meetingStatus(meeting(startMeeting(), endMeeting()), '2026-03-05T00:00:00Z')).toBe('completed');
    expect(meetingStatus(meeting(cancelMeeting()), '2026-03-05T00:00:00Z')).toBe('cancelled');
  });
});
