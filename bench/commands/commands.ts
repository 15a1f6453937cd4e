import type { Guest, Host, InviteGuest, ScheduleMeeting } from '@rendezvous/domain';
import { makeGuest, makeHosts } from '../history/people';
import { Random } from '../history/random';

/** When every command of the workload is decided: before any meeting's start. */
export const commandTime = '2026-01-01T00:00:00Z';

const random = new Random(7);
const hosts: readonly Host[] = makeHosts(500, random);
const guests = (i: number): Guest[] => [makeGuest(i, 0, new Random(i)), makeGuest(i, 1, new Random(i + 1))];

/** The booking of meeting `i`: a full host and two guests, the personal data encryption seals. */
export function scheduleCommand(i: number): ScheduleMeeting {
  return {
    type: 'ScheduleMeeting',
    now: commandTime,
    meetingId: `m-${i}`,
    accountId: `acc-${i % 100}`,
    meetingType: { name: 'Intro call', durationMinutes: 30 },
    description: 'Bring your questions.',
    start: new Date(Date.parse(commandTime) + (1 + (i % 30)) * 86_400_000).toISOString().replace('.000Z', 'Z'),
    host: hosts[i % hosts.length] as Host,
    guests: guests(i),
    createdBy: 'guest',
  };
}

/** A third guest for meeting `i`: the second command, on a stream that holds the booking. */
export function inviteCommand(i: number): InviteGuest {
  return { type: 'InviteGuest', now: commandTime, meetingId: `m-${i}`, guest: makeGuest(i, 2, new Random(i + 2)) };
}
