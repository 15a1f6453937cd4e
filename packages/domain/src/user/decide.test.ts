import * as E from 'fp-ts/Either';
import { applyProfileUpdate, decodeUserProfileCommand, userProfileDecider, type UpdateUserProfile, type UserEvent } from '@rendezvous/domain';
import { aHost, forDecider } from '@rendezvous/domain/testing';

const spec = forDecider(userProfileDecider);
const update = (fields: Partial<UpdateUserProfile> = {}): UpdateUserProfile => ({ type: 'UpdateUserProfile', now: '2026-03-01T10:00:00Z', userId: 'u-1', ...fields });
const updated = (data: UserEvent['data'], occurredAt = '2026-03-01T09:00:00Z'): UserEvent => ({ type: 'UserProfileUpdated', occurredAt, data });

describe('UpdateUserProfile (My Account)', () => {
  it('records the fields that change, at the command moment in UTC', () => {
    spec.when(update({ now: '2026-03-01T11:00:00+01:00', name: 'Hanna de Vries', timezone: 'Europe/Lisbon' })).then([
      { type: 'UserProfileUpdated', occurredAt: '2026-03-01T10:00:00Z', data: { userId: 'u-1', name: 'Hanna de Vries', timezone: 'Europe/Lisbon' } },
    ]);
  });

  it('leaves out the fields that already have the given value', () => {
    const history = [updated({ userId: 'u-1', name: 'Hanna', location: { city: 'Utrecht', country: 'NL' } })];
    spec.given(history).when(update({ name: 'Hanna', phone: '+31 6 1234 5678', location: { country: 'NL', city: 'Utrecht' } })).then([
      { type: 'UserProfileUpdated', occurredAt: '2026-03-01T10:00:00Z', data: { userId: 'u-1', phone: '+31 6 1234 5678' } },
    ]);
  });

  it('refuses a change that changes nothing', () => {
    const history = [updated({ userId: 'u-1', name: 'Hanna', jobTitle: 'Advisor' })];
    expect(spec.given(history).when(update({ name: 'Hanna', jobTitle: 'Advisor' })).thenFails('NothingToChange').message).toBe(
      'nothing to change: user u-1 already has this name, jobTitle',
    );
    expect(spec.when(update()).thenFails('NothingToChange').message).toBe(
      'nothing to change: the update for user u-1 names no field (name, email, timezone, locale, phone, jobTitle, location, profileUrl)',
    );
  });

  it('accepts a later change back to an earlier value', () => {
    const history = [updated({ userId: 'u-1', name: 'Hanna' }), updated({ userId: 'u-1', name: 'Hanna V.' })];
    const state = spec.given(history).when(update({ name: 'Hanna' })).thenState();
    expect(state).toEqual({ userId: 'u-1', profile: { name: 'Hanna' }, eventCount: 3 });
  });

  it('refuses invalid values, naming each field', () => {
    const error = spec.when(update({ name: ' ', email: 'hanna@', timezone: 'CET+1', locale: 'english!', profileUrl: 'ftp://x' })).thenFails('InvalidProfileUpdate');
    expect(error.problems).toEqual([
      { path: 'name', message: 'must be a non-empty string' },
      { path: 'email', message: 'not an email address' },
      { path: 'timezone', message: 'not an IANA time zone name (e.g. "Europe/Amsterdam")' },
      { path: 'locale', message: 'not a locale tag (e.g. "en", "nl-BE")' },
      { path: 'profileUrl', message: 'must be an http(s) URL' },
    ]);
    expect(error.message.startsWith('the profile change for user u-1 is not valid: name: must be a non-empty string; email: ')).toBe(true);
  });

  it('refuses a name with a line break (CONTRACT §1, 1.1: it can reach a mail header)', () => {
    const error = spec.when(update({ name: 'Hanna\r\nBcc: all@example.com' })).thenFails('InvalidProfileUpdate');
    expect(error.problems).toEqual([{ path: 'name', message: 'must not contain line breaks' }]);
  });

  it('refuses a change sent to another user’s stream', () => {
    expect(spec.given([updated({ userId: 'u-1', name: 'Hanna' })]).when(update({ userId: 'u-2', name: 'Rita' })).thenFails('UserIdMismatch').message).toBe(
      'the change is for user u-2 but was sent to user u-1; send it to user u-2',
    );
  });

  it('records an update the emails then apply to the host', () => {
    const [event] = E.getOrElseW(() => [])(userProfileDecider.decide(update({ jobTitle: 'Senior advisor' }), userProfileDecider.initial));
    expect(event && applyProfileUpdate(aHost(), event.data)).toEqual({ ...aHost(), jobTitle: 'Senior advisor' });
  });
});

describe('decodeUserProfileCommand', () => {
  it('decodes a change and names what is wrong', () => {
    expect(decodeUserProfileCommand({ type: 'UpdateUserProfile', now: '2026-03-01T10:00:00Z', userId: 'u-1', locale: 'nl', extra: 1 })).toEqual(
      E.right({ type: 'UpdateUserProfile', now: '2026-03-01T10:00:00Z', userId: 'u-1', locale: 'nl' }),
    );
    const problems = (raw: unknown) => E.match((e: { message: string }) => e.message, () => 'decoded')(decodeUserProfileCommand(raw));
    expect(problems({ type: 'RenameUser' })).toBe('type: unknown command "RenameUser"; must be "UpdateUserProfile"');
    expect(problems({ type: 'UpdateUserProfile', now: '2026-03-01T10:00:00Z' })).toBe('userId: is required');
  });
});
