import * as E from 'fp-ts/Either';
import { erasedUrl } from '@rendezvous/domain';
import { createLinks, profileLinkFor, verifyEntryLink, verifyLink } from './index';

const secret = 'test-secret-0123456789';
const links = createLinks({ secret, hostname: 'meet.acme.example' });
const host = { userId: 'u-1', name: 'Hanna', email: 'hanna@acme.example', timezone: 'Europe/Amsterdam' };

function reason(result: E.Either<{ reason: string }, unknown>): string {
  return E.isLeft(result) ? result.left.reason : 'accepted';
}

describe('entry links', () => {
  it('have the documented shape and verify back to their recipient', () => {
    const url = links.entryLink('m-1', 'guest', 'g-1');
    expect(url).toMatch(/^https:\/\/meet\.acme\.example\/m\/m-1\?a=guest&r=g-1&t=[A-Za-z0-9_-]{43}$/);
    expect(verifyEntryLink(url, secret)).toEqual(E.right({ meetingId: 'm-1', audience: 'guest', recipient: 'g-1' }));
  });

  it('carry a different token per recipient, audience and meeting', () => {
    const tokens = [
      links.entryLink('m-1', 'guest', 'g-1'),
      links.entryLink('m-1', 'guest', 'g-2'),
      links.entryLink('m-1', 'user', 'g-1'),
      links.entryLink('m-2', 'guest', 'g-1'),
    ].map((u) => new URL(u).searchParams.get('t'));
    expect(new Set(tokens).size).toBe(4);
  });

  it('are the same on every call (replays are deterministic)', () => {
    expect(links.entryLink('m-1', 'user', 'u-1')).toBe(links.entryLink('m-1', 'user', 'u-1'));
  });

  it('refuse a tampered recipient, meeting or audience', () => {
    const url = links.entryLink('m-1', 'guest', 'g-1');
    expect(reason(verifyEntryLink(url.replace('r=g-1', 'r=g-2'), secret))).toBe('bad-signature');
    expect(reason(verifyEntryLink(url.replace('/m/m-1', '/m/m-2'), secret))).toBe('bad-signature');
    expect(reason(verifyEntryLink(url.replace('a=guest', 'a=user'), secret))).toBe('bad-signature');
  });

  it('refuse a tampered token, even one spelled differently but decoding to the same bytes', () => {
    const url = links.entryLink('m-1', 'guest', 'g-1');
    const token = new URL(url).searchParams.get('t')!;
    const flipped = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    expect(reason(verifyEntryLink(url.replace(token, flipped), secret))).toBe('bad-signature');
    expect(reason(verifyEntryLink(url.replace(token, `${token}.`), secret))).toBe('bad-signature');
    expect(reason(verifyEntryLink(url.replace(token, token.slice(0, 20)), secret))).toBe('bad-signature');
  });

  it('refuse links signed with another secret or moved to another host', () => {
    const url = links.entryLink('m-1', 'guest', 'g-1');
    expect(reason(verifyEntryLink(url, 'another-secret'))).toBe('bad-signature');
    expect(reason(verifyEntryLink(url.replace('meet.acme.example', 'evil.example'), secret))).toBe('bad-signature');
    expect(reason(verifyEntryLink(url, secret, { hostname: 'meet.other.example' }))).toBe('foreign-host');
    expect(reason(verifyEntryLink(url, secret, { hostname: 'MEET.acme.example' }))).toBe('accepted');
  });

  it('refuse malformed links with a reason a person can read', () => {
    expect(verifyEntryLink('not a url', secret)).toEqual(E.left({ type: 'LinkError', reason: 'malformed', message: 'not a URL' }));
    expect(reason(verifyEntryLink('http://meet.acme.example/m/m-1?a=guest&r=g-1&t=x', secret))).toBe('malformed');
    expect(reason(verifyEntryLink('https://meet.acme.example/x/m-1?a=guest&r=g-1&t=x', secret))).toBe('malformed');
    expect(reason(verifyEntryLink('https://meet.acme.example/m/m-1?a=boss&r=g-1&t=x', secret))).toBe('malformed');
    expect(reason(verifyEntryLink('https://meet.acme.example/m/m-1?a=guest&t=x', secret))).toBe('malformed');
    expect(reason(verifyEntryLink('https://meet.acme.example/m/m-1?a=guest&r=g-1', secret))).toBe('malformed');
  });

  it('tolerate extra query parameters that mail clients add', () => {
    const url = `${links.entryLink('m-1', 'guest', 'g-1')}&utm_source=mail`;
    expect(reason(verifyEntryLink(url, secret))).toBe('accepted');
  });
});

describe('action links', () => {
  it('each sit under the hostname with their own path and token', () => {
    expect(links.rescheduleLink('m-1', 'guest', 'g-1')).toMatch(/^https:\/\/meet\.acme\.example\/m\/m-1\/reschedule\?a=guest&r=g-1&t=/);
    expect(links.cancelLink('m-1', 'user', 'u-1')).toMatch(/^https:\/\/meet\.acme\.example\/m\/m-1\/cancel\?a=user&r=u-1&t=/);
    expect(links.reviewLink('m-1', 'g-1')).toMatch(/^https:\/\/meet\.acme\.example\/m\/m-1\/review\?a=guest&r=g-1&t=/);
    expect(links.calendarLink('m-1', 'guest', 'g-1')).toMatch(/^https:\/\/meet\.acme\.example\/m\/m-1\/invite\.ics\?a=guest&r=g-1&t=/);
    expect(verifyLink(links.cancelLink('m-1', 'user', 'u-1'), secret)).toEqual(
      E.right({ purpose: 'cancel', meetingId: 'm-1', audience: 'user', recipient: 'u-1' }),
    );
  });

  it('are not entry links, and a token cannot be moved from one purpose to another', () => {
    const cancel = links.cancelLink('m-1', 'guest', 'g-1');
    expect(reason(verifyEntryLink(cancel, secret))).toBe('wrong-purpose');
    expect(reason(verifyLink(cancel.replace('/cancel', '/reschedule'), secret))).toBe('bad-signature');
    expect(reason(verifyLink(cancel.replace('/cancel', ''), secret))).toBe('bad-signature');
  });
});

describe('profile links (docs/CONTRACT.md §3, 1.1)', () => {
  it("are the host's profileUrl exactly as given, on any domain", () => {
    expect(links.profileLink({ ...host, profileUrl: 'https://meet.acme.example/team/hanna' })).toBe('https://meet.acme.example/team/hanna');
    expect(profileLinkFor({ ...host, profileUrl: 'https://Elsewhere.example/p/Hanna?ref=mail#top' })).toBe('https://Elsewhere.example/p/Hanna?ref=mail#top');
  });

  it('are empty when the host has no profileUrl, or when it was erased', () => {
    expect(links.profileLink(host)).toBe('');
    expect(profileLinkFor({ ...host, profileUrl: erasedUrl })).toBe('');
  });
});

it('refuses an empty secret at construction', () => {
  expect(() => createLinks({ secret: '', hostname: 'x.example' })).toThrow('the link secret must not be empty');
});
