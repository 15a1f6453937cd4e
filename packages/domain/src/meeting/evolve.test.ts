import { fold, evolveMeeting, initialMeetingState, meetingDecider, type MeetingEvent } from '@rendezvous/domain';
import {
  cancelMeeting,
  endMeeting,
  historyOf,
  inviteGuest,
  leaveWrapUpNote,
  reassignMeeting,
  recorded,
  rescheduleMeeting,
  reviewMeeting,
  scheduleMeeting,
  startMeeting,
} from '@rendezvous/domain/testing';

const foldAll = (events: readonly MeetingEvent[]) => fold(evolveMeeting, initialMeetingState, events);

describe('evolveMeeting', () => {
  it('fills every field through a whole lifecycle', () => {
    const events = historyOf(meetingDecider, [
      scheduleMeeting({ description: 'First talk' }),
      rescheduleMeeting({ now: '2026-03-01T10:00:00Z', start: '2026-03-02T15:00:00Z' }),
      rescheduleMeeting({ now: '2026-03-01T11:00:00Z', start: '2026-03-03T09:00:00Z' }),
      reassignMeeting({ hostAvailable: false }),
      inviteGuest(),
      startMeeting({ now: '2026-03-03T09:02:00Z' }),
      endMeeting({ now: '2026-03-03T09:40:00Z' }),
      leaveWrapUpNote({ now: '2026-03-03T10:00:00Z' }),
      reviewMeeting({ now: '2026-03-03T10:00:00Z', comment: 'Great' }),
      reviewMeeting({ now: '2026-03-03T10:05:00Z', guestId: 'g-2', rating: 4 }),
    ]);
    expect(foldAll(events)).toEqual({
      kind: 'existing',
      phase: 'ended',
      meetingId: 'm-1',
      accountId: 'acc-1',
      meetingType: { name: 'Intro call', durationMinutes: 30 },
      description: 'First talk',
      start: '2026-03-03T09:00:00Z',
      startSetAt: '2026-03-01T11:00:00Z',
      previousStart: '2026-03-02T15:00:00Z',
      host: { userId: 'u-2', name: 'Rita Replacement', email: 'rita@example.com', timezone: 'Europe/Amsterdam' },
      hostAvailable: false,
      guests: [
        { guestId: 'g-1', name: 'Gus Guest', email: 'gus@example.com' },
        { guestId: 'g-2', name: 'Greta Guest', email: 'greta@example.com' },
      ],
      createdBy: 'guest',
      scheduledAt: '2026-03-01T09:00:00Z',
      rescheduleCount: 2,
      startedAt: '2026-03-03T09:02:00Z',
      endedAt: '2026-03-03T09:40:00Z',
      wrapUpNote: 'Thanks! The slides are attached.',
      reviews: { 'g-1': { rating: 5, comment: 'Great' }, 'g-2': { rating: 4 } },
      eventCount: 10,
    });
  });

  it('records the cancellation and when it happened', () => {
    const state = foldAll(historyOf(meetingDecider, [scheduleMeeting(), cancelMeeting({ by: 'guest' })]));
    expect(state).toMatchObject({ phase: 'cancelled', cancelledAt: '2026-03-01T12:00:00Z', cancellation: { reason: 'Host is ill', by: 'guest' }, eventCount: 2 });
    expect(state.kind === 'existing' && state.previousStart).toBe(undefined);
  });

  it('a reassign that finds the host available again clears the warning', () => {
    const state = foldAll(historyOf(meetingDecider, [scheduleMeeting(), reassignMeeting({ hostAvailable: false }), reassignMeeting({ host: scheduleMeeting().host })]));
    expect(state).toMatchObject({ hostAvailable: true, host: { userId: 'u-1' }, eventCount: 3 });
  });

  it('leaves an empty stream empty when an event arrives before MeetingScheduled', () => {
    expect(evolveMeeting(initialMeetingState, recorded(startMeeting()))).toEqual({ kind: 'none' });
  });
});
