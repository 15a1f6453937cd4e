import type { DomainEvent } from '@rendezvous/domain';
import { generateHistory } from '../history/generate';
import { replayByHand } from './baseline';
import { replayWithPlanner } from './library';
import { differences, fingerprint, type SentEmail } from './sent';

// Benchmark 1 refuses to time two runs that send different emails, but it takes minutes and is
// not part of `pnpm test`: a change of the library's rules (CONTRACT 1.1 §2.14) once left the
// hand-written baseline behind unnoticed. These cases keep both sides on the contract.

const at = (iso: string): string => `2026-03-02T${iso}Z`;
const host = { userId: 'u-1', name: 'Hanna Jansen', email: 'host1@example.com', timezone: 'Europe/Amsterdam' };
const guest = { guestId: 'g-1', name: 'Sam Bakker', email: 'guest1@example.org' };

function scheduled(time: string, start: string): DomainEvent {
  return {
    type: 'MeetingScheduled',
    occurredAt: at(time),
    data: { meetingId: 'm-1', accountId: 'acc-1', meetingType: { name: 'Intro call', durationMinutes: 30 }, start: at(start), host, guests: [guest], createdBy: 'guest' },
  };
}
const addressChange = (time: string, email: string): DomainEvent => ({ type: 'UserProfileUpdated', occurredAt: at(time), data: { userId: 'u-1', email } });
const meetingEvent = (type: 'MeetingStarted' | 'MeetingEnded', time: string): DomainEvent => ({ type, occurredAt: at(time), data: { meetingId: 'm-1' } });

/** Both sides' emails for a history, after checking they agree. */
function agreed(events: DomainEvent[]): SentEmail[] {
  const until = Date.parse(at('23:00:00'));
  const library = replayWithPlanner(events, until);
  expect(differences(library, replayByHand(events, until))).toBeUndefined();
  return library;
}
const sentTo = (sent: readonly SentEmail[], key: string): string | undefined => sent.find((s) => s.key === key)?.to;

describe('the replay benchmark: library and hand-written baseline', () => {
  it('address the host with a My Account change at the very instant of scheduling, filed before it', () => {
    const sent = agreed([addressChange('08:00:00', 'new@example.com'), scheduled('08:00:00', '15:00:00')]);
    expect(sentTo(sent, 'm-1:meeting-scheduled:user:u-1:0')).toBe('new@example.com');
  });

  it('address the host with a My Account change at the very instant of scheduling, filed after it', () => {
    const sent = agreed([scheduled('08:00:00', '15:00:00'), addressChange('08:00:00', 'new@example.com')]);
    expect(sentTo(sent, 'm-1:meeting-scheduled:user:u-1:0')).toBe('new@example.com');
  });

  it('keep the address the meeting was scheduled with over a change made before that instant', () => {
    const sent = agreed([addressChange('07:59:59', 'old@example.com'), scheduled('08:00:00', '15:00:00')]);
    expect(sentTo(sent, 'm-1:meeting-scheduled:user:u-1:0')).toBe('host1@example.com');
  });

  it('send no review when the guest reviews at its due time, after another record of that instant', () => {
    const sent = agreed([
      scheduled('08:00:00', '15:00:00'),
      meetingEvent('MeetingStarted', '15:00:00'),
      meetingEvent('MeetingEnded', '15:30:00'),
      addressChange('16:30:00', 'new@example.com'),
      { type: 'MeetingReviewed', occurredAt: at('16:30:00'), data: { meetingId: 'm-1', guestId: 'g-1', rating: 5 } },
    ]);
    expect(sent.filter((s) => s.key.includes(':review:'))).toEqual([]);
  });

  it('send the same emails over a generated history', () => {
    const { events } = generateHistory(2_000);
    const until = Date.parse(events[events.length - 1]?.occurredAt ?? '') + 30 * 24 * 60 * 60 * 1000;
    const library = replayWithPlanner(events, until);
    const baseline = replayByHand(events, until);
    expect(differences(library, baseline)).toBeUndefined();
    expect(fingerprint(library)).toBe(fingerprint(baseline));
  });
});

describe('the difference report', () => {
  it('names the earliest differing emails first, not the first keys in string order', () => {
    const email = (key: string, iso: string, to: string): SentEmail => ({ key, atMs: Date.parse(iso), to });
    const library = [email('m-9:a', '2026-01-01T00:00:00Z', 'x@example.com'), email('m-1:a', '2026-02-01T00:00:00Z', 'x@example.com')];
    const baseline = [email('m-9:a', '2026-01-01T00:00:00Z', 'y@example.com'), email('m-1:a', '2026-02-01T00:00:00Z', 'y@example.com')];
    expect(differences(library, baseline)?.split('\n')).toEqual([
      'library sent 2, baseline 2',
      'only library: m-9:a 2026-01-01T00:00:00.000Z x@example.com',
      'only library: m-1:a 2026-02-01T00:00:00.000Z x@example.com',
      'only baseline: m-9:a 2026-01-01T00:00:00.000Z y@example.com',
      'only baseline: m-1:a 2026-02-01T00:00:00.000Z y@example.com',
    ]);
  });
});
