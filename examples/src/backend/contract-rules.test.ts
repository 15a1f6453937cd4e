import { meetingMissed } from '@rendezvous/domain';
import { meetingProblem } from './problems/meeting';
import { call, hoursFromNow, scheduleBody, startTestBackend, type BackendUnderTest } from './testing/fixture';

// The refusals contract 1.1 adds (docs/CONTRACT.md §1), as a client of the backend meets them:
// 409 when the meeting's state stands in the way, 422 for a field that does not validate.

const type = (slug: string) => `https://rendezvous.example/problems/${slug}`;
let t: BackendUnderTest;

beforeAll(async () => {
  t = await startTestBackend('memory');
});
afterAll(async () => {
  await t.stop();
});

describe('contract 1.1 refusals over HTTP', () => {
  it('409 for a reschedule to the start the meeting already has, in any offset', async () => {
    const start = hoursFromNow(48);
    const id = (await call(t.url, 'POST', '/meetings', { json: scheduleBody({ start }) })).body.meetingId as string;
    const sameInAmsterdam = new Date(Date.parse(start) + 3_600_000).toISOString().replace('.000Z', '+01:00');
    const answer = await call(t.url, 'POST', `/meetings/${id}/reschedule`, { json: { start: sameInAmsterdam, reason: 'Moved.', by: 'user' } });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ type: type('start-unchanged'), status: 409, start });
    expect(answer.body.detail).toBe(`meeting ${id} already starts at ${start}; a reschedule needs a different start (nothing would change)`);
    const moved = await call(t.url, 'POST', `/meetings/${id}/reschedule`, { json: { start: hoursFromNow(50), reason: 'Moved.', by: 'user' } });
    expect(moved.status).toBe(200);
  });

  it.each([
    ['a host name', { host: { userId: 'u-1', name: 'Hanna\r\nBcc: all@example.com', email: 'h@example.com', timezone: 'Europe/Amsterdam' } }, 'host.name'],
    ['a guest name', { guests: [{ guestId: 'g-1', name: 'Gus\nGuest', email: 'gus@example.org' }] }, 'guests.0.name'],
    ['a meeting type name', { meetingType: { name: 'Intro\ncall', durationMinutes: 30 } }, 'meetingType.name'],
  ])('422 naming the field for a line break in %s', async (_what, overrides, field) => {
    const answer = await call(t.url, 'POST', '/meetings', { json: scheduleBody(overrides) });
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toContain(field);
    expect(JSON.stringify(answer.body)).toContain('must not contain line breaks');
  });

  it('422 for a line break in the company name', async () => {
    const answer = await call(t.url, 'PUT', '/accounts/acme/branding', { json: { companyName: 'Acme\r\nBcc: x@example.com', hostname: 'meet.acme.example' } });
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toContain('must not contain line breaks');
  });

  it('409 for inviting an address that is a guest already, in another case', async () => {
    const id = (await call(t.url, 'POST', '/meetings', { json: scheduleBody() })).body.meetingId as string;
    const answer = await call(t.url, 'POST', `/meetings/${id}/guests`, { json: { guest: { guestId: 'g-2', name: 'Gus Again', email: 'GUS@Example.ORG' } } });
    expect([answer.status, answer.body.type]).toEqual([409, type('guest-already-invited')]);
  });
});

// A meeting only becomes missed hours after its start, which the backend's real clock cannot be
// made to reach in a test: the mapping of the refusal is checked on its own.
describe('a start refused because the meeting was missed', () => {
  it('is a 409 lifecycle problem that says when it was missed and what to do', () => {
    const problem = meetingProblem(meetingMissed('m-1', '2026-03-02T11:30:00Z', 'StartMeeting'));
    expect(problem).toEqual({
      type: type('meeting-missed'),
      title: 'The meeting was missed',
      status: 409,
      detail: 'meeting m-1 was missed (nobody started it by 2026-03-02T11:30:00Z); a missed meeting cannot be started: reschedule it or cancel it',
      missedAt: '2026-03-02T11:30:00Z',
    });
  });
});

it('answers a schedule whose If-Match does not hold with 409, not 404 (found by the fuzzer)', async () => {
  const answer = await call(t.url, 'POST', '/meetings', { json: scheduleBody({ meetingId: 'm-if-match-new' }), headers: { 'if-match': '3' } });
  expect([answer.status, answer.body.type]).toEqual([409, 'https://rendezvous.example/problems/version-conflict']);
});

it('refuses a meeting id that a URL cannot name (found by the fuzzer)', async () => {
  for (const meetingId of ['.', '..']) {
    const answer = await call(t.url, 'POST', '/meetings', { json: scheduleBody({ meetingId }) });
    expect([answer.status, answer.body.field]).toEqual([422, 'meetingId']);
  }
});
