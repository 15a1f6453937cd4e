import type { DomainEvent } from '@rendezvous/domain';
import { cancelMeeting, inviteGuest, recorded, rescheduleMeeting, scheduleMeeting } from '@rendezvous/domain/testing';
import { createPlanner } from './planner';

const planner = createPlanner();
const keys = (emails: readonly { idempotencyKey: string }[]) => emails.map((e) => e.idempotencyKey);
const scheduled = recorded(scheduleMeeting());
const other = recorded(scheduleMeeting({ meetingId: 'm-0', now: '2026-03-01T09:00:00Z', start: '2026-03-02T08:30:00Z' }));
const fold = (events: readonly DomainEvent[]) => {
  const session = planner.session();
  for (const event of events) session.evolve(event);
  return session;
};

describe('the planner', () => {
  it('returns the emails due by now, by due time then key, and nothing planned for later', () => {
    const session = fold([scheduled, other]);
    expect(keys(session.due('2026-03-01T08:59:59Z'))).toEqual([]);
    expect(keys(session.due('2026-03-02T08:00:00Z'))).toEqual([
      'm-0:meeting-scheduled:guest:g-1:0',
      'm-0:meeting-scheduled:user:u-1:0',
      'm-1:meeting-scheduled:guest:g-1:0',
      'm-1:meeting-scheduled:user:u-1:0',
      'm-0:meeting-starts-soon:guest:g-1:0',
      'm-0:meeting-starts-soon:user:u-1:0',
      'm-1:meeting-starts-soon:guest:g-1:0',
      'm-1:meeting-starts-soon:user:u-1:0',
    ]);
    expect(session.due('2026-03-02T08:00:00Z')).toEqual(session.due('2026-03-02T08:00:00Z'));
  });

  it('never returns an email again once marked sent; marking twice or an unknown key changes nothing', () => {
    const session = fold([scheduled]);
    const confirmations = session.due('2026-03-01T09:00:00Z');
    for (const email of confirmations) session.markSent(email.key, '2026-03-01T09:00:05Z');
    expect(keys(session.due('2026-03-02T07:59:59Z'))).toEqual([]);
    const before = [session.explain('m-1'), session.due('2026-03-02T08:00:00Z'), session.nextDueAt()];
    const host = { meetingId: 'm-1', notification: 'meeting-scheduled', audience: 'user', recipientId: 'u-1', triggerVersion: 0 } as const;
    session.markSent(host, '2026-03-01T10:00:00Z');
    for (const unknown of [{ ...host, meetingId: 'm-404' }, { ...host, recipientId: 'u-404' }, { ...host, triggerVersion: 7 }, { ...host, notification: 'review' as const }]) {
      session.markSent(unknown, '2026-03-01T10:00:00Z');
    }
    expect([session.explain('m-1'), session.due('2026-03-02T08:00:00Z'), session.nextDueAt()]).toEqual(before);
    expect(session.explain('m-1')[0]).toMatchObject({ state: 'sent', reason: 'sent at 2026-03-01T09:00:05Z' });
    expect(session.nextDueAt()).toBe('2026-03-02T08:00:00Z');
  });

  it('finds emails of ids that contain ":" by their structured key', () => {
    const odd = recorded(scheduleMeeting({ meetingId: 'm:review:guest:x' }));
    const session = fold([odd]);
    const [first] = session.due('2026-03-01T09:00:00Z');
    expect(first?.idempotencyKey).toBe('m:review:guest:x:meeting-scheduled:guest:g-1:0');
    expect(first?.key).toEqual({ meetingId: 'm:review:guest:x', notification: 'meeting-scheduled', audience: 'guest', recipientId: 'g-1', triggerVersion: 0 });
    session.markSent(first!.key, '2026-03-01T09:00:00Z');
    expect(keys(session.due('2026-03-01T09:00:00Z'))).toEqual(['m:review:guest:x:meeting-scheduled:user:u-1:0']);
  });

  it('starts sessions that share nothing: each plans only the history it folded', () => {
    const history = [scheduled, recorded(inviteGuest())];
    const base = fold(history);
    const cancelled = fold([...history, recorded(cancelMeeting({ now: '2026-03-01T13:00:00Z' }))]);
    const moved = fold([...history, recorded(rescheduleMeeting({ now: '2026-03-01T13:00:00Z' }))]);
    const at = '2026-03-04T00:00:00Z';
    expect(keys(base.due(at)).filter((k) => k.includes('starts-soon'))).toEqual([
      'm-1:meeting-starts-soon:guest:g-1:0',
      'm-1:meeting-starts-soon:guest:g-2:0',
      'm-1:meeting-starts-soon:user:u-1:0',
    ]);
    expect(keys(cancelled.due(at)).filter((k) => k.includes('starts-soon'))).toEqual([]);
    expect(keys(moved.due(at)).filter((k) => k.includes('starts-soon'))).toEqual([
      'm-1:meeting-starts-soon:guest:g-1:2',
      'm-1:meeting-starts-soon:guest:g-2:2',
      'm-1:meeting-starts-soon:user:u-1:2',
    ]);
    expect(base.explain('m-1').map((r) => r.state)).not.toContain('withdrawn');
  });

  it('advance drops what may not go out, so the clock moves on', () => {
    const disabled = {
      type: 'NotificationDisabled',
      occurredAt: '2026-03-01T12:00:00Z',
      data: { accountId: 'acc-1', audience: 'user', notification: 'meeting-starts-soon' },
    } as const;
    const session = fold([scheduled, disabled]);
    for (const email of session.due('2026-03-01T12:00:00Z')) session.markSent(email.key, '2026-03-01T12:00:00Z');
    const [reminder, ...others] = session.due('2026-03-02T08:00:00Z');
    expect([reminder?.idempotencyKey, others]).toEqual(['m-1:meeting-starts-soon:guest:g-1:0', []]);
    session.markSent(reminder!.key, '2026-03-02T08:00:00Z');
    expect(session.nextDueAt()).toBe('2026-03-02T08:00:00Z');
    session.advance('2026-03-02T08:00:00Z');
    expect(session.nextDueAt()).toBeUndefined();
  });

  it('ignores events of a meeting it never saw scheduled', () => {
    const session = fold([recorded(cancelMeeting())]);
    expect([session.due('2026-04-01T00:00:00Z'), session.explain('m-1')]).toEqual([[], []]);
  });
});
