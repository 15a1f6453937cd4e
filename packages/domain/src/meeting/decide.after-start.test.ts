import { meetingDecider, type MeetingCommand } from '@rendezvous/domain';
import {
  aGuest,
  cancelMeeting,
  endMeeting,
  forDecider,
  historyOf,
  inviteGuest,
  leaveWrapUpNote,
  rescheduleMeeting,
  reviewMeeting,
  scheduleMeeting,
  startMeeting,
} from '@rendezvous/domain/testing';

const spec = forDecider(meetingDecider);
const history = (...commands: MeetingCommand[]) => historyOf(meetingDecider, [scheduleMeeting(), ...commands]);
const planned = history();
const live = history(startMeeting());
const ended = history(startMeeting(), endMeeting());
const cancelled = history(cancelMeeting());

describe('StartMeeting: only a planned meeting', () => {
  it('makes a planned (even rescheduled) meeting LIVE', () => {
    spec.given(history(rescheduleMeeting())).when(startMeeting()).then([
      { type: 'MeetingStarted', occurredAt: '2026-03-02T09:01:00Z', data: { meetingId: 'm-1' } },
    ]);
  });

  it('refuses a meeting that is LIVE, ended or cancelled', () => {
    expect(spec.given(live).when(startMeeting()).thenFails('MeetingNotPlanned').message).toBe('meeting m-1 is already LIVE');
    spec.given(ended).when(startMeeting()).thenFails('MeetingNotPlanned');
    expect(spec.given(cancelled).when(startMeeting()).thenFails('MeetingNotPlanned').message).toBe(
      'meeting m-1 is cancelled; a cancelled meeting cannot be started',
    );
  });
});

describe('EndMeeting: only a LIVE meeting', () => {
  it('ends a LIVE meeting', () => {
    spec.given(live).when(endMeeting()).then([{ type: 'MeetingEnded', occurredAt: '2026-03-02T09:31:00Z', data: { meetingId: 'm-1' } }]);
  });

  it('refuses a planned, ended or cancelled meeting', () => {
    expect(spec.given(planned).when(endMeeting()).thenFails('MeetingNotLive').message).toBe('meeting m-1 has not started; start it before it can be ended');
    expect(spec.given(ended).when(endMeeting()).thenFails('MeetingNotLive').message).toBe('meeting m-1 has already ended');
    spec.given(cancelled).when(endMeeting()).thenFails('MeetingNotLive');
  });
});

describe('LeaveWrapUpNote: only after the end, at most once', () => {
  it('records the note after the end', () => {
    spec.given(ended).when(leaveWrapUpNote()).then([
      { type: 'WrapUpNoteLeft', occurredAt: '2026-03-02T10:00:00Z', data: { meetingId: 'm-1', note: 'Thanks! The slides are attached.' } },
    ]);
  });

  it('refuses a note before the end', () => {
    expect(spec.given(live).when(leaveWrapUpNote()).thenFails('MeetingNotEnded').message).toBe(
      'meeting m-1 is LIVE; a wrap-up note can only be left after it has ended',
    );
    spec.given(planned).when(leaveWrapUpNote()).thenFails('MeetingNotEnded');
    spec.given(cancelled).when(leaveWrapUpNote()).thenFails('MeetingNotEnded');
  });

  it('refuses a second note', () => {
    expect(spec.given(history(startMeeting(), endMeeting(), leaveWrapUpNote())).when(leaveWrapUpNote({ note: 'Also...' })).thenFails('WrapUpAlreadyLeft').message).toBe(
      'meeting m-1 already has a wrap-up note; a meeting gets at most one',
    );
  });
});

describe('ReviewMeeting: only after the end, by a guest, once per guest, rating 1 to 5', () => {
  const withTwoGuests = history(inviteGuest(), startMeeting(), endMeeting());

  it('records each guest’s review, with an optional comment', () => {
    spec.given(withTwoGuests).when(reviewMeeting({ guestId: 'g-2', rating: 1, comment: 'Too short' })).then([
      { type: 'MeetingReviewed', occurredAt: '2026-03-02T10:00:00Z', data: { meetingId: 'm-1', guestId: 'g-2', rating: 1, comment: 'Too short' } },
    ]);
  });

  it('refuses a review before the end', () => {
    expect(spec.given(live).when(reviewMeeting()).thenFails('MeetingNotEnded').message).toBe('meeting m-1 is LIVE; a meeting can only be reviewed after it has ended');
  });

  it('refuses someone who is not a guest of the meeting', () => {
    expect(spec.given(withTwoGuests).when(reviewMeeting({ guestId: 'g-9' })).thenFails('NotAGuest').message).toBe(
      'g-9 is not a guest of meeting m-1; only its guests (g-1, g-2) can review it',
    );
  });

  it('refuses a second review by the same guest but not by another', () => {
    const once = history(inviteGuest(), startMeeting(), endMeeting(), reviewMeeting());
    expect(spec.given(once).when(reviewMeeting({ rating: 3 })).thenFails('AlreadyReviewed').message).toBe(
      'guest g-1 has already reviewed meeting m-1; each guest reviews once',
    );
    spec.given(once).when(reviewMeeting({ guestId: 'g-2' })).then([
      { type: 'MeetingReviewed', occurredAt: '2026-03-02T10:00:00Z', data: { meetingId: 'm-1', guestId: 'g-2', rating: 5 } },
    ]);
  });

  it('refuses a rating outside 1 to 5 or not whole', () => {
    for (const rating of [0, 6, 2.5]) {
      expect(spec.given(ended).when(reviewMeeting({ rating })).thenFails('InvalidCommand').problems).toEqual([
        { path: 'rating', message: 'must be a whole number from 1 to 5' },
      ]);
    }
  });
});

describe('commands for a meeting that does not exist, or for another meeting', () => {
  it('refuses every command but ScheduleMeeting on an empty stream', () => {
    for (const command of [rescheduleMeeting(), cancelMeeting(), startMeeting(), endMeeting(), leaveWrapUpNote(), reviewMeeting(), inviteGuest()]) {
      expect(spec.when(command).thenFails('MeetingNotFound').message).toBe('meeting m-1 does not exist; schedule it first');
    }
  });

  it('refuses a command whose meetingId is not the stream’s meeting', () => {
    expect(spec.given(planned).when(cancelMeeting({ meetingId: 'm-2' })).thenFails('MeetingIdMismatch')).toMatchObject({
      meetingId: 'm-2',
      streamMeetingId: 'm-1',
      message: 'the command is for meeting m-2 but was sent to meeting m-1; send it to meeting m-2',
    });
    spec.given(planned).when(scheduleMeeting({ meetingId: 'm-2' })).thenFails('MeetingIdMismatch');
    spec.given(planned).when(inviteGuest({ meetingId: 'm-2', guest: aGuest({ guestId: 'g-3', email: 'x@example.com' }) })).thenFails('MeetingIdMismatch');
  });

  it('refuses an unknown command type as an invalid command', () => {
    const error = spec.given(planned).when({ ...startMeeting(), type: 'ExplodeMeeting' } as unknown as MeetingCommand).thenFails('InvalidCommand');
    expect(error.problems[0]?.path).toBe('type');
  });
});
