import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import type { AccountEvent, Audience, NotificationId } from '@rendezvous/domain';
import { decode } from '@rendezvous/domain';
import { compileTemplate } from '../templates/compile';
import { checkBodyHtml } from '../templates/html/check';
import type { AccountCommand, CustomizeNotification } from './commands';
import { accountCommandCodecs } from './commands';
import type { AccountError, UnknownNotificationPair } from './errors';
import { checkLimits } from './limits';
import { audienceNoun, pairExists } from './pairs';
import type { AccountState } from './state';
import { pairSettings } from './state';

function unknownPair(audience: Audience, notification: NotificationId): UnknownNotificationPair {
  const why =
    audience === 'user'
      ? `${notification} is only sent to guests; the host (user audience) never receives it`
      : `there is no ${notification} notification`;
  return {
    type: 'UnknownNotificationPair',
    audience,
    notification,
    message: `(${audience}, ${notification}) is not a notification ${audienceNoun(audience)} receive: ${why}`,
  };
}

function sameAccount(state: AccountState, accountId: string): E.Either<AccountError, void> {
  if (state.accountId === undefined || state.accountId === accountId) return E.right(undefined);
  return E.left({
    type: 'AccountMismatch',
    expected: state.accountId,
    actual: accountId,
    message: `this is the stream of account ${state.accountId}; a change for account ${accountId} does not belong here`,
  });
}

/** Checks a customization the way the Email Editor saves it: pair, limits, both templates, then the body's HTML. */
function checkCustomization(command: CustomizeNotification): E.Either<AccountError, void> {
  const { audience, notification, subject, body } = command;
  if (!pairExists(audience, notification)) return E.left(unknownPair(audience, notification));
  const tooLarge = checkLimits(command);
  if (tooLarge !== undefined) return E.left(tooLarge);
  const compiledSubject = compileTemplate(subject, { notification, audience, part: 'subject' });
  if (E.isLeft(compiledSubject)) return compiledSubject;
  const compiledBody = compileTemplate(body, { notification, audience, part: 'body' });
  if (E.isLeft(compiledBody)) return compiledBody;
  const unsafe = checkBodyHtml(body);
  return unsafe === undefined ? E.right(undefined) : E.left(unsafe);
}

function decoded(command: AccountCommand): E.Either<AccountError, AccountCommand> {
  const codec = accountCommandCodecs[command.type] as unknown as t.Type<AccountCommand, unknown, unknown>;
  return decode(codec, command);
}

function decideValid(command: AccountCommand, state: AccountState): E.Either<AccountError, readonly AccountEvent[]> {
  const mismatch = sameAccount(state, command.accountId);
  if (E.isLeft(mismatch)) return mismatch;
  const occurredAt = command.now;
  switch (command.type) {
    case 'ConfigureBranding': {
      const { type: _type, now: _now, ...data } = command;
      return E.right([{ type: 'BrandingConfigured', occurredAt, data }]);
    }
    case 'CustomizeNotification': {
      const checked = checkCustomization(command);
      if (E.isLeft(checked)) return checked;
      const { type: _type, now: _now, ...data } = command;
      return E.right([{ type: 'NotificationCustomized', occurredAt, data }]);
    }
    case 'EnableNotification':
    case 'DisableNotification': {
      const { accountId, audience, notification } = command;
      if (!pairExists(audience, notification)) return E.left(unknownPair(audience, notification));
      const enable = command.type === 'EnableNotification';
      // Asking for the state a pair is already in records nothing: there is no change to tell.
      if (pairSettings(state, audience, notification).enabled === enable) return E.right([]);
      const data = { accountId, audience, notification };
      return E.right([enable ? { type: 'NotificationEnabled', occurredAt, data } : { type: 'NotificationDisabled', occurredAt, data }]);
    }
  }
}

/**
 * Decides an account command: the events to record, or why not. A customization is refused
 * with the template error (part, line, column, closest name) when either template fails to
 * compile, so NotificationCustomized is only ever recorded for templates that render.
 */
export function decideAccount(command: AccountCommand, state: AccountState): E.Either<AccountError, readonly AccountEvent[]> {
  const valid = decoded(command);
  return E.isLeft(valid) ? valid : decideValid(valid.right, state);
}
