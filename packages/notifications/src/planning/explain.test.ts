import type { DomainEvent } from '@rendezvous/domain';
import {
  aGuest,
  cancelMeeting,
  endMeeting,
  inviteGuest,
  reassignMeeting,
  recorded,
  rescheduleMeeting,
  reviewMeeting,
  scheduleMeeting,
  startMeeting,
} from '@rendezvous/domain/testing';
import { planOf, run } from './testing/virtual-clock';

// "Why did (or didn't) my customer get this email?": every email planned or considered for a
// meeting explains itself in one sentence.
type Row = [string, string, string];
const rows = (reports: readonly { idempotencyKey: string; state: string; reason: string }[]): Row[] =>
  reports.map((r) => [r.idempotencyKey, r.state, r.reason]);

describe('explanations', () => {
  it('say what was sent when, and why a reminder was taken back', () => {
    const history = [recorded(scheduleMeeting()), recorded(cancelMeeting({ now: '2026-03-02T07:00:00Z' }))];
    const { session } = run(history, '2026-03-10T00:00:00Z');
    expect(rows(session.explain('m-1'))).toEqual([
      ['m-1:meeting-scheduled:user:u-1:0', 'sent', 'sent at 2026-03-01T09:00:00Z'],
      ['m-1:meeting-scheduled:guest:g-1:0', 'sent', 'sent at 2026-03-01T09:00:00Z'],
      ['m-1:meeting-starts-soon:user:u-1:0', 'withdrawn', 'withdrawn: the meeting was cancelled at 2026-03-02T07:00:00Z'],
      ['m-1:meeting-starts-soon:guest:g-1:0', 'withdrawn', 'withdrawn: the meeting was cancelled at 2026-03-02T07:00:00Z'],
      ['m-1:meeting-cancelled:user:u-1:1', 'sent', 'sent at 2026-03-02T07:00:00Z'],
      ['m-1:meeting-cancelled:guest:g-1:1', 'sent', 'sent at 2026-03-02T07:00:00Z'],
    ]);
  });

  it('give the notice a late booking had, against the minimum', () => {
    const session = planOf([recorded(scheduleMeeting({ now: '2026-03-02T06:50:00Z' }))]);
    const report = session.explain('m-1').find((r) => r.idempotencyKey === 'm-1:meeting-starts-soon:guest:g-1:0');
    expect(report).toEqual({
      idempotencyKey: 'm-1:meeting-starts-soon:guest:g-1:0',
      notification: 'meeting-starts-soon',
      audience: 'guest',
      recipientId: 'g-1',
      email: 'gus@example.com',
      dueAt: '2026-03-02T08:00:00Z',
      state: 'suppressed',
      reason: 'starts-soon not sent: the meeting was booked 2 h 10 min before its start, under the 3 h minimum',
    });
  });

  it('tell a reschedule, a late reschedule, a reassign, a late invite and a start apart', () => {
    const history: DomainEvent[] = [
      recorded(scheduleMeeting()),
      recorded(reassignMeeting({ now: '2026-03-01T10:00:00Z' })),
      recorded(rescheduleMeeting({ now: '2026-03-01T11:00:00Z', start: '2026-03-01T13:00:00Z' })),
      recorded(inviteGuest({ now: '2026-03-01T12:30:00Z' })),
      recorded(startMeeting({ now: '2026-03-01T13:00:00Z' })),
    ];
    const { session } = run(history, '2026-03-01T13:00:00Z');
    const reminders = rows(session.explain('m-1').filter((r) => r.idempotencyKey.includes('starts-soon')));
    expect(reminders).toEqual([
      ['m-1:meeting-starts-soon:user:u-1:0', 'withdrawn', 'withdrawn: the meeting was reassigned to Rita Replacement (u-2) at 2026-03-01T10:00:00Z'],
      ['m-1:meeting-starts-soon:guest:g-1:0', 'withdrawn', 'withdrawn: the meeting was rescheduled at 2026-03-01T11:00:00Z to start at 2026-03-01T13:00:00Z'],
      ['m-1:meeting-starts-soon:user:u-2:0', 'withdrawn', 'withdrawn: the meeting was rescheduled at 2026-03-01T11:00:00Z to start at 2026-03-01T13:00:00Z'],
      ['m-1:meeting-starts-soon:user:u-2:2', 'suppressed', 'starts-soon not sent: the meeting was rescheduled 2 h before its new start, under the 3 h minimum'],
      ['m-1:meeting-starts-soon:guest:g-1:2', 'suppressed', 'starts-soon not sent: the meeting was rescheduled 2 h before its new start, under the 3 h minimum'],
      ['m-1:meeting-starts-soon:guest:g-2:2', 'suppressed', 'starts-soon not sent: the meeting was rescheduled 2 h before its new start, under the 3 h minimum'],
    ]);
  });

  it('say when someone joined after the reminder was due', () => {
    const history = [recorded(scheduleMeeting()), recorded(inviteGuest({ now: '2026-03-02T08:30:00Z' }))];
    const { session } = run(history, '2026-03-02T08:30:00Z');
    expect(session.explain('m-1').find((r) => r.idempotencyKey === 'm-1:meeting-starts-soon:guest:g-2:0')?.reason).toBe(
      'starts-soon not sent to greta@example.com: they were invited at 2026-03-02T08:30:00Z, after it was due at 2026-03-02T08:00:00Z',
    );
  });

  it('name the guest who reviewed before the review request was due', () => {
    const history = [
      recorded(scheduleMeeting({ guests: [aGuest(), aGuest({ guestId: 'g-2', email: 'greta@example.com' })] })),
      recorded(startMeeting()),
      recorded(endMeeting()),
      recorded(reviewMeeting({ now: '2026-03-02T10:00:00Z' })),
    ];
    const session = planOf(history);
    expect(rows(session.explain('m-1').filter((r) => r.idempotencyKey.includes('review')))).toEqual([
      ['m-1:review:guest:g-1:2', 'withdrawn', 'review not sent to gus@example.com: they reviewed at 2026-03-02T10:00:00Z'],
      ['m-1:review:guest:g-2:2', 'pending', 'pending: due at 2026-03-02T10:31:00Z, 1 h after the end, unless they review before'],
    ]);
  });

  it('warn about a pending email whose pair is disabled now', () => {
    const disabled = {
      type: 'NotificationDisabled',
      occurredAt: '2026-03-01T12:00:00Z',
      data: { accountId: 'acc-1', audience: 'guest', notification: 'meeting-starts-soon' },
    } as DomainEvent;
    const session = planOf([recorded(scheduleMeeting()), disabled]);
    expect(session.explain('m-1').find((r) => r.idempotencyKey === 'm-1:meeting-starts-soon:guest:g-1:0')?.reason).toBe(
      'pending: due at 2026-03-02T08:00:00Z, 1 h before the start at 2026-03-02T09:00:00Z; but the account disables meeting-starts-soon for guests now: unless enabled again by then, it will not be sent',
    );
  });

  it('are empty for a meeting the plan never saw', () => {
    const session = planOf([recorded(scheduleMeeting())]);
    expect(session.explain('m-404')).toEqual([]);
  });
});
