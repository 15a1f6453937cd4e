import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { replay } from './replay';
import type { ReplayedEmail } from './output';
import { asRecords, gridHistories } from './testing/grid-histories';

// CONTRACT §2.12 (1.1): the SEQUENCE belongs to the meeting, not to a recipient. Across every
// recipient of a meeting, in the order the emails go out, it never goes down; one UID per meeting.
const field = (ics: string, name: string): string | undefined => new RegExp(`^${name}:(.*)$`, 'm').exec(ics)?.[1]?.trim();

function invitationsByMeeting(emails: readonly ReplayedEmail[]): Map<string, { sequence: number; uid: string; email: ReplayedEmail }[]> {
  const byMeeting = new Map<string, { sequence: number; uid: string; email: ReplayedEmail }[]>();
  for (const email of emails) {
    if (email.ics === undefined) continue;
    const list = byMeeting.get(email.meetingId) ?? [];
    list.push({ sequence: Number(field(email.ics, 'SEQUENCE')), uid: field(email.ics, 'UID') ?? '', email });
    byMeeting.set(email.meetingId, list);
  }
  return byMeeting;
}

describe('ICS SEQUENCE over random histories', () => {
  it('never goes down within a meeting, across every recipient, and every invitation of a meeting has its one UID', () => {
    let reassigns = 0;
    fc.assert(
      fc.property(gridHistories, (events) => {
        const result = replay(asRecords(events));
        if (E.isLeft(result)) throw new Error(result.left.message);
        for (const [meetingId, invitations] of invitationsByMeeting(result.right)) {
          const sequences = invitations.map((i) => i.sequence);
          expect(sequences.every(Number.isInteger)).toBe(true);
          expect({ meetingId, sequences }).toEqual({ meetingId, sequences: [...sequences].sort((a, b) => a - b) });
          expect(new Set(invitations.map((i) => i.uid)).size).toBe(1);
          // A reassign's CANCEL to the previous host and REQUEST to the new one go out together with one number.
          for (const cancel of invitations.filter((i) => i.email.notification === 'meeting-cancelled' && i.email.audience === 'user')) {
            const together = invitations.filter((i) => i.email.sentAt === cancel.email.sentAt);
            if (together.some((i) => i.email.notification === 'meeting-scheduled')) reassigns++;
            expect(new Set(together.map((i) => i.sequence))).toEqual(new Set([cancel.sequence]));
          }
        }
      }),
      { numRuns: 60, seed: 20261204 },
    );
    // The histories must reach the case the rule is about.
    expect(reassigns).toBeGreaterThan(5);
  });
});
