import { cancelMeeting, inviteGuest, recorded, rescheduleMeeting, scheduleMeeting } from '@rendezvous/domain/testing';
import { createPlanner } from './planner';

const planner = createPlanner();
const keys = (emails: readonly { idempotencyKey: string }[]) => emails.map((e) => e.idempotencyKey);
const scheduled = recorded(scheduleMeeting());
const other = recorded(scheduleMeeting({ meetingId: 'm-0', now: '2026-03-01T09:00:00Z', start: '2026-03-02T08:30:00Z' }));
const fold = (events: Parameters<typeof planner.evolve>[1][]) => events.reduce((plan, event) => planner.evolve(plan, event), planner.initial);

describe('the planner', () => {
  it('returns the emails due by now, by due time then key, and nothing planned for later', () => {
    const plan = fold([scheduled, other]);
    expect(keys(planner.due(plan, '2026-03-01T08:59:59Z'))).toEqual([]);
    expect(keys(planner.due(plan, '2026-03-02T08:00:00Z'))).toEqual([
      'm-0:meeting-scheduled:guest:g-1:0',
      'm-0:meeting-scheduled:user:u-1:0',
      'm-1:meeting-scheduled:guest:g-1:0',
      'm-1:meeting-scheduled:user:u-1:0',
      'm-0:meeting-starts-soon:guest:g-1:0',
      'm-0:meeting-starts-soon:user:u-1:0',
      'm-1:meeting-starts-soon:guest:g-1:0',
      'm-1:meeting-starts-soon:user:u-1:0',
    ]);
    expect(planner.due(plan, '2026-03-02T08:00:00Z')).toEqual(planner.due(plan, '2026-03-02T08:00:00Z'));
  });

  it('never returns an email again once marked sent; marking twice or an unknown key changes nothing', () => {
    let plan = fold([scheduled]);
    for (const key of keys(planner.due(plan, '2026-03-01T09:00:00Z'))) plan = planner.markSent(plan, key, '2026-03-01T09:00:05Z');
    expect(keys(planner.due(plan, '2026-03-02T07:59:59Z'))).toEqual([]);
    expect(planner.markSent(plan, 'm-1:meeting-scheduled:user:u-1:0', '2026-03-01T10:00:00Z')).toBe(plan);
    expect(planner.markSent(plan, 'nonsense', '2026-03-01T10:00:00Z')).toBe(plan);
    expect(planner.explain(plan, 'm-1')[0]).toMatchObject({ state: 'sent', reason: 'sent at 2026-03-01T09:00:05Z' });
    expect(planner.nextDueAt(plan)).toBe('2026-03-02T08:00:00Z');
  });

  it('finds emails of ids that contain ":" by their key', () => {
    const odd = recorded(scheduleMeeting({ meetingId: 'm:review:guest:x' }));
    let plan = fold([odd]);
    const [first] = keys(planner.due(plan, '2026-03-01T09:00:00Z'));
    expect(first).toBe('m:review:guest:x:meeting-scheduled:guest:g-1:0');
    plan = planner.markSent(plan, first!, '2026-03-01T09:00:00Z');
    expect(keys(planner.due(plan, '2026-03-01T09:00:00Z'))).toEqual(['m:review:guest:x:meeting-scheduled:user:u-1:0']);
  });

  it('is a value: evolving an older plan again leaves the newer ones as they were', () => {
    const base = fold([scheduled, recorded(inviteGuest())]);
    const cancelled = planner.evolve(base, recorded(cancelMeeting({ now: '2026-03-01T13:00:00Z' })));
    const moved = planner.evolve(base, recorded(rescheduleMeeting({ now: '2026-03-01T13:00:00Z' })));
    const at = '2026-03-04T00:00:00Z';
    expect(keys(planner.due(base, at)).filter((k) => k.includes('starts-soon'))).toEqual([
      'm-1:meeting-starts-soon:guest:g-1:0',
      'm-1:meeting-starts-soon:guest:g-2:0',
      'm-1:meeting-starts-soon:user:u-1:0',
    ]);
    expect(keys(planner.due(cancelled, at)).filter((k) => k.includes('starts-soon'))).toEqual([]);
    expect(keys(planner.due(moved, at)).filter((k) => k.includes('starts-soon'))).toEqual([
      'm-1:meeting-starts-soon:guest:g-1:2',
      'm-1:meeting-starts-soon:guest:g-2:2',
      'm-1:meeting-starts-soon:user:u-1:2',
    ]);
    expect(planner.explain(base, 'm-1').map((r) => r.state)).not.toContain('withdrawn');
  });

  it('advance drops what may not go out, so the clock moves on', () => {
    const disabled = {
      type: 'NotificationDisabled',
      occurredAt: '2026-03-01T12:00:00Z',
      data: { accountId: 'acc-1', audience: 'user', notification: 'meeting-starts-soon' },
    } as const;
    let plan = fold([scheduled, disabled]);
    for (const key of keys(planner.due(plan, '2026-03-01T12:00:00Z'))) plan = planner.markSent(plan, key, '2026-03-01T12:00:00Z');
    expect(keys(planner.due(plan, '2026-03-02T08:00:00Z'))).toEqual(['m-1:meeting-starts-soon:guest:g-1:0']);
    plan = planner.markSent(plan, 'm-1:meeting-starts-soon:guest:g-1:0', '2026-03-02T08:00:00Z');
    expect(planner.nextDueAt(plan)).toBe('2026-03-02T08:00:00Z');
    plan = planner.advance(plan, '2026-03-02T08:00:00Z');
    expect(planner.nextDueAt(plan)).toBeUndefined();
  });

  it('ignores events of a meeting it never saw scheduled', () => {
    const plan = fold([recorded(cancelMeeting())]);
    expect([planner.due(plan, '2026-04-01T00:00:00Z'), planner.explain(plan, 'm-1')]).toEqual([[], []]);
  });
});
