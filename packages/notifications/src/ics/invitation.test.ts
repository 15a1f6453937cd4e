import { sampleEmail } from '../rendering/sample';
import { carriesInvitation, invitationFor } from './invitation';

const link = 'https://meet.acme.example/m/sample-meeting?a=guest&r=sample-guest&t=abc';

function lines(ics: string): string[] {
  // Unfold continuation lines (CRLF + space) before looking at properties.
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('invitationFor', () => {
  it('writes a REQUEST for a scheduled meeting with the UID, SEQUENCE and UTC times', () => {
    const invite = invitationFor(sampleEmail('guest', 'meeting-scheduled'), 'meet.acme.example', link)!;
    expect(invite.method).toBe('REQUEST');
    const l = lines(invite.ics);
    expect(l).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'METHOD:REQUEST',
        'UID:sample-meeting@meet.acme.example',
        'SEQUENCE:0',
        'DTSTAMP:20260220T100000Z',
        'DTSTART:20260302T090000Z',
        'DTEND:20260302T093000Z',
        'SUMMARY:Intro call with Hanna de Vries',
        `LOCATION:${link}`,
        'ORGANIZER;CN="Hanna de Vries":mailto:hanna@example.com',
        'ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN="Sam Jansen":MAILTO:sam@example.org',
        'STATUS:CONFIRMED',
        `DESCRIPTION:A first conversation about your plans.\\nBring your questions.\\n\\nJoin the meeting: ${link}`,
      ]),
    );
  });

  it('ends every line with CRLF and has no bare LF', () => {
    const { ics } = invitationFor(sampleEmail('guest', 'meeting-scheduled'), 'meet.acme.example', link)!;
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes a CANCEL with STATUS:CANCELLED and the sequence planning gave', () => {
    const invite = invitationFor(sampleEmail('guest', 'meeting-cancelled'), 'meet.acme.example', link)!;
    expect(invite.method).toBe('CANCEL');
    expect(lines(invite.ics)).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'SEQUENCE:1', 'STATUS:CANCELLED', 'DESCRIPTION:We found the answer by email.']));
  });

  it('keeps the same UID across a reschedule and raises the sequence', () => {
    const invite = invitationFor(sampleEmail('user', 'meeting-rescheduled'), 'meet.acme.example', link)!;
    expect(lines(invite.ics)).toEqual(
      expect.arrayContaining(['METHOD:REQUEST', 'UID:sample-meeting@meet.acme.example', 'SEQUENCE:1', 'SUMMARY:Intro call with Sam Jansen']),
    );
  });

  it('writes the times in UTC whatever the zone of the process', () => {
    const before = process.env['TZ'];
    process.env['TZ'] = 'America/Los_Angeles';
    try {
      const { ics } = invitationFor(sampleEmail('guest', 'meeting-scheduled'), 'meet.acme.example', link)!;
      expect(lines(ics)).toContain('DTSTART:20260302T090000Z');
    } finally {
      if (before === undefined) delete process.env['TZ'];
      else process.env['TZ'] = before;
    }
  });

  it('uses the recipient language and never puts a double quote inside a parameter', () => {
    const email = sampleEmail('guest', 'meeting-scheduled', 'nl-BE');
    const quoted = { ...email, meeting: { ...email.meeting, host: { ...email.meeting.host, name: 'Jo "JJ" Smit' } } };
    const l = lines(invitationFor(quoted, 'meet.acme.example', link)!.ics);
    expect(l).toContain('SUMMARY:Intro call met Jo "JJ" Smit');
    expect(l).toContain("ORGANIZER;CN=\"Jo 'JJ' Smit\":mailto:hanna@example.com");
  });

  it('is carried only by scheduled, rescheduled and cancelled', () => {
    expect(invitationFor(sampleEmail('guest', 'meeting-starts-soon'), 'meet.acme.example', link)).toBeUndefined();
    expect(invitationFor(sampleEmail('guest', 'review'), 'meet.acme.example', link)).toBeUndefined();
    expect(['meeting-scheduled', 'meeting-rescheduled', 'meeting-cancelled', 'meeting-starts-soon', 'wrap-up', 'review'].map((n) => carriesInvitation(n as never))).toEqual([
      true, true, true, false, false, false,
    ]);
  });
});
