import * as E from 'fp-ts/Either';
import { checkMeetingEvent, evolveMeeting, initialMeetingState, type MeetingEvent, type MeetingState } from '@rendezvous/domain';
import { cancelMeeting, endMeeting, recorded, rescheduleMeeting, reviewMeeting, scheduleMeeting, startMeeting } from '@rendezvous/domain/testing';

// Replays a history the way the replay command does: check each record against the state
// of the records before it; the first impossible one stops the replay.
function firstImpossible(history: readonly MeetingEvent[]): { index: number; type: string; message: string } | undefined {
  let state: MeetingState = initialMeetingState;
  for (const [index, event] of history.entries()) {
    const verdict = checkMeetingEvent(state, event);
    if (E.isLeft(verdict)) return { index, type: verdict.left.type, message: verdict.left.message };
    state = evolveMeeting(state, event);
  }
  return undefined;
}

describe('checkMeetingEvent', () => {
  it('accepts a history that valid commands produce', () => {
    expect(firstImpossible([scheduleMeeting(), rescheduleMeeting(), startMeeting(), endMeeting(), reviewMeeting()].map(recorded))).toBe(undefined);
  });

  it('refuses MeetingEnded before MeetingStarted', () => {
    expect(firstImpossible([recorded(scheduleMeeting()), recorded(endMeeting())])).toEqual({
      index: 1,
      type: 'MeetingNotLive',
      message: 'meeting m-1 has not started; start it before it can be ended',
    });
  });

  it('refuses a reschedule after the cancel', () => {
    expect(firstImpossible([scheduleMeeting(), cancelMeeting(), rescheduleMeeting({ now: '2026-03-01T13:00:00Z' })].map(recorded))).toMatchObject({
      index: 2,
      type: 'MeetingNotPlanned',
    });
  });

  it('judges time against the record’s own occurredAt', () => {
    const late = recorded(rescheduleMeeting({ now: '2026-03-04T00:00:00Z', start: '2026-03-03T09:00:00Z' }));
    expect(firstImpossible([recorded(scheduleMeeting()), late])).toMatchObject({ index: 1, type: 'StartNotInFuture' });
  });

  it('refuses a history that does not begin with MeetingScheduled', () => {
    expect(firstImpossible([recorded(startMeeting())])).toMatchObject({ index: 0, type: 'MeetingNotFound' });
  });

});
