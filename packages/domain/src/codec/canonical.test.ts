import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import {
  aGuest,
  aHost,
  cancelMeeting,
  endMeeting,
  inviteGuest,
  leaveWrapUpNote,
  reassignMeeting,
  rescheduleMeeting,
  reviewMeeting,
  scheduleMeeting,
  startMeeting,
} from '@rendezvous/domain/testing';
import { meetingCommandCodecs, type MeetingCommand } from '../meeting/commands';
import { canonicalGuard } from './canonical';
import { Instant, Name } from './primitives';

const commands: MeetingCommand[] = [
  scheduleMeeting({ description: 'Bring questions', host: aHost({ location: { city: 'Utrecht' }, locale: 'nl' }) }),
  scheduleMeeting({ guests: [aGuest(), aGuest({ guestId: 'g-2', email: 'g2@example.com', timezone: 'Asia/Tokyo', phone: '+81 3 0000' })] }),
  rescheduleMeeting(),
  reassignMeeting(),
  inviteGuest(),
  cancelMeeting(),
  startMeeting(),
  endMeeting(),
  leaveWrapUpNote(),
  reviewMeeting({ comment: 'Helpful' }),
];

const guardOf = (command: MeetingCommand) => canonicalGuard(meetingCommandCodecs[command.type]);
const decodes = (command: unknown, codec: t.Mixed): unknown => E.getOrElseW(() => 'failed')(codec.decode(command) as E.Either<t.Errors, unknown>);

describe('canonicalGuard', () => {
  it('accepts every valid canonical command, and decoding returns each unchanged', () => {
    for (const command of commands) {
      const codec = meetingCommandCodecs[command.type];
      expect(guardOf(command)(command)).toBe(true);
      expect(decodes(command, codec)).toEqual(command);
    }
  });

  it('refuses whatever decoding would change or strip, at any depth', () => {
    const schedule = scheduleMeeting({ host: aHost({ location: { city: 'Utrecht' } }) });
    const guard = guardOf(schedule);
    const changed: unknown[] = [
      { ...schedule, extra: 1 },
      { ...schedule, meetingType: { ...schedule.meetingType, colour: 'red' } },
      { ...schedule, host: { ...schedule.host, nickname: 'H' } },
      { ...schedule, host: { ...schedule.host, location: { city: 'Utrecht', planet: 'Earth' } } },
      { ...schedule, guests: [{ ...aGuest(), vip: true }] },
      { ...schedule, now: '2026-03-01T10:00:00+01:00' },
      { ...schedule, start: '2026-03-02T09:00:00.000Z' },
    ];
    for (const input of changed) {
      expect(guard(input)).toBe(false);
      expect(decodes(input, meetingCommandCodecs.ScheduleMeeting)).not.toEqual(input);
    }
  });

  it('refuses invalid input, so its errors come from the full decode', () => {
    const schedule = scheduleMeeting();
    const guard = guardOf(schedule);
    const invalid: unknown[] = [
      null,
      [],
      'ScheduleMeeting',
      { ...schedule, guests: [] },
      { ...schedule, guests: [{ ...aGuest(), email: 'gus@' }] },
      { ...schedule, host: undefined },
      { ...schedule, description: '   ' },
      { ...schedule, createdBy: 'robot' },
      { ...schedule, type: 'StartMeeting' },
    ];
    for (const input of invalid) {
      expect(guard(input)).toBe(false);
      expect(decodes(input, meetingCommandCodecs.ScheduleMeeting)).toBe('failed');
    }
  });

  it('accepts an optional field left out or undefined, as decoding keeps it', () => {
    const guard = guardOf(scheduleMeeting());
    expect(guard(scheduleMeeting())).toBe(true);
    expect(guard({ ...scheduleMeeting(), description: undefined })).toBe(true);
  });

  it('never trusts a hand-made codec it cannot see into, nor a class instance', () => {
    const opaque = new t.Type<string, string, unknown>('Opaque', t.string.is, t.string.validate, t.identity);
    expect(canonicalGuard(opaque)('x')).toBe(false);
    expect(canonicalGuard(t.type({ at: Instant, name: Name }))({ at: '2026-03-01T09:00:00Z', name: 'Ann' })).toBe(true);
    class Named {
      readonly name = 'Ann';
    }
    expect(canonicalGuard(t.type({ name: Name }))(new Named())).toBe(false);
  });
});
