import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearOutbox, demoOutboxDir } from './outbox';
import { runDemo, type DemoRun } from './run-demo';
import { timeline } from './timeline';

// The demo is the README's first promise; this keeps it from rotting silently. If the story or
// the library changes what is sent, these tables change with it, on purpose and in review.

describe('pnpm demo', () => {
  let dir: string;
  let run: DemoRun;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rendezvous-demo-'));
    // A file a previous run left: the demo must clear it.
    await writeFile(join(dir, '20260101T000000.000Z-00000000deadbeef.eml'), 'stale');
    run = await runDemo({ outbox: dir });
    // Seconds alone; a machine busy with other test suites can take several times that.
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('runs every command, and refuses exactly the two the rules forbid, saying why', () => {
    expect(run.happened).toHaveLength(20);
    const refused = run.happened.flatMap((h) => (h.outcome.kind === 'refused' ? [[h.at, h.outcome.errorType, h.outcome.message]] : []));
    expect(refused).toEqual([
      ['2026-03-02T08:07:00Z', 'TemplateError', 'subject line 1, column 16: unknown variable "recipient.nmae"; did you mean "recipient.name"?'],
      ['2026-03-03T14:10:00Z', 'MeetingNotPlanned', 'meeting m-intro is LIVE; a LIVE meeting cannot be rescheduled'],
    ]);
    expect(run.happened.flatMap((h) => h.warnings)).toEqual([
      'warning: Chloé Martin is not available at that time (recorded; the meeting is still reassigned)',
    ]);
  });

  it('sends the 21 emails the contract asks for, each at its time, to its recipient', () => {
    expect(run.sent.map((e) => `${e.sentAt} ${e.meetingId} ${e.notification} ${e.audience} ${e.recipient}`)).toEqual([
      '2026-03-02T09:00:00Z m-intro meeting-scheduled user Anna Berg',
      '2026-03-02T09:00:00Z m-intro meeting-scheduled guest Sam Carter',
      '2026-03-02T09:30:00Z m-plan meeting-scheduled user Ben Okafor',
      '2026-03-02T09:30:00Z m-plan meeting-scheduled guest Priya Shah',
      '2026-03-02T10:00:00Z m-tax meeting-scheduled user Anna Berg',
      '2026-03-02T10:00:00Z m-tax meeting-scheduled guest Tom Weber',
      '2026-03-02T10:30:00Z m-pension meeting-scheduled user Ben Okafor',
      '2026-03-02T10:30:00Z m-pension meeting-scheduled guest Sam Carter',
      '2026-03-02T11:30:00Z m-intro meeting-scheduled guest Lotte Jansen',
      '2026-03-03T08:00:00Z m-plan meeting-cancelled user Ben Okafor',
      '2026-03-03T08:00:00Z m-plan meeting-scheduled user Chloé Martin',
      '2026-03-03T09:15:00Z m-pension meeting-cancelled user Ben Okafor',
      '2026-03-03T09:15:00Z m-pension meeting-cancelled guest Sam Carter',
      '2026-03-03T13:00:00Z m-intro meeting-starts-soon guest Lotte Jansen',
      '2026-03-03T13:00:00Z m-intro meeting-starts-soon guest Sam Carter',
      '2026-03-03T13:30:00Z m-tax meeting-rescheduled user Anna Berg',
      '2026-03-03T13:30:00Z m-tax meeting-rescheduled guest Tom Weber',
      '2026-03-03T14:50:00Z m-intro wrap-up guest Lotte Jansen',
      '2026-03-03T14:50:00Z m-intro wrap-up guest Sam Carter',
      '2026-03-03T15:40:00Z m-intro review guest Lotte Jansen',
      '2026-03-04T12:00:00Z m-plan meeting-starts-soon guest Priya Shah',
    ]);
  });

  it("renders the admin's templates and the recipients' own zones and languages", () => {
    const subject = (meetingId: string, notification: string, recipient: string) =>
      run.sent.find((e) => e.meetingId === meetingId && e.notification === notification && e.recipient === recipient)?.subject;
    expect(subject('m-intro', 'meeting-scheduled', 'Sam Carter')).toBe(
      'Northwind Advisory: your intro call with Anna Berg on Tuesday, March 3, 2026 at 09:00',
    );
    // Lotte reads Dutch: the customization saved for nl, not the English one.
    expect(subject('m-intro', 'meeting-scheduled', 'Lotte Jansen')).toBe('Northwind Advisory: je intro call met Anna Berg op dinsdag 3 maart 2026 om 15:00');
    expect(subject('m-intro', 'review', 'Lotte Jansen')).toBe('Hoe was je Intro call met Anna Berg?');
    expect(subject('m-intro', 'wrap-up', 'Sam Carter')).toBe('Your notes from Anna Berg (Northwind Advisory)');
  });

  it('withholds 10 emails, each with the reason the dispatcher gives', () => {
    const rows = run.withheld.map((e) => [e.dueAt, e.meetingId, e.notification, e.audience, e.recipient, e.state, e.reason]);
    const expected: [string, string, string, string, string, string, RegExp][] = [
      ['2026-03-03T13:00:00Z', 'm-intro', 'meeting-starts-soon', 'user', 'Anna Berg', 'suppressed', /disabled meeting-starts-soon for hosts/],
      ['2026-03-03T14:00:00Z', 'm-tax', 'meeting-starts-soon', 'user', 'Anna Berg', 'suppressed', /rescheduled 1 h 30 min before its new start, under the 3 h minimum/],
      ['2026-03-03T14:00:00Z', 'm-tax', 'meeting-starts-soon', 'guest', 'Tom Weber', 'suppressed', /rescheduled 1 h 30 min before its new start, under the 3 h minimum/],
      ['2026-03-03T15:00:00Z', 'm-tax', 'meeting-starts-soon', 'user', 'Anna Berg', 'withdrawn', /rescheduled at 2026-03-03T13:30:00Z/],
      ['2026-03-03T15:00:00Z', 'm-tax', 'meeting-starts-soon', 'guest', 'Tom Weber', 'withdrawn', /rescheduled at 2026-03-03T13:30:00Z/],
      ['2026-03-03T15:40:00Z', 'm-intro', 'review', 'guest', 'Sam Carter', 'withdrawn', /reviewed at 2026-03-03T15:05:00Z/],
      ['2026-03-04T12:00:00Z', 'm-plan', 'meeting-starts-soon', 'user', 'Ben Okafor', 'withdrawn', /reassigned .*at 2026-03-03T08:00:00Z/],
      ['2026-03-04T12:00:00Z', 'm-plan', 'meeting-starts-soon', 'user', 'Chloé Martin', 'suppressed', /disabled meeting-starts-soon for hosts/],
      ['2026-03-05T14:00:00Z', 'm-pension', 'meeting-starts-soon', 'user', 'Ben Okafor', 'withdrawn', /cancelled at 2026-03-03T09:15:00Z/],
      ['2026-03-05T14:00:00Z', 'm-pension', 'meeting-starts-soon', 'guest', 'Sam Carter', 'withdrawn', /cancelled at 2026-03-03T09:15:00Z/],
    ];
    expect(rows.map((row) => row.slice(0, 6))).toEqual(expected.map((row) => row.slice(0, 6)));
    rows.forEach((row, i) => expect(row[6]).toMatch(expected[i]?.[6] as RegExp));
    expect(run.planned).toEqual([]);
    expect(run.problems).toEqual([]);
  });

  it('writes every email into the outbox, listed in index.html, and nothing else', async () => {
    const names = await readdir(dir);
    expect(names.filter((n) => n.endsWith('.eml'))).toHaveLength(21);
    expect(names).not.toContain('20260101T000000.000Z-00000000deadbeef.eml');
    expect(run.index).toBe(join(dir, 'index.html'));
    const index = await readFile(run.index, 'utf8');
    expect(index.match(/<tr>/g)).toHaveLength(22); // the header and one row per email
    for (const email of run.sent) expect(index).toContain(email.subject.replace(/&/g, '&amp;'));
  });

  it('puts the customized emails in the branded layout: title, company name, card and footer', async () => {
    const htmls = await Promise.all((await readdir(dir)).filter((n) => /^\d.*\.html$/.test(n)).map((n) => readFile(join(dir, n), 'utf8')));
    const customized = htmls.filter((h) => /(Your|Je) intro call (with|met) Anna Berg|Thank you for your time today/.test(h));
    expect(customized.length).toBeGreaterThanOrEqual(3);
    for (const html of customized) {
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="(en|nl)">\n<head><meta charset="utf-8"><meta name="viewport"/);
      expect(html).toMatch(/<title>Northwind Advisory: |<title>Your notes from /);
      expect(html).toContain('class="rv-pad rv-content"');
      expect(html).toMatch(/(Sent by|Verstuurd door) Northwind Advisory/);
    }
  });

  it("shows Anna's My Account change in the emails after it, not before", async () => {
    const htmls = await Promise.all((await readdir(dir)).filter((n) => /^\d.*\.html$/.test(n)).map((n) => readFile(join(dir, n), 'utf8')));
    const confirmations = htmls.filter((h) => /(Your|Je) intro call (with|met) Anna Berg/.test(h));
    expect(confirmations.map((h) => [h.includes('Anna Berg, Advisor,'), h.includes('Anna Berg, Senior Advisor,'), h.includes('+31 20 555 0143')])).toEqual(
      expect.arrayContaining([
        [true, false, false],
        [false, true, true],
      ]),
    );
    expect(confirmations).toHaveLength(2);
  });

  it('prints a timeline a newcomer can read: no raw values, and where to find the emails', () => {
    const text = timeline(run, dir).join('\n');
    expect(text).not.toMatch(/undefined|\[object|\{"|T\d\d:\d\d:\d\dZ/);
    expect(text).toContain(`Open the list in a browser:  ${join(dir, 'index.html')}`);
    expect(text).toContain('Emails sent (21)');
    expect(text).toContain('Emails withheld (10), as the dispatcher explains them');
    expect(text).toContain(
      '  Tue 03 Mar 15:40  m-intro    review               guest     Sam Carter    review not sent to sam@client.example.org: they reviewed at Tue 03 Mar 15:05',
    );
  });

  it("writes to ./demo-outbox by default, never to the backend's ./outbox, and DEMO_OUTBOX moves it", () => {
    expect(demoOutboxDir({}, '/home/ann/rendezvous')).toBe('/home/ann/rendezvous/demo-outbox');
    expect(demoOutboxDir({ DEMO_OUTBOX: ' ' }, '/home/ann/rendezvous')).toBe('/home/ann/rendezvous/demo-outbox');
    expect(demoOutboxDir({ DEMO_OUTBOX: 'mails' }, '/home/ann/rendezvous')).toBe('/home/ann/rendezvous/mails');
    expect(demoOutboxDir({ DEMO_OUTBOX: '/tmp/mails' }, '/home/ann/rendezvous')).toBe('/tmp/mails');
  });

  it('refuses to clear a folder that holds files it did not write', async () => {
    const other = await mkdtemp(join(tmpdir(), 'rendezvous-demo-other-'));
    try {
      await writeFile(join(other, 'thesis.docx'), 'precious');
      await expect(clearOutbox(other)).rejects.toThrow(`${other} holds files the demo did not write (thesis.docx); point DEMO_OUTBOX at an empty or new folder`);
      expect(await readdir(other)).toEqual(['thesis.docx']);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
