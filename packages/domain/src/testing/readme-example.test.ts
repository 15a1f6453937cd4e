// The example of packages/domain/README.md, kept running.
import { meetingDecider } from '@rendezvous/domain';
import { forDecider, historyOf, rescheduleMeeting, scheduleMeeting, startMeeting } from '@rendezvous/domain/testing';

const spec = forDecider(meetingDecider);
const live = historyOf(meetingDecider, [scheduleMeeting(), startMeeting()]);

it('a LIVE meeting cannot be rescheduled', () => {
  const error = spec.given(live).when(rescheduleMeeting()).thenFails('MeetingNotPlanned');
  expect(error.message).toBe('meeting m-1 is LIVE; a LIVE meeting cannot be rescheduled');
});
