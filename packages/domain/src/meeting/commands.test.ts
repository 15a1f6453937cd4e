import * as E from 'fp-ts/Either';
import { decodeMeetingCommand } from '@rendezvous/domain';
import { commandOfEvent, eventOfCommand } from './commands';
import { rescheduleMeeting, scheduleMeeting } from '@rendezvous/domain/testing';

const problems = (raw: unknown) => {
  const decoded = decodeMeetingCommand(raw);
  return E.isLeft(decoded) ? decoded.left.message : 'decoded';
};

describe('decodeMeetingCommand', () => {
  it('decodes a command, normalizing instants to UTC and dropping unknown fields', () => {
    const raw = { ...rescheduleMeeting(), now: '2026-03-01T13:00:00+01:00', start: '2026-03-03T10:00:00+01:00', extra: 'dropped' };
    expect(decodeMeetingCommand(raw)).toEqual(
      E.right({ type: 'RescheduleMeeting', now: '2026-03-01T12:00:00Z', meetingId: 'm-1', start: '2026-03-03T09:00:00Z', reason: 'Train delayed', by: 'guest' }),
    );
  });

  it('dispatches on type and names what is wrong', () => {
    expect(problems('hello')).toBe('a command must be an object with a "type"');
    expect(problems({ now: '2026-03-01T12:00:00Z' })).toBe('type: is required');
    expect(problems({ type: 'Reschedule' })).toBe(
      'type: unknown command "Reschedule"; must be one of "ScheduleMeeting", "RescheduleMeeting", "ReassignMeeting", "InviteGuest", "CancelMeeting", "StartMeeting", "EndMeeting", "LeaveWrapUpNote", "ReviewMeeting"',
    );
    expect(problems({ ...rescheduleMeeting(), now: undefined, by: 'robot' })).toBe('now: is required\nby: must be one of "user", "guest"');
    expect(problems({ ...scheduleMeeting(), guests: [{ guestId: 'g-1', name: 'Gus', email: 'gus@' }] })).toBe('guests.0.email: not an email address');
    expect(problems({ ...scheduleMeeting(), host: { ...scheduleMeeting().host, timezone: 'Mars/Base' } })).toBe(
      'host.timezone: not an IANA time zone name (e.g. "Europe/Amsterdam")',
    );
  });

  it('pairs each command with the event it records, both ways', () => {
    const command = rescheduleMeeting();
    const event = eventOfCommand(command);
    expect(event).toEqual({ type: 'MeetingRescheduled', occurredAt: command.now, data: { meetingId: 'm-1', start: command.start, reason: 'Train delayed', by: 'guest' } });
    expect(commandOfEvent(event)).toEqual(command);
  });
});
